from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request


class HospitalReportController(http.Controller):
    """Mobile page opened by scanning a QR label: report without training."""

    def _render_form(self, location=None, equipment=None, error=None, values=None):
        categories = request.env["hospital.service.category"].search([])
        return request.render(
            "hospital_maintenance.report_request_page",
            {
                "location": location,
                "equipment": equipment,
                "categories": categories,
                "error": error,
                "values": values or {},
                "user": request.env.user,
            },
        )

    def _find(self, model, token):
        record = request.env[model].sudo().search([("qr_token", "=", token)], limit=1)
        if not record:
            raise request.not_found()
        return record

    @http.route(
        "/hospital/report/location/<string:token>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def report_location(self, token, **kw):
        return self._render_form(location=self._find("hospital.location", token))

    @http.route(
        "/hospital/report/equipment/<string:token>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def report_equipment(self, token, **kw):
        equipment = self._find("maintenance.equipment", token)
        return self._render_form(
            location=equipment.hospital_location_id, equipment=equipment
        )

    @http.route("/hospital/report/submit", type="http", auth="user", methods=["POST"])
    def report_submit(self, **post):
        location = equipment = None
        if post.get("equipment_token"):
            equipment = self._find("maintenance.equipment", post["equipment_token"])
            location = equipment.hospital_location_id
        elif post.get("location_token"):
            location = self._find("hospital.location", post["location_token"])
        try:
            category_id = int(post.get("category_id") or 0)
        except ValueError:
            category_id = 0
        # Only a category the reporter may see (same hospital) is accepted.
        category = request.env["hospital.service.category"].search(
            [("id", "=", category_id)]
        )
        vals = {
            "name": (post.get("name") or "").strip(),
            "description": post.get("description") or False,
            "requester_phone": post.get("phone") or False,
            "service_category_id": category.id,
            "location_id": location.id if location else False,
            "equipment_id": equipment.id if equipment else False,
            "channel": "qr",
        }
        if not vals["name"]:
            return self._render_form(
                location,
                equipment,
                error=request.env._("Say in a few words what is wrong."),
                values=post,
            )
        # Requesters may not read the equipment or the team behind it: the QR
        # token proves they stand in front of it, so the request is created as
        # superuser on their behalf, with their name as the requester.
        try:
            with request.env.cr.savepoint():
                new = (
                    request.env["maintenance.request"]
                    .sudo()
                    .create({**vals, "requester_id": request.env.user.id})
                )
        except (UserError, ValidationError, AccessError) as e:
            return self._render_form(location, equipment, error=str(e), values=post)
        return request.render(
            "hospital_maintenance.report_request_done", {"maintenance_request": new}
        )
