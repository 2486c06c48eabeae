from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

STATES = [
    ("draft", "Draft"),
    ("submitted", "At the Managing Department"),
    ("approved", "Approved, to Acknowledge"),
    ("done", "Done"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class HospitalAssetTransfer(models.Model):
    """A transfer of assets between departments (资产调拨单): asked for, approved
    by the managing department, acknowledged by the releasing and the
    receiving department; only then do the assets change department."""

    _name = "hospital.asset.transfer"
    _description = "Asset Transfer (资产调拨)"
    _hospital_sequence_code = "hospital.asset.transfer"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "approved_by_id",
        "approved_date",
        "release_user_id",
        "release_date",
        "receive_user_id",
        "receive_date",
    )
    _hospital_editable_states = {"draft": ALL_FIELDS, "submitted": ("refusal_reason",)}
    _hospital_free_fields = ("note",)

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    equipment_ids = fields.Many2many(
        "maintenance.equipment",
        string="Assets",
        required=True,
        check_company=True,
        domain="[('hospital_asset_state', '=', 'in_use'), "
        "('department_id', '=', from_department_id)]",
    )
    from_department_id = fields.Many2one(
        "hr.department",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    to_department_id = fields.Many2one(
        "hr.department",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    to_employee_id = fields.Many2one(
        "hr.employee", string="New Custodian", check_company=True
    )
    to_location_id = fields.Many2one(
        "hospital.location", string="New Room", check_company=True
    )
    reason = fields.Text(required=True)
    refusal_reason = fields.Text()
    note = fields.Text()
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    release_user_id = fields.Many2one(
        "res.users", string="Released By", readonly=True, copy=False
    )
    release_date = fields.Datetime(string="Released On", readonly=True, copy=False)
    receive_user_id = fields.Many2one(
        "res.users", string="Received By", readonly=True, copy=False
    )
    receive_date = fields.Datetime(string="Received On", readonly=True, copy=False)

    @api.constrains("from_department_id", "to_department_id")
    def _check_departments_differ(self):
        for transfer in self:
            if transfer.from_department_id == transfer.to_department_id:
                raise ValidationError(
                    self.env._(
                        "A transfer moves assets to another department: "
                        "%(department)s cannot transfer to itself.",
                        department=transfer.from_department_id.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(t.state != "draft" for t in self):
            raise UserError(
                self.env._("Only a draft transfer is deleted; cancel the others.")
            )

    def _hospital_check_assets(self):
        for transfer in self:
            if not transfer.equipment_ids:
                raise UserError(self.env._("Choose the assets to transfer."))
            for asset in transfer.equipment_ids:
                if asset.hospital_asset_state != "in_use":
                    raise UserError(
                        self.env._(
                            "%(asset)s is not an asset in use: it cannot be "
                            "transferred.",
                            asset=asset.display_name,
                        )
                    )
                if asset.department_id != transfer.from_department_id:
                    raise UserError(
                        self.env._(
                            "%(asset)s is on the books of %(department)s, not of "
                            "the releasing department.",
                            asset=asset.display_name,
                            department=asset.department_id.display_name,
                        )
                    )

    def _hospital_check_member(self, department):
        user = self.env.user
        if department not in user.hospital_department_ids and not self.env.su:
            raise UserError(
                self.env._(
                    "Only a member of %(department)s acknowledges for it.",
                    department=department.display_name,
                )
            )

    @hospital_transition
    def action_submit(self):
        self._hospital_check_state("draft")
        self._hospital_check_assets()
        self.write({"state": "submitted"})
        return True

    @hospital_transition
    def action_approve(self):
        """The managing department approves the move."""
        self._hospital_check_state("submitted")
        if not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._("Only the managing department approves asset transfers.")
            )
        self._hospital_check_assets()
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        return True

    @hospital_transition
    def action_refuse(self):
        self._hospital_check_state("submitted")
        if not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._("Only the managing department refuses asset transfers.")
            )
        if any(not (t.refusal_reason or "").strip() for t in self):
            raise UserError(self.env._("Give the reason for refusing the transfer."))
        self.write({"state": "refused"})
        return True

    @hospital_transition
    def action_cancel(self):
        self._hospital_check_state("draft", "submitted", "approved", "refused")
        self.write({"state": "cancel"})
        return True

    @hospital_transition
    def action_acknowledge_release(self):
        self._hospital_check_state("approved")
        for transfer in self:
            transfer._hospital_check_member(transfer.from_department_id)
            if transfer.release_user_id:
                raise UserError(self.env._("The release is already acknowledged."))
        self.write(
            {"release_user_id": self.env.uid, "release_date": fields.Datetime.now()}
        )
        self._hospital_done_if_acknowledged()
        return True

    @hospital_transition
    def action_acknowledge_receipt(self):
        self._hospital_check_state("approved")
        for transfer in self:
            transfer._hospital_check_member(transfer.to_department_id)
            if transfer.receive_user_id:
                raise UserError(self.env._("The receipt is already acknowledged."))
        self.write(
            {"receive_user_id": self.env.uid, "receive_date": fields.Datetime.now()}
        )
        self._hospital_done_if_acknowledged()
        return True

    @hospital_transition
    def _hospital_done_if_acknowledged(self):
        done = self.filtered(lambda t: t.release_user_id and t.receive_user_id)
        for transfer in done:
            transfer._hospital_check_assets()
            assets = transfer.equipment_ids.sudo()
            assets._hospital_move(
                transfer.to_department_id,
                employee=transfer.to_employee_id,
                location=transfer.to_location_id,
            )
            for asset in assets:
                asset.message_post(
                    body=self.env._(
                        "Transferred from %(from)s to %(to)s by %(transfer)s.",
                        **{
                            "from": transfer.from_department_id.display_name,
                            "to": transfer.to_department_id.display_name,
                            "transfer": transfer.name,
                        },
                    )
                )
        done.write({"state": "done"})
