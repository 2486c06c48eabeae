from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)


class HospitalOutsourcingInspection(models.Model):
    """An on-site inspection (现场检查) of a vendor's service: the checklist of
    its service type, points deducted per finding with photos, corrective
    actions asked of the vendor by a deadline, then verified."""

    _name = "hospital.outsourcing.inspection"
    _description = "Outsourced Service Inspection"
    _hospital_sequence_code = "hospital.outsourcing.inspection"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _hospital_editable_states = {"draft": ALL_FIELDS}
    _hospital_free_fields = ("active", "note")

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    agreement_id = fields.Many2one(
        "hospital.outsourcing.agreement",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="[('state', '=', 'active')]",
    )
    vendor_id = fields.Many2one(
        related="agreement_id.vendor_id", store=True, index=True
    )
    service_type = fields.Selection(related="agreement_id.service_type", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    inspector_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        required=True,
        domain="[('share', '=', False)]",
    )
    location_id = fields.Many2one(
        "hospital.location", string="Area Inspected", check_company=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Awaiting Corrective Actions"),
            ("closed", "Verified"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    active = fields.Boolean(default=True)
    line_ids = fields.One2many(
        "hospital.outsourcing.inspection.line", "inspection_id", string="Checklist"
    )
    points_deducted = fields.Float(compute="_compute_points_deducted", store=True)
    note = fields.Html()

    @api.depends("line_ids.points_deducted")
    def _compute_points_deducted(self):
        for inspection in self:
            inspection.points_deducted = sum(
                inspection.line_ids.mapped("points_deducted")
            )

    @api.depends("name", "vendor_id")
    def _compute_display_name(self):
        for inspection in self:
            inspection.display_name = (
                f"{inspection.name} {inspection.vendor_id.name or ''}".strip()
            )

    def _hospital_check_inspector(self):
        if not (self.env.su or self.env.user.has_group(MANAGER)):
            raise UserError(
                self.env._(
                    "Only the logistics manager's inspectors record inspections."
                )
            )

    def action_load_checklist(self):
        """Fill the checklist from the items of the agreement's service type."""
        self._hospital_check_inspector()
        self._hospital_check_state("draft")
        items = self.env["hospital.outsourcing.checklist.item"].search(
            [("service_type", "in", self.mapped("service_type"))]
        )
        lines = []
        for inspection in self:
            criteria = inspection.agreement_id.kpi_template_id.criterion_ids
            done = set(inspection.line_ids.mapped("item_id").ids)
            for item in items.filtered(
                lambda i, inspection=inspection, done=done: (
                    i.service_type == inspection.service_type and i.id not in done
                )
            ):
                criterion = criteria.filtered(lambda c, item=item: c.kind == item.kind)
                lines.append(
                    {
                        "inspection_id": inspection.id,
                        "item_id": item.id,
                        "name": item.name,
                        "criterion_id": criterion[:1].id,
                    }
                )
        self.env["hospital.outsourcing.inspection.line"].create(lines)
        return True

    @hospital_transition
    def action_send(self):
        """Close the visit: the findings go to the vendor, who answers each
        one asking for a corrective action."""
        self._hospital_check_inspector()
        self._hospital_check_state("draft")
        for inspection in self:
            findings = inspection.line_ids.filtered(lambda line: not line.passed)
            findings.write({"finding_state": "open"})
            (inspection.line_ids - findings).write({"finding_state": "ok"})
            state = "sent" if findings.filtered("action_required") else "closed"
            inspection.write({"state": state})
        return True

    @hospital_transition
    def action_close(self):
        """Every corrective action was verified on site."""
        self._hospital_check_inspector()
        self._hospital_check_state("sent")
        for inspection in self:
            pending = inspection.line_ids.filtered(
                lambda line: line.action_required and line.finding_state != "verified"
            )
            if pending:
                raise UserError(
                    self.env._(
                        "Verify every corrective action of %(inspection)s first: "
                        "%(lines)s",
                        inspection=inspection.display_name,
                        lines=", ".join(pending.mapped("name")),
                    )
                )
        self.write({"state": "closed"})
        return True

    @api.model
    def _hospital_portal_fixture(self, partner):
        """An inspection sent to vendor ``partner``, with one finding, for the
        suite's portal isolation test."""
        agreement = self.env["hospital.outsourcing.agreement"]._hospital_portal_fixture(
            partner
        )
        inspection = self.create(
            {
                "agreement_id": agreement.id,
                "line_ids": [
                    fields.Command.create(
                        {
                            "name": f"Floor not mopped ({partner.name})",
                            "criterion_id": agreement.kpi_template_id.criterion_ids[
                                :1
                            ].id,
                            "passed": False,
                            "points_deducted": 2,
                            "action_required": True,
                            "action_deadline": fields.Date.context_today(self),
                        }
                    )
                ],
            }
        )
        inspection.action_send()
        return inspection
