from odoo import api, fields, models
from odoo.exceptions import UserError

LOGISTICS_MANAGER = "hospital_logistics.hospital_logistics_group_manager"


class HospitalStockCheck(models.Model):
    _name = "hospital.stock.check"
    _description = "Ward Stock Check (周清点)"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hospital.stock.department.mixin",
        "hospital.stock.signature.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    _hospital_signers = {"custodian_signature": "_hospital_custodians"}

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    date = fields.Datetime(
        string="Counted On", default=fields.Datetime.now, required=True, readonly=True
    )
    user_id = fields.Many2one(
        "res.users", string="Counted By", default=lambda self: self.env.user
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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("hospital.stock.check") or "/"
                )
        checks = super().create(vals_list)
        checks.filtered(lambda c: not c.line_ids)._hospital_load_lines()
        return checks

    def write(self, vals):
        if not self.env.su and set(vals) - {"active"}:
            for check in self:
                if check.state == "done":
                    raise UserError(
                        self.env._(
                            "Check %(name)s is signed and cannot change.",
                            name=check.name,
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_logistics_manager(self):
        """Only a logistics manager deletes a check; the others archive it."""
        if not self.env.user.has_group(LOGISTICS_MANAGER):
            raise UserError(self.env._("Checks are archived, not deleted."))

    def _hospital_load_lines(self):
        """One line per product and lot on hand, counted quantity to be entered."""
        book = self.location_id._hospital_quants_to_count()
        self.env["hospital.stock.check.line"].sudo().create(
            [
                {
                    "check_id": check.id,
                    "product_id": quant.product_id.id,
                    "lot_id": quant.lot_id.id,
                    "theoretical_qty": quant.quantity,
                    "counted_qty": quant.quantity,
                }
                for check in self
                for quant in book[check.location_id]
            ]
        )

    def _hospital_refresh_theoretical(self):
        """What the books say at signing time: stock may have moved while counting."""
        quants = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [("location_id", "in", self.location_id.ids)],
                ["location_id", "product_id", "lot_id"],
                ["quantity:sum"],
            )
        )
        book = {(loc.id, product.id, lot.id): qty for loc, product, lot, qty in quants}
        for check in self:
            for line in check.line_ids:
                line.sudo().theoretical_qty = book.get(
                    (check.location_id.id, line.product_id.id, line.lot_id.id), 0.0
                )

    def action_done(self):
        for check in self:
            check._hospital_check_custodian()
            if check.state != "draft":
                raise UserError(self.env._("This check is already signed."))
            if not check.custodian_signature:
                raise UserError(
                    self.env._("The custodian signs the check to close it.")
                )
            check.line_ids._hospital_check_counted()
        self._hospital_refresh_theoretical()
        now = fields.Datetime.now()
        self.write({"state": "done", "date": now})
        self.location_id.sudo().hospital_last_check_date = now
        self.activity_unlink(["mail.mail_activity_data_todo"])
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

        One activity per department and overdue period: a department that
        already has an open reminder is skipped.
        """
        Department = self.env["hr.department"].sudo()
        departments = Department.search(
            [("hospital_location_id.hospital_check_overdue", "in", [True])]
        )
        if not departments:
            return
        todo = self.env.ref("mail.mail_activity_data_todo")
        already = set(
            self.env["mail.activity"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", "hr.department"),
                    ("res_id", "in", departments.ids),
                    ("activity_type_id", "=", todo.id),
                    ("summary", "=", self._hospital_overdue_summary()),
                ],
                ["res_id"],
            )
        )
        managers = self.env.ref(LOGISTICS_MANAGER).user_ids.filtered(
            lambda u: (
                not u.share and u.active and u.id != self.env.ref("base.user_root").id
            )
        )
        model = self.env["ir.model"]._get_id("hr.department")
        vals = []
        for department in departments:
            if (department.id,) in already:
                continue
            for user in department.head_nurse_id | managers:
                vals.append(
                    {
                        "res_model_id": model,
                        "res_id": department.id,
                        "activity_type_id": todo.id,
                        "summary": self._hospital_overdue_summary(),
                        "note": self.env._(
                            "The weekly stock check of %(department)s was due "
                            "on %(date)s.",
                            department=department.name,
                            date=department.hospital_location_id.hospital_check_due_date,
                        ),
                        "user_id": user.id,
                        "date_deadline": fields.Date.context_today(self),
                    }
                )
        self.env["mail.activity"].sudo().create(vals)

    def _hospital_overdue_summary(self):
        return self.env._("Weekly stock check overdue")
