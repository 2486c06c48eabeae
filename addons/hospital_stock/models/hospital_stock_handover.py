from odoo import api, fields, models
from odoo.exceptions import UserError


class HospitalStockHandover(models.Model):
    _name = "hospital.stock.handover"
    _description = "Custody Handover (交接)"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hospital.stock.department.mixin",
        "hospital.stock.signature.mixin",
    ]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    _hospital_signers = {
        "outgoing_signature": "_hospital_outgoing",
        "incoming_signature": "_hospital_incoming",
    }

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    state = fields.Selection(
        [("draft", "Counting"), ("done", "Handed Over")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    outgoing_user_id = fields.Many2one(
        "res.users", string="Outgoing Head Nurse", required=True
    )
    incoming_user_id = fields.Many2one(
        "res.users", string="Incoming Head Nurse", required=True
    )
    line_ids = fields.One2many(
        "hospital.stock.handover.line", "handover_id", string="Joint Count"
    )
    date_done = fields.Datetime(string="Handed Over On", readonly=True)
    outgoing_signature = fields.Binary(copy=False)
    outgoing_signature_user_id = fields.Many2one("res.users", readonly=True, copy=False)
    outgoing_signature_date = fields.Datetime(readonly=True, copy=False)
    incoming_signature = fields.Binary(copy=False)
    incoming_signature_user_id = fields.Many2one("res.users", readonly=True, copy=False)
    incoming_signature_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("department_id", "outgoing_user_id", "incoming_user_id")
    def _compute_name(self):
        for handover in self:
            handover.name = self.env._(
                "%(department)s: %(outgoing)s → %(incoming)s",
                department=handover.department_id.name or "",
                outgoing=handover.outgoing_user_id.name or "",
                incoming=handover.incoming_user_id.name or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        handovers = super().create(vals_list)
        handovers._hospital_load_lines()
        for handover in handovers:
            for user in handover.outgoing_user_id | handover.incoming_user_id:
                handover.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=self.with_context(lang=user.lang).env._(
                        "Joint count and signatures of the custody handover"
                    ),
                )
        return handovers

    def _hospital_check_department_member(self):
        # The outgoing head nurse is no longer a member once replaced: being
        # named on the handover is enough.
        return

    def write(self, vals):
        if (
            not self.env.su
            and any(h.state == "done" for h in self)
            and set(vals) - {"active"}
        ):
            raise UserError(self.env._("A completed handover cannot change."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        """A handover is never deleted, not even by a manager: it is archived."""
        raise UserError(self.env._("Handovers are archived, not deleted."))

    def _hospital_outgoing(self):
        return self.outgoing_user_id

    def _hospital_incoming(self):
        return self.incoming_user_id

    def _hospital_load_lines(self):
        book = self.location_id._hospital_quants_to_count()
        self.env["hospital.stock.handover.line"].sudo().create(
            [
                {
                    "handover_id": handover.id,
                    "product_id": quant.product_id.id,
                    "lot_id": quant.lot_id.id,
                    "theoretical_qty": quant.quantity,
                    "counted_qty": quant.quantity,
                }
                for handover in self
                for quant in book[handover.location_id]
            ]
        )

    def action_done(self):
        for handover in self:
            if handover.state != "draft":
                raise UserError(self.env._("This handover is already complete."))
            if not (handover.outgoing_signature and handover.incoming_signature):
                raise UserError(
                    self.env._(
                        "Both the outgoing and the incoming head nurse sign the "
                        "handover."
                    )
                )
            if any(line.counted_qty < 0 for line in handover.line_ids):
                raise UserError(self.env._("A counted quantity cannot be negative."))
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True
