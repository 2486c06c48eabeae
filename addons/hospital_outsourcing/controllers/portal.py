import base64

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20
# A photo of a correction is a phone picture, not an archive.
MAX_PHOTO_BYTES = 8 * 1024 * 1024

# (counter, model, url, list template, order); the record rules decide which
# records a vendor sees, the pages only show them.
PAGES = {
    "agreements": (
        "outsourcing_agreement_count",
        "hospital.outsourcing.agreement",
        "hospital_outsourcing.portal_my_agreements",
        "date_end desc, id desc",
    ),
    "inspections": (
        "outsourcing_inspection_count",
        "hospital.outsourcing.inspection",
        "hospital_outsourcing.portal_my_inspections",
        "date desc, id desc",
    ),
    "staff": (
        "outsourcing_staff_count",
        "hospital.outsourcing.staff",
        "hospital_outsourcing.portal_my_staff_list",
        "name, id",
    ),
    "scorecards": (
        "outsourcing_scorecard_count",
        "hospital.outsourcing.scorecard",
        "hospital_outsourcing.portal_my_scorecards",
        "year desc, quarter desc, id desc",
    ),
}


class HospitalOutsourcingPortal(CustomerPortal):
    """A vendor's pages: its agreements, the tickets handed to it, its
    inspections and findings, its signed scorecards."""

    def _hospital_vendor(self):
        user = request.env.user
        return user.commercial_partner_id if user.share else None

    def _hospital_vendor_tickets(self):
        """Tickets of the service desk handed to the vendor: the desk's
        requests stay closed to portal users by RPC, the page reads them for
        the vendor only."""
        vendor = self._hospital_vendor()
        if not vendor:
            return request.env["maintenance.request"].sudo().browse()
        return (
            request.env["maintenance.request"]
            .sudo()
            .search(
                [("hospital_vendor_id", "=", vendor.id)],
                order="reported_at desc, id desc",
            )
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        for counter, model, _template, _order in PAGES.values():
            if counter in counters:
                Model = request.env[model]
                values[counter] = (
                    Model.search_count([]) if Model.has_access("read") else 0
                )
        if "outsourcing_ticket_count" in counters:
            values["outsourcing_ticket_count"] = len(self._hospital_vendor_tickets())
        return values

    def _hospital_list(self, kind, page):
        _counter, model, template, order = PAGES[kind]
        Model = request.env[model]
        if not Model.has_access("read"):
            return request.redirect("/my")
        url = f"/my/outsourcing/{kind}"
        pager = portal_pager(
            url=url, total=Model.search_count([]), page=page, step=PAGE_SIZE
        )
        records = Model.search([], order=order, limit=PAGE_SIZE, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "records": records.sudo(),
                "page_name": f"outsourcing_{kind}",
                "pager": pager,
                "default_url": url,
            }
        )
        return request.render(template, values)

    def _hospital_record(self, model, record_id):
        """The vendor's record, or None: another vendor's is not found."""
        try:
            return self._document_check_access(model, record_id)
        except (AccessError, MissingError):
            return None

    @http.route(
        [
            "/my/outsourcing/agreements",
            "/my/outsourcing/agreements/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_outsourcing_agreements(self, page=1, **kw):
        return self._hospital_list("agreements", page)

    @http.route(
        ["/my/outsourcing/agreements/<int:agreement_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_outsourcing_agreement(self, agreement_id, **kw):
        agreement = self._hospital_record(
            "hospital.outsourcing.agreement", agreement_id
        )
        if agreement is None:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"agreement": agreement, "page_name": "outsourcing_agreements"})
        return request.render("hospital_outsourcing.portal_my_agreement", values)

    @http.route(
        [
            "/my/outsourcing/inspections",
            "/my/outsourcing/inspections/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_outsourcing_inspections(self, page=1, **kw):
        return self._hospital_list("inspections", page)

    @http.route(
        ["/my/outsourcing/inspections/<int:inspection_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_outsourcing_inspection(self, inspection_id, error=None, **kw):
        inspection = self._hospital_record(
            "hospital.outsourcing.inspection", inspection_id
        )
        if inspection is None:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "inspection": inspection,
                "page_name": "outsourcing_inspections",
                "error": error,
            }
        )
        return request.render("hospital_outsourcing.portal_my_inspection", values)

    @http.route(
        ["/my/outsourcing/inspections/<int:inspection_id>/answer/<int:line_id>"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_outsourcing_answer(
        self, inspection_id, line_id, answer="", photo=None, **kw
    ):
        inspection = self._hospital_record(
            "hospital.outsourcing.inspection", inspection_id
        )
        if inspection is None:
            return request.not_found()
        line = inspection.line_ids.filtered(lambda line: line.id == line_id)
        if not line:
            return request.not_found()
        data = False
        if photo and getattr(photo, "filename", None):
            raw = photo.read(MAX_PHOTO_BYTES + 1)
            if len(raw) > MAX_PHOTO_BYTES:
                return self._hospital_answer_error(
                    inspection, request.env._("The photo is larger than 8 MB.")
                )
            data = base64.b64encode(raw)
        try:
            with request.env.cr.savepoint():
                line.with_user(request.env.user)._hospital_vendor_answer(answer, data)
        except (UserError, ValidationError) as exc:
            return self._hospital_answer_error(inspection, exc.args[0])
        return request.redirect(f"/my/outsourcing/inspections/{inspection.id}")

    def _hospital_answer_error(self, inspection, message):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "inspection": inspection,
                "page_name": "outsourcing_inspections",
                "error": message,
            }
        )
        return request.render("hospital_outsourcing.portal_my_inspection", values)

    @http.route(
        [
            "/my/outsourcing/scorecards",
            "/my/outsourcing/scorecards/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_outsourcing_scorecards(self, page=1, **kw):
        return self._hospital_list("scorecards", page)

    @http.route(
        ["/my/outsourcing/scorecards/<int:scorecard_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_outsourcing_scorecard(self, scorecard_id, **kw):
        card = self._hospital_record("hospital.outsourcing.scorecard", scorecard_id)
        if card is None:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"scorecard": card, "page_name": "outsourcing_scorecards"})
        return request.render("hospital_outsourcing.portal_my_scorecard", values)

    # -- staff and certificates ----------------------------------------------

    @http.route(
        [
            "/my/outsourcing/staff",
            "/my/outsourcing/staff/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_outsourcing_staff_list(self, page=1, **kw):
        return self._hospital_list("staff", page)

    @http.route(
        ["/my/outsourcing/staff/<int:staff_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_outsourcing_staff(self, staff_id, error=None, **kw):
        worker = self._hospital_record("hospital.outsourcing.staff", staff_id)
        if worker is None:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "worker": worker,
                "page_name": "outsourcing_staff",
                "error": error,
                "missing_types": worker.required_licence_type_ids
                - worker.licence_ids.licence_type_id,
            }
        )
        return request.render("hospital_outsourcing.portal_my_staff", values)

    @http.route(
        ["/my/outsourcing/staff/<int:staff_id>/renew/<int:licence_type_id>"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_outsourcing_staff_renew(
        self,
        staff_id,
        licence_type_id,
        number="",
        issue_date="",
        expiry_date="",
        scan=None,
        **kw,
    ):
        worker = self._hospital_record("hospital.outsourcing.staff", staff_id)
        if worker is None:
            return request.not_found()
        data, filename = False, None
        if scan and getattr(scan, "filename", None):
            raw = scan.read(MAX_PHOTO_BYTES + 1)
            if len(raw) > MAX_PHOTO_BYTES:
                return self.portal_my_outsourcing_staff(
                    staff_id, error=request.env._("The scan is larger than 8 MB.")
                )
            data, filename = base64.b64encode(raw), scan.filename
        licence_type = (
            request.env["hospital.licence.type"].sudo().browse(licence_type_id)
        )
        Renewal = request.env["hospital.outsourcing.licence.renewal"]
        try:
            with request.env.cr.savepoint():
                Renewal._hospital_vendor_submit(
                    worker,
                    licence_type,
                    number,
                    issue_date or False,
                    expiry_date or False,
                    data,
                    filename=filename,
                )
        except (UserError, ValidationError) as exc:
            return self.portal_my_outsourcing_staff(staff_id, error=exc.args[0])
        return request.redirect(f"/my/outsourcing/staff/{worker.id}")

    # -- tickets -------------------------------------------------------------

    @http.route(["/my/outsourcing/tickets"], type="http", auth="user", website=True)
    def portal_my_outsourcing_tickets(self, error=None, **kw):
        if not self._hospital_vendor():
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "tickets": self._hospital_vendor_tickets()[:200],
                "workers": request.env["hospital.outsourcing.staff"].search([]),
                "page_name": "outsourcing_tickets",
                "error": error,
            }
        )
        return request.render("hospital_outsourcing.portal_my_tickets", values)

    @http.route(
        ["/my/outsourcing/tickets/<int:ticket_id>/<string:step>"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_outsourcing_ticket_step(
        self, ticket_id, step, report="", staff_id="", **kw
    ):
        ticket = self._hospital_vendor_tickets().filtered(lambda t: t.id == ticket_id)
        if not ticket or step not in ("accept", "done"):
            return request.not_found()
        ticket = ticket.with_user(request.env.user).sudo(False)
        try:
            # A refused step leaves nothing half-written: the page answers
            # with the message, the transaction is committed.
            with request.env.cr.savepoint():
                self._hospital_ticket_step(ticket, step, report, staff_id)
        except (UserError, ValidationError) as exc:
            return self.portal_my_outsourcing_tickets(error=exc.args[0])
        return request.redirect("/my/outsourcing/tickets")

    def _hospital_ticket_step(self, ticket, step, report, staff_id):
        if step == "accept":
            ticket.action_vendor_accept(
                int(staff_id) if str(staff_id).isdigit() else False
            )
        else:
            ticket.action_vendor_done(report or False)
