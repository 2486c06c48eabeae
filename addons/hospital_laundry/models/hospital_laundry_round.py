from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

LAUNDRY = "hospital_laundry.hospital_laundry_group_laundry"


class HospitalLaundryRound(models.Model):
    """A ward's laundry slip (被服收发单): what the laundry collected, counted
    by item type, and what it brought back, which the ward signs for."""

    _name = "hospital.laundry.round"
    _description = "Laundry Collection and Delivery"
    _hospital_sequence_code = "hospital.laundry.round"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.signature.mixin"]
    _order = "date_collection desc, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = ("state", "name", "date_delivered")
    _hospital_signers = {"ward_signature": "_hospital_ward_signers"}
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "collected": (
            "line_ids",
            "line_ids.damaged_qty",
            "line_ids.mended_qty",
            "line_ids.delivered_qty",
            "line_ids.reason",
            "ward_signature",
            "note",
        ),
    }
    _hospital_free_fields = ("active", "note")

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department", string="Ward", required=True, index=True, tracking=True
    )
    date_collection = fields.Date(
        string="Collected On", required=True, default=fields.Date.context_today
    )
    date_delivered = fields.Datetime(string="Delivered On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "To Collect"),
            ("collected", "Collected"),
            ("delivered", "Delivered"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "hospital.laundry.round.line", "round_id", string="Items", copy=True
    )
    collected_total = fields.Integer(compute="_compute_totals", store=True)
    delivered_total = fields.Integer(compute="_compute_totals", store=True)
    has_difference = fields.Boolean(
        compute="_compute_totals",
        store=True,
        help="Delivered counts differ from collected ones for some item type.",
    )
    ward_signature = fields.Binary(copy=False)
    ward_signature_user_id = fields.Many2one(
        "res.users", string="Received By (Ward)", readonly=True, copy=False
    )
    ward_signature_date = fields.Datetime(
        string="Received On", readonly=True, copy=False
    )
    note = fields.Text()

    @api.depends("state", "line_ids.collected_qty", "line_ids.delivered_qty")
    def _compute_totals(self):
        for round_ in self:
            round_.collected_total = sum(round_.line_ids.mapped("collected_qty"))
            round_.delivered_total = sum(round_.line_ids.mapped("delivered_qty"))
            # Nothing is missing before the laundry starts counting back: a
            # slip still being filled in, or collected and not yet counted,
            # is not a difference.
            counted_back = round_.state == "delivered" or (
                round_.state == "collected" and round_.delivered_total
            )
            round_.has_difference = bool(counted_back) and any(
                line.difference for line in round_.line_ids
            )

    def _hospital_ward_signers(self):
        """The ward's head nurse and its staff sign for the clean linen."""
        self.ensure_one()
        return self.department_id.head_nurse_id | self.env["res.users"].search(
            [("hospital_department_ids", "in", self.department_id.ids)]
        )

    def _hospital_check_signable(self, field):
        if self.state != "collected":
            raise UserError(
                self.env._("The ward signs when the clean linen is brought back.")
            )
        self.line_ids._check_deliverable()

    def _check_laundry(self):
        if not self.env.su and not self.env.user.has_group(LAUNDRY):
            raise UserError(self.env._("Only the laundry collects and delivers."))

    @hospital_transition
    def action_collect(self):
        self._check_laundry()
        for round_ in self:
            if round_.state != "draft":
                raise UserError(self.env._("This laundry is already collected."))
            if not sum(round_.line_ids.mapped("collected_qty")):
                raise UserError(
                    self.env._("Count what is collected, by item type, first.")
                )
        self.write({"state": "collected"})

    @hospital_transition
    def action_deliver(self):
        self._check_laundry()
        for round_ in self:
            if round_.state != "collected":
                raise UserError(self.env._("Only collected laundry is delivered."))
            if not round_.ward_signature_user_id:
                raise UserError(
                    self.env._("The ward signs for the delivery (drawn signature).")
                )
            round_.line_ids._check_deliverable()
        self.write({"state": "delivered", "date_delivered": fields.Datetime.now()})
        for round_ in self.filtered("has_difference"):
            round_.message_post(
                body=self.env._(
                    "Delivered %(delivered)s items for %(collected)s collected: "
                    "the counts differ.",
                    delivered=round_.delivered_total,
                    collected=round_.collected_total,
                )
            )

    @hospital_transition
    def action_cancel(self):
        if any(round_.state != "draft" for round_ in self):
            raise UserError(self.env._("Only laundry not yet collected is cancelled."))
        self.write({"state": "cancel"})

    @api.model
    def _cron_plan_rounds(self, today=None):
        """Today's slips of every ward collected today, in a few queries
        whatever the number of wards."""
        today = today or fields.Date.context_today(self)
        schedules = self.env["hospital.laundry.schedule"].search(
            [("weekday", "=", str(today.weekday()))]
        )
        planned = {
            department.id
            for [department] in self._read_group(
                [
                    ("date_collection", "=", today),
                    ("department_id", "in", schedules.department_id.ids),
                ],
                ["department_id"],
            )
        }
        todo = schedules.filtered(lambda s: s.department_id.id not in planned)
        # A slip made by the job has no creation message to log.
        return self.with_context(mail_create_nolog=True, tracking_disable=True).create(
            [
                {
                    "department_id": schedule.department_id.id,
                    "company_id": schedule.company_id.id,
                    "date_collection": today,
                }
                for schedule in todo
            ]
        )
