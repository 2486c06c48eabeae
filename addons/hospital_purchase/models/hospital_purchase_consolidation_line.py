from odoo import api, fields, models

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)


class HospitalPurchaseConsolidationLine(models.Model):
    """One item of a month's consolidation: what all departments plan to
    buy of it, and how it must be bought."""

    _name = "hospital.purchase.consolidation.line"
    _description = "Consolidated Plan Line"
    _inherit = ["hospital.workflow.line.mixin"]
    _order = "amount desc, id"
    _hospital_document_field = "consolidation_id"
    _hospital_workflow_fields = ("tender_id",)

    consolidation_id = fields.Many2one(
        "hospital.purchase.consolidation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="consolidation_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_id = fields.Many2one("product.product", required=True)
    product_uom_id = fields.Many2one("uom.uom", string="Unit")
    quantity = fields.Float(digits="Product Unit")
    amount = fields.Monetary(string="Estimated Amount", currency_field="currency_id")
    department_count = fields.Integer(string="Departments")
    method = fields.Selection(
        [("quotation", "Quotation"), ("tender", "Tender or Negotiation")],
        string="Procurement Method",
        compute="_compute_method",
    )
    tender_id = fields.Many2one("hospital.purchase.tender", readonly=True)

    @api.depends("amount", "company_id.hospital_tender_amount")
    def _compute_method(self):
        for line in self:
            line.method = (
                "tender"
                if line.amount >= line.company_id.hospital_tender_amount
                else "quotation"
            )

    @hospital_transition
    def action_make_tender(self):
        """An item at or above the tender threshold becomes a tender."""
        self.consolidation_id._hospital_check_state("approved")
        for line in self.filtered(lambda ln: not ln.tender_id):
            line.tender_id = self.env["hospital.purchase.tender"].create(
                {
                    "title": line.product_id.display_name,
                    "estimated_amount": line.amount,
                    "method": "tender" if line.method == "tender" else "inquiry",
                    "consolidation_id": line.consolidation_id.id,
                    "product_id": line.product_id.id,
                    "quantity": line.quantity,
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "hospital.purchase.tender",
            "res_id": self[:1].tender_id.id,
            "view_mode": "form",
        }
