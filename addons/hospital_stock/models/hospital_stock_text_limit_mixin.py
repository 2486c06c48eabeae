from odoo import api, models
from odoo.exceptions import ValidationError


class HospitalStockTextLimitMixin(models.AbstractModel):
    """Text a user types is refused when it is too long, as it is typed.

    A model declares ``_hospital_text_limits = {field: characters}``: what a
    paper form leaves room for (a borrower's name, a reason, a note).
    """

    _name = "hospital.stock.text.limit.mixin"
    _description = "Length Limits of Typed Text"

    _hospital_text_limits = {}

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_within_limits(self):
        for record in self:
            for fname, limit in record._hospital_text_limits.items():
                if len(record[fname] or "") > limit:
                    raise ValidationError(
                        self.env._(
                            "%(field)s is at most %(limit)s characters long.",
                            field=record._fields[fname].get_description(self.env)[
                                "string"
                            ],
                            limit=limit,
                        )
                    )
