from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

ANSWER_LIMIT = 4000


class HospitalOutsourcingInspectionLine(models.Model):
    """A checklist point of an inspection; failed, it is a finding that
    deducts points and may ask the vendor for a corrective action."""

    _name = "hospital.outsourcing.inspection.line"
    _description = "Outsourced Service Inspection Finding"
    _inherit = ["hospital.workflow.line.mixin"]
    _order = "inspection_id, sequence, id"

    _hospital_document_field = "inspection_id"
    _hospital_workflow_fields = (
        "finding_state",
        "vendor_answer",
        "vendor_photo",
        "answered_at",
        "answered_by_id",
        "verified_at",
    )

    inspection_id = fields.Many2one(
        "hospital.outsourcing.inspection",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="inspection_id.company_id", store=True)
    vendor_id = fields.Many2one(related="inspection_id.vendor_id", store=True)
    agreement_id = fields.Many2one(related="inspection_id.agreement_id", store=True)
    date = fields.Date(related="inspection_id.date", store=True)
    sequence = fields.Integer(default=10)
    item_id = fields.Many2one("hospital.outsourcing.checklist.item")
    name = fields.Char(string="Checked Point", required=True)
    criterion_id = fields.Many2one(
        "hospital.outsourcing.kpi.criterion",
        domain="[('template_id', '=', template_id)]",
        help="The criterion whose points a finding deducts.",
    )
    template_id = fields.Many2one(related="inspection_id.agreement_id.kpi_template_id")
    passed = fields.Boolean(default=True)
    points_deducted = fields.Float()
    finding = fields.Text()
    photo = fields.Image(string="Photo Evidence", max_width=1920, max_height=1920)
    action_required = fields.Boolean(string="Corrective Action Required")
    action_deadline = fields.Date(string="Corrective Action Deadline")
    finding_state = fields.Selection(
        [
            ("ok", "Passed"),
            ("open", "Awaiting the Vendor"),
            ("answered", "Answered"),
            ("verified", "Verified"),
        ],
        copy=False,
        readonly=True,
    )
    vendor_answer = fields.Text(string="Corrective Action Taken", readonly=True)
    vendor_photo = fields.Image(
        string="Photo after Correction", max_width=1920, max_height=1920, readonly=True
    )
    answered_at = fields.Datetime(readonly=True, copy=False)
    answered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    verified_at = fields.Datetime(readonly=True, copy=False)

    @api.constrains("points_deducted", "criterion_id", "passed")
    def _check_deduction(self):
        for line in self:
            if line.points_deducted < 0:
                raise ValidationError(
                    self.env._(
                        "A deduction cannot be negative (%(line)s).", line=line.name
                    )
                )
            if line.passed and line.points_deducted:
                raise ValidationError(
                    self.env._(
                        "“%(line)s” passed: it deducts no points.", line=line.name
                    )
                )
            if line.points_deducted and not line.criterion_id:
                raise ValidationError(
                    self.env._(
                        "Say which criterion “%(line)s” deducts its points from.",
                        line=line.name,
                    )
                )
            if line.criterion_id:
                if line.criterion_id.template_id != line.template_id:
                    raise ValidationError(
                        self.env._(
                            "“%(line)s” deducts from a criterion of another KPI "
                            "template.",
                            line=line.name,
                        )
                    )
                deducted = sum(
                    line.inspection_id.line_ids.filtered(
                        lambda other, line=line: other.criterion_id == line.criterion_id
                    ).mapped("points_deducted")
                )
                if deducted > line.criterion_id.weight:
                    raise ValidationError(
                        self.env._(
                            "%(inspection)s deducts %(points)s points from "
                            "“%(criterion)s”, which gives only %(weight)s.",
                            inspection=line.inspection_id.display_name,
                            points=deducted,
                            criterion=line.criterion_id.name,
                            weight=line.criterion_id.weight,
                        )
                    )

    @api.constrains("action_required", "action_deadline", "passed")
    def _check_action(self):
        for line in self:
            if line.action_required and (line.passed or not line.action_deadline):
                raise ValidationError(
                    self.env._(
                        "A corrective action is asked for a finding, with a "
                        "deadline (%(line)s).",
                        line=line.name,
                    )
                )

    @hospital_transition
    def _hospital_vendor_answer(self, answer, photo=False):
        """The vendor says what it corrected, with a photo (portal)."""
        self.ensure_one()
        partner = self.env.user.commercial_partner_id
        line = self.sudo()
        if not self.env.user.share or line.vendor_id != partner:
            raise UserError(self.env._("Only the vendor answers its findings."))
        if line.finding_state not in ("open", "answered") or not line.action_required:
            raise UserError(
                self.env._("“%(line)s” does not wait for an answer.", line=line.name)
            )
        if not isinstance(answer, str) or not answer.strip():
            raise ValidationError(self.env._("Say what was corrected."))
        if len(answer) > ANSWER_LIMIT:
            raise ValidationError(
                self.env._(
                    "An answer is at most %(limit)s characters.", limit=ANSWER_LIMIT
                )
            )
        vals = {
            "vendor_answer": answer.strip(),
            "finding_state": "answered",
            "answered_at": fields.Datetime.now(),
            "answered_by_id": self.env.uid,
        }
        if photo:
            vals["vendor_photo"] = photo
        line.write(vals)
        line.inspection_id.message_post(
            body=self.env._(
                "%(vendor)s answered “%(line)s”: %(answer)s",
                vendor=self.env.user.name,
                line=line.name,
                answer=answer.strip(),
            )
        )
        return True

    @hospital_transition
    def action_verify(self):
        """The inspector checked the correction on site."""
        if not (self.env.su or self.env.user.has_group(MANAGER)):
            raise UserError(self.env._("Only the inspectors verify corrections."))
        for line in self:
            if line.finding_state != "answered":
                raise UserError(
                    self.env._(
                        "“%(line)s” has no answer of the vendor to verify.",
                        line=line.name,
                    )
                )
        self.write({"finding_state": "verified", "verified_at": fields.Datetime.now()})
        return True
