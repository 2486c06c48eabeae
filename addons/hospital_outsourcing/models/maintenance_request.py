from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

# Ratings of the service desk (1 to 5 stars) that count as a complaint.
COMPLAINT_RATINGS = ("1", "2")


class MaintenanceRequest(models.Model):
    """Tickets of the service desk handed to an outsourced vendor: the desk's
    own SLA clock measures the vendor (no clock of its own)."""

    _inherit = "maintenance.request"

    hospital_outsourcing_agreement_id = fields.Many2one(
        "hospital.outsourcing.agreement",
        string="Outsourced Agreement",
        index="btree_not_null",
        tracking=True,
        domain="[('state', '=', 'active')]",
        help="The vendor's agreement this ticket is handed to: it counts in the "
        "vendor's quarterly scorecard.",
    )
    hospital_vendor_id = fields.Many2one(
        related="hospital_outsourcing_agreement_id.vendor_id",
        store=True,
        string="Vendor",
        index="btree_not_null",
    )
    hospital_vendor_interruption = fields.Boolean(
        string="Service Interruption",
        tracking=True,
        help="The vendor's service stopped (no cleaner, elevator down, no meal "
        "delivered): counts in the interruption rate.",
    )
    hospital_vendor_complaint = fields.Boolean(
        string="Complaint",
        compute="_compute_hospital_vendor_complaint",
        store=True,
        help="The requester rated the work 1 or 2 stars.",
    )
    hospital_vendor_accepted_at = fields.Datetime(
        string="Accepted by Vendor", readonly=True, copy=False
    )
    hospital_vendor_staff_id = fields.Many2one(
        "hospital.outsourcing.staff",
        string="Vendor's Worker",
        index="btree_not_null",
        tracking=True,
        domain="[('vendor_id', '=', hospital_vendor_id)]",
        help="The vendor's worker sent to the ticket: holds the certificates "
        "the agreement and the service require.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        requests.filtered("hospital_vendor_staff_id")._hospital_check_vendor_staff()
        return requests

    def write(self, vals):
        result = super().write(vals)
        if {
            "hospital_vendor_staff_id",
            "hospital_outsourcing_agreement_id",
            "service_category_id",
        } & set(vals):
            self.filtered("hospital_vendor_staff_id")._hospital_check_vendor_staff()
        return result

    def _hospital_check_vendor_staff(self, sent=None):
        """The worker on a vendor ticket is the vendor's and holds, valid
        today, the certificates of the agreement and of the service;
        ``sent``: the worker about to be sent, checked before the write."""
        for request in self.sudo():
            worker = sent or request.hospital_vendor_staff_id
            # A ticket handed to no vendor yet keeps the worker a dispatcher
            # named; handed to a vendor, the worker is the vendor's.
            vendor = request.hospital_vendor_id
            if vendor and worker.vendor_id != vendor:
                raise ValidationError(
                    self.env._(
                        "%(person)s does not work for the vendor of %(ticket)s.",
                        person=worker.name,
                        ticket=request.name,
                    )
                )
            worker._hospital_check_assignable(
                request.hospital_outsourcing_agreement_id.licence_type_ids
                | request.service_category_id.licence_type_ids,
                request.name,
            )

    @api.depends("rating")
    def _compute_hospital_vendor_complaint(self):
        for request in self:
            request.hospital_vendor_complaint = request.rating in COMPLAINT_RATINGS

    def _hospital_check_vendor(self):
        partner = self.env.user.commercial_partner_id
        for request in self.sudo():
            if not self.env.user.share or request.hospital_vendor_id != partner:
                raise UserError(
                    self.env._("Only the vendor the ticket is handed to answers it.")
                )

    @hospital_transition
    def action_vendor_accept(self, staff_id=False):
        """The vendor takes the ticket (portal), naming the worker it sends
        (``staff_id``, a ``hospital.outsourcing.staff`` id): the response
        clock stops."""
        self._hospital_check_vendor()
        requests = self.sudo()
        requests._hospital_check_state(("new", "dispatched"), self.env._("accept"))
        if staff_id and not isinstance(staff_id, int):
            raise ValidationError(self.env._("Choose a worker of the roster."))
        vals = {"hospital_vendor_accepted_at": fields.Datetime.now()}
        if staff_id:
            # Refused before anything is written.
            worker = self.env["hospital.outsourcing.staff"].sudo().browse(staff_id)
            if not worker.exists():
                raise ValidationError(self.env._("Choose a worker of the roster."))
            requests._hospital_check_vendor_staff(worker)
            vals["hospital_vendor_staff_id"] = staff_id
        requests.write(vals)
        requests.action_respond()
        for request in requests:
            request.message_post(
                body=self.env._(
                    "Accepted by the vendor (%(user)s).", user=self.env.user.name
                )
            )
        return True

    @hospital_transition
    def action_vendor_done(self, report=False):
        """The vendor reports the work done (portal): the resolution clock
        stops and the requester is asked to confirm and rate."""
        self._hospital_check_vendor()
        if report and (not isinstance(report, str) or len(report) > 4000):
            raise ValidationError(
                self.env._("A report is a text of at most 4000 characters.")
            )
        requests = self.sudo()
        requests.action_done()
        if report:
            for request in requests:
                request.message_post(
                    body=self.env._(
                        "Completion reported by the vendor (%(user)s): %(report)s",
                        user=self.env.user.name,
                        report=report,
                    )
                )
        return True

    def _hospital_guarded_fields(self):
        # The vendor's acceptance is stamped by its button only.
        return super()._hospital_guarded_fields() | {"hospital_vendor_accepted_at"}
