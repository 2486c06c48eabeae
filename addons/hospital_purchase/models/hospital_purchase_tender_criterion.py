from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HospitalPurchaseTenderCriterion(models.Model):
    _name = "hospital.purchase.tender.criterion"
    _description = "Tender Evaluation Criterion"
    _inherit = ["hospital.workflow.line.mixin"]
    _hospital_document_field = "tender_id"
    _order = "sequence, id"

    tender_id = fields.Many2one(
        "hospital.purchase.tender", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True)
    weight = fields.Float(string="Weight (%)", default=25.0)

    @api.constrains("weight")
    def _check_weight(self):
        for criterion in self:
            if not 0 < criterion.weight <= 100:
                raise ValidationError(
                    self.env._("A criterion's weight lies between 0 and 100 %.")
                )
