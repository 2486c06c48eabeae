from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

OVERDUE_ACTIVITY = "hospital_stock.mail_act_hospital_stock_check_overdue"


class HospitalStockCheck(models.Model):
    _name = "hospital.stock.check"
    _description = "Ward Stock Check (周清点)"
    _hospital_sequence_code = "hospital.stock.check"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.stock.count.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _hospital_count_line_model = "hospital.stock.check.line"
    _hospital_workflow_fields = ("state", "date", "user_id")
    _hospital_signers = {"custodian_signature": "_hospital_custodians"}
    # The ward is chosen when the check is opened: its books fill the lines.
    _hospital_editable_states = {
        "draft": (
            "line_ids",
            "line_ids.counted_qty",
            "line_ids.note",
            "custodian_signature",
        ),
    }

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    date = fields.Datetime(
        string="Counted On",
        default=fields.Datetime.now,
        required=True,
        readonly=True,
        copy=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Counted By",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
    )
    state = fields.Selection(
        [("draft", "Counting"), ("done", "Signed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("hospital.stock.check.line", "check_id", string="Count")
    difference_count = fields.Integer(
        string="Differences", compute="_compute_difference_count", store=True
    )
    custodian_signature = fields.Binary(copy=False)
    custodian_signature_user_id = fields.Many2one(
        "res.users", string="Signed By", readonly=True, copy=False
    )
    custodian_signature_date = fields.Datetime(
        string="Signed On", readonly=True, copy=False
    )

    @api.depends("line_ids.difference")
    def _compute_difference_count(self):
        for check in self:
            check.difference_count = len(check.line_ids.filtered("difference"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_logistics_manager(self):
        """Only a logistics manager deletes a check; the others archive it."""
        if not self.env.user.has_group(MANAGER):
            raise UserError(self.env._("Checks are archived, not deleted."))

    @hospital_transition
    def action_done(self):
        self._check_custodian()
        self._check_count_open()
        self._check_all_signed()
        now = fields.Datetime.now()
        self._hospital_close_count({"date": now})
        self.location_id.sudo().hospital_last_check_date = now
        # The ward is counted: its overdue reminders are about work done.
        self.env["mail.activity"].sudo().search(
            [
                ("res_model", "=", "hr.department"),
                ("res_id", "in", self.department_id.ids),
                ("activity_type_id", "=", self.env.ref(OVERDUE_ACTIVITY).id),
            ]
        ).unlink()
        return True

    def action_hospital_report_differences(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hospital.stock.check.line",
            "name": self.env._("Differences"),
            "view_mode": "list",
            "domain": [("check_id", "=", self.id), ("difference", "!=", 0)],
        }

    @api.model
    def _cron_flag_overdue_checks(self):
        """Remind the custodian and the logistics managers of overdue checks.

        One reminder per reader and department, of its own activity type: a
        department that already has one open is skipped.  Each reminder is
        written in the language of the person who reads it.
        """
        departments = (
            self.env["hr.department"]
            .sudo()
            .search([("hospital_location_id.hospital_check_overdue", "in", [True])])
        )
        if not departments:
            return
        activity_type = self.env.ref(OVERDUE_ACTIVITY)
        already = {
            res_id
            for (res_id,) in self.env["mail.activity"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", "hr.department"),
                    ("res_id", "in", departments.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
            )
        }
        managers = self.env.ref(MANAGER).user_ids.filtered(
            lambda u: (
                not u.share and u.active and u.id != self.env.ref("base.user_root").id
            )
        )
        model = self.env["ir.model"]._get_id("hr.department")
        vals = []
        for department in departments.filtered(lambda d: d.id not in already):
            for user in department.head_nurse_id | managers:
                reader = self.with_context(lang=user.lang).env
                vals.append(
                    {
                        "res_model_id": model,
                        "res_id": department.id,
                        "activity_type_id": activity_type.id,
                        "automated": True,
                        "summary": reader._("Weekly stock check overdue"),
                        "note": reader._(
                            "The weekly stock check of %(department)s was due "
                            "on %(date)s.",
                            department=department.with_env(reader).name,
                            date=department.hospital_location_id.hospital_check_due_date,
                        ),
                        "user_id": user.id,
                        "date_deadline": fields.Date.context_today(self),
                    }
                )
        self.env["mail.activity"].sudo().create(vals)
