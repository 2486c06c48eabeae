"""Size limits of what a user types, checked on the model with a message.

A model lists its limits in ``_hospital_text_limits = {field: characters}``
and declares::

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_limits(self):
        check_text_limits(self)
"""

from odoo.exceptions import ValidationError

# A title or a short answer; a description; a long free text.
SHORT = 200
TEXT = 5000
LONG = 20000


def check_text_limits(records):
    """Refuse a text longer than its model's limit, naming the field."""
    for record in records:
        for fname, limit in record._hospital_text_limits.items():
            size = len(record[fname] or "")
            if size > limit:
                raise ValidationError(
                    records.env._(
                        "“%(field)s” is at most %(limit)s characters long, not "
                        "%(size)s: say it in fewer words.",
                        field=record._fields[fname].get_description(records.env)[
                            "string"
                        ],
                        limit=limit,
                        size=size,
                    )
                )
