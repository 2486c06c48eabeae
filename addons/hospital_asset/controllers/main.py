from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request


class HospitalAssetCountController(http.Controller):
    """The phone page of a count: the department's counter scans the QR
    labels (or types the asset numbers) of the assets in front of them."""

    def _count(self, count_id):
        """The count as the counter sees it: record rules decide, a count of
        another department is not found."""
        count = request.env["hospital.asset.count"].browse(count_id).exists()
        try:
            count.check_access("read")
        except AccessError:
            raise request.not_found() from None
        if not count:
            raise request.not_found()
        return count

    def _render(self, count, error=None, message=None, status=200):
        lines = request.env["hospital.asset.count.line"].search(
            [("count_id", "=", count.id)]
        )
        department = count.department_id or lines.expected_department_id
        rooms = request.env["hospital.location"].search(
            [("department_id", "in", department.ids)]
        )
        return request.render(
            "hospital_asset.count_page",
            {
                "count": count,
                "lines": lines,
                "pending": lines.filtered(lambda line: line.result == "pending"),
                "done": lines.filtered(lambda line: line.result != "pending"),
                "rooms": rooms,
                "error": error,
                "message": message,
                "user": request.env.user,
            },
            status=status,
        )

    @http.route(
        "/hospital/asset/count/<int:count_id>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def count_page(self, count_id, **kw):
        count = self._count(count_id)
        error = None
        if count.state != "counting":
            error = request.env._(
                "%(count)s is closed (%(state)s): nothing more is counted on it.",
                count=count.display_name,
                state=dict(count._fields["state"]._description_selection(request.env))[
                    count.state
                ],
            )
        return self._render(count, error=error)

    @http.route(
        "/hospital/asset/count/<int:count_id>/scan",
        type="http",
        auth="user",
        methods=["POST"],
    )
    def count_scan(self, count_id, **post):
        count = self._count(count_id)
        try:
            room_id = int(post.get("room_id") or 0)
        except ValueError:
            room_id = 0
        # Only a room the counter may see is taken.
        room = request.env["hospital.location"].search([("id", "=", room_id)])
        try:
            with request.env.cr.savepoint():
                if post.get("surplus"):
                    line = count.action_add_surplus(post["surplus"], room)
                    message = request.env._(
                        "Surplus item noted: %(item)s.", item=line.surplus_name
                    )
                else:
                    line = count.action_count_code(post.get("code"), room)
                    message = (
                        request.env._(
                            "%(asset)s: found in the wrong room (%(room)s).",
                            asset=line.equipment_id.display_name,
                            room=line.found_location_id.name,
                        )
                        if line.result == "wrong_location"
                        else request.env._(
                            "%(asset)s: found.", asset=line.equipment_id.display_name
                        )
                    )
        except (UserError, ValidationError, AccessError) as e:
            return self._render(count, error=str(e), status=409)
        return self._render(count, message=message)
