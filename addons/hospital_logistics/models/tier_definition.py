import operator

from odoo import api, fields, models
from odoo.exceptions import ValidationError

HOSPITAL_OPERATORS = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
}


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    definition_type = fields.Selection(
        selection_add=[("hospital_threshold", "Hospital threshold (from Settings)")],
        ondelete={"hospital_threshold": "set default"},
    )
    hospital_document_field = fields.Char(
        string="Document Value",
        help="Technical name of the amount or duration on the document that is "
        "compared with the threshold, e.g. amount_total.",
    )
    hospital_threshold_operator = fields.Selection(
        selection=[
            (">=", "reaches (≥)"),
            (">", "exceeds (>)"),
            ("<=", "is at most (≤)"),
            ("<", "is below (<)"),
        ],
        string="Comparison",
        default=">=",
    )
    hospital_threshold_field = fields.Selection(
        selection=lambda self: self.env["res.company"]._hospital_threshold_selection(),
        string="Threshold Setting",
        help="The threshold is read from the hospital's Settings at the moment the "
        "document asks for validation, so changing the setting changes the rule.",
    )

    @api.constrains(
        "definition_type",
        "model",
        "hospital_document_field",
        "hospital_threshold_field",
        "hospital_threshold_operator",
    )
    def _check_hospital_threshold(self):
        for tier in self.filtered(lambda t: t.definition_type == "hospital_threshold"):
            if not (
                tier.hospital_document_field
                and tier.hospital_threshold_field
                and tier.hospital_threshold_operator
            ):
                raise ValidationError(
                    self.env._(
                        "A hospital threshold tier needs a document value, a "
                        "comparison and a threshold setting."
                    )
                )
            field = self.env[tier.model]._fields.get(tier.hospital_document_field)
            if not field or field.type not in ("float", "integer", "monetary"):
                raise ValidationError(
                    self.env._(
                        "“%(field)s” is not a number on %(model)s: a threshold "
                        "can only be compared with an amount or a duration.",
                        field=tier.hospital_document_field,
                        model=tier.model_id.name,
                    )
                )

    def _hospital_threshold_reached(self, record, company):
        """Whether ``record`` falls under this tier for ``company``'s settings."""
        self.ensure_one()
        compare = HOSPITAL_OPERATORS[self.hospital_threshold_operator]
        return compare(
            record[self.hospital_document_field],
            company[self.hospital_threshold_field],
        )
