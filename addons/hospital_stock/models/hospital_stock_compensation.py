from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)


class HospitalStockCompensation(models.Model):
    _name = "hospital.stock.compensation"
    _description = "Compensation for a Loss by Negligence"
    _inherit = [
        "mail.thread",
        "hospital.workflow.mixin",
        "hospital.stock.text.limit.mixin",
    ]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    # Written by the locked reconciliation that found the loss: nothing of it
    # is typed afterwards, it is only paid.
    _hospital_editable_states = {}
    # The reason is the reconciliation's explanation, as long at most.
    _hospital_text_limits = {"reason": 2000}

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True)
    reconciliation_id = fields.Many2one(
        "hospital.stock.reconciliation",
        readonly=True,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department", required=True, index=True, readonly=True
    )
    product_id = fields.Many2one("product.product", string="Item", readonly=True)
    quantity = fields.Float(digits="Product Unit", readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible Person",
        required=True,
        readonly=True,
        tracking=True,
    )
    amount = fields.Monetary(required=True, readonly=True, tracking=True)
    reason = fields.Text(readonly=True)
    state = fields.Selection(
        [("due", "Due"), ("paid", "Paid")], default="due", required=True, tracking=True
    )

    _amount_positive = models.Constraint(
        "CHECK(amount > 0)", "A compensation must be a positive amount."
    )

    @hospital_transition
    def action_paid(self):
        if any(compensation.state != "due" for compensation in self):
            raise UserError(self.env._("Only a compensation due can be paid."))
        self.write({"state": "paid"})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_logistics_manager(self):
        """Only a logistics manager deletes a compensation; the others archive it."""
        if not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._("Compensation records are archived, not deleted.")
            )
