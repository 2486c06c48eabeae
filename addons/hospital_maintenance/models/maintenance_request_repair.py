from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

# Stamped by the escalation job only, never under tier validation control.
ESCALATION_FIELDS = {"is_breached", "escalation_level", "escalated_at"}
# What a repair notice describes, and so what its approval covers.
NOTICE_CERTIFIES = ("service_category_id", "notice_note", "labour_cost", "part_ids")


# One model, one file per concern (issue 15): the request is extended here
# on purpose rather than merged into maintenance_request.py.
class MaintenanceRequest(models.Model):
    """Repairs: minor ones are done directly and registered (登记验收);
    the others need a repair notice (维修通知单) approved through tier
    validation before they are completed, and a costly one (above the repair
    approval amount) also the leadership's validation. Parts leave the
    warehouse at their cost when the work is completed."""

    _inherit = "maintenance.request"  # pylint: disable=consider-merging-classes-inherited

    # Tier validation guards the completion of a repair: its notice, its cost.
    _state_field = "service_state"
    _state_from = ["dispatched", "in_progress", "waiting"]
    _state_to = ["done"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    is_minor = fields.Boolean(
        string="Minor Repair",
        compute="_compute_is_minor",
        help="Decided by the service category and the cost: a minor repair costs "
        "at most the repair approval amount of Settings. Minor repairs are done "
        "directly, then registered and accepted; other repairs need a repair "
        "notice (维修通知单) approved by the supervisor. Once a notice was sent "
        "the repair is no longer minor.",
    )
    needs_notice = fields.Boolean(compute="_compute_needs_notice")
    notice_sent = fields.Boolean(
        string="Repair Notice Sent",
        copy=False,
        readonly=True,
        help="A repair notice was sent for approval: the repair stays one that "
        "needs an approved notice, whatever is changed afterwards.",
    )
    notice_state = fields.Selection(
        [
            ("none", "Not Requested"),
            ("to_approve", "Waiting for Supervisor"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        string="Repair Notice",
        compute="_compute_notice_state",
        store=True,
        copy=False,
        tracking=True,
    )
    notice_note = fields.Text(
        string="Repair Notice Details",
        help="Work to be done, expected parts and cost.",
    )
    notice_reviewer_ids = fields.Many2many(
        "res.users",
        string="Notice Approvers",
        compute="_compute_notice_reviewer_ids",
        help="Who approves a repair notice: the team leader and the logistics "
        "managers of the hospital.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    part_ids = fields.One2many("hospital.request.part", "request_id", string="Parts")
    parts_cost = fields.Monetary(compute="_compute_repair_cost", store=True)
    labour_cost = fields.Monetary(tracking=True)
    repair_cost = fields.Monetary(
        compute="_compute_repair_cost", store=True, tracking=True
    )

    @api.depends("part_ids.subtotal", "labour_cost")
    def _compute_repair_cost(self):
        for request in self:
            request.parts_cost = sum(request.part_ids.mapped("subtotal"))
            request.repair_cost = request.parts_cost + request.labour_cost

    def _hospital_repair_costly(self):
        """Whether the repair costs more than the approval amount of Settings."""
        self.ensure_one()
        return self.repair_cost > self.company_id.hospital_repair_approval_amount

    @api.depends("service_category_id.minor_by_default", "repair_cost", "notice_sent")
    def _compute_is_minor(self):
        for request in self:
            request.is_minor = (
                not request.notice_sent
                and request.service_category_id.minor_by_default
                and not request._hospital_repair_costly()
            )

    @api.depends("service_kind", "is_minor", "notice_sent")
    def _compute_needs_notice(self):
        for request in self:
            request.needs_notice = request.notice_sent or (
                request.service_kind == "repair" and not request.is_minor
            )

    @api.depends("notice_sent", "validation_status")
    def _compute_notice_state(self):
        states = {
            "waiting": "to_approve",
            "pending": "to_approve",
            "validated": "approved",
            "rejected": "refused",
        }
        for request in self:
            request.notice_state = (
                states.get(request.validation_status, "none")
                if request.notice_sent
                else "none"
            )

    @api.depends("maintenance_team_id.user_id", "company_id")
    def _compute_notice_reviewer_ids(self):
        managers = self.env.ref(MANAGER).sudo().all_user_ids
        for request in self:
            request.notice_reviewer_ids = (
                request.maintenance_team_id.user_id
                | managers.filtered(lambda u, r=request: r.company_id in u.company_ids)
            ).filtered("active")

    @api.constrains("labour_cost")
    def _check_labour_cost(self):
        for request in self:
            if request.labour_cost < 0:
                raise ValidationError(self.env._("The labour cost cannot be negative."))

    # ----------------------------------------------- what an approval covers

    def _hospital_check_content_editable(self, fnames):
        result = super()._hospital_check_content_editable(fnames)
        certified = {
            fname for fname in fnames if fname.partition(".")[0] in NOTICE_CERTIFIES
        }
        for request in self:
            if certified and request.review_ids:
                raise UserError(
                    self.env._(
                        "The approval of %(request)s covers %(fields)s: restart "
                        "the validation first, change them, then send the repair "
                        "notice again.",
                        request=request.display_name,
                        fields=", ".join(
                            sorted(request._hospital_field_labels(certified))
                        ),
                    )
                )
        return result

    def _get_under_validation_exceptions(self):
        # The clock keeps running while a repair waits for its approval, and
        # its fields only move through the request's own buttons.
        return (
            super()._get_under_validation_exceptions()
            + sorted(self._hospital_guarded_fields())
            + ["checklist_ids", "kanban_state", "archive"]
        )

    def _tier_validation_check_write_allowed(self, vals):
        # The escalation job only stamps its own bookkeeping; checking the
        # validation exceptions record by record would make it O(n) in queries.
        if set(vals) <= ESCALATION_FIELDS:
            return None
        return super()._tier_validation_check_write_allowed(vals)

    # --------------------------------------------------------------- buttons

    @hospital_transition
    def request_validation(self):
        """Send the repair notice (and the cost) for approval."""
        self._hospital_check_staff()
        for request in self.filtered("needs_notice"):
            if not request.notice_note:
                raise UserError(
                    self.env._(
                        "Describe the work, the parts and the expected cost "
                        "in the repair notice of %(request)s.",
                        request=request.name,
                    )
                )
        self.filtered("needs_notice").write({"notice_sent": True})
        return super().request_validation()

    def action_request_notice(self):
        for request in self:
            if not request.needs_notice:
                raise UserError(
                    self.env._(
                        "%(request)s is a minor repair: it needs no repair notice.",
                        request=request.name,
                    )
                )
        reviews = self.request_validation()
        if not reviews:
            raise UserError(
                self.env._(
                    "No approval applies to this repair notice: either one is "
                    "already under way, or the tier “Repair notice” was "
                    "archived in Configuration › Approval Tiers."
                )
            )
        return True

    @hospital_transition
    def restart_validation(self):
        self._hospital_check_staff()
        return super().restart_validation()

    @hospital_transition
    def action_done(self):
        """The technician has finished; the requester now confirms and rates."""
        self._hospital_check_staff()
        for request in self:
            if not request.responded_at:
                raise UserError(
                    self.env._(
                        "%(request)s was never responded to: report back from the "
                        "site before completing it.",
                        request=request.name,
                    )
                )
        self._hospital_check_state(("in_progress",), self.env._("complete"))
        for request in self:
            if request.needs_notice and request.notice_state != "approved":
                raise UserError(
                    self.env._(
                        "%(request)s is not a minor repair: its repair notice must "
                        "be approved by the supervisor first.",
                        request=request.name,
                    )
                )
            missing = request.checklist_ids.filtered(lambda c: not c.done)
            if missing:
                raise UserError(
                    self.env._(
                        "Record every check of %(request)s before completing it: "
                        "%(checks)s",
                        request=request.name,
                        checks=", ".join(missing.mapped("name")),
                    )
                )
        now = fields.Datetime.now()
        self.write({"service_state": "done"})
        self._hospital_sla_stop("resolution", now)
        self.part_ids._consume_from_stock()
        self._hospital_set_stage("maintenance.stage_3")
        self._hospital_close_reminders(
            ["hospital_maintenance.mail_act_hospital_escalation"],
            self.env._("The work is done."),
        )
        for request in self:
            request.message_post(
                body=self.env._(
                    "The work is done. Please confirm and rate it: an unconfirmed "
                    "request closes by itself after %(days)s days.",
                    days=request.company_id.hospital_autoclose_days,
                ),
                partner_ids=request.requester_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True
