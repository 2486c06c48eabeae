from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("refused", "Refused"),
]


class HospitalAssetLoss(models.Model):
    """A written loss report (资产报失): the cause, the circumstances, the
    managing department's approval; approved, the asset is off the floor."""

    _name = "hospital.asset.loss"
    _description = "Asset Loss Report (资产报失)"
    _hospital_sequence_code = "hospital.asset.loss"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _hospital_workflow_fields = ("state", "approved_by_id", "approved_date")
    _hospital_editable_states = {"draft": ALL_FIELDS, "submitted": ("refusal_reason",)}
    _hospital_free_fields = ("note",)

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    equipment_id = fields.Many2one(
        "maintenance.equipment",
        string="Asset",
        required=True,
        check_company=True,
        domain="[('hospital_asset_state', '=', 'in_use')]",
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        index=True,
    )
    date_lost = fields.Date(
        string="Noticed Missing On", default=fields.Date.context_today, required=True
    )
    cause = fields.Text(help="Why the asset is lost, as far as known.")
    circumstances = fields.Text(help="Where and when it was last seen, who looked.")
    count_line_id = fields.Many2one(
        "hospital.asset.count.line", string="Found Missing at Count", readonly=True
    )
    refusal_reason = fields.Text()
    note = fields.Text()
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("equipment_id")
    def _compute_department_id(self):
        for loss in self:
            loss.department_id = loss.equipment_id.department_id

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(loss.state != "draft" for loss in self):
            raise UserError(self.env._("A submitted loss report is kept."))

    @hospital_transition
    def action_submit(self):
        self._hospital_check_state("draft")
        for loss in self:
            if not (loss.cause or "").strip():
                raise UserError(
                    self.env._(
                        "A loss is reported in writing: give the cause of the loss "
                        "of %(asset)s.",
                        asset=loss.equipment_id.display_name,
                    )
                )
            if loss.equipment_id.hospital_asset_state != "in_use":
                raise UserError(
                    self.env._(
                        "%(asset)s is not an asset in use.",
                        asset=loss.equipment_id.display_name,
                    )
                )
        self.write({"state": "submitted"})
        return True

    def _hospital_check_manager(self):
        if not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._("Only the managing department decides on a loss report.")
            )

    @hospital_transition
    def action_approve(self):
        self._hospital_check_state("submitted")
        self._hospital_check_manager()
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        self.equipment_id.sudo()._hospital_set_asset_state("lost")
        return True

    @hospital_transition
    def action_refuse(self):
        self._hospital_check_state("submitted")
        self._hospital_check_manager()
        if any(not (loss.refusal_reason or "").strip() for loss in self):
            raise UserError(self.env._("Give the reason for refusing the report."))
        self.write({"state": "refused"})
        return True
