from odoo import api, models


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    @api.model
    def _hospital_next_by_code_batch(self, sequence_code, number):
        """``number`` successive numbers of the sequence ``sequence_code`` in
        one query (``next_by_code`` costs one query a number): a count
        posting drafts hundreds of loss reports at once."""
        if number < 1:
            return []
        sequence = self.search(
            [
                ("code", "=", sequence_code),
                ("company_id", "in", [self.env.company.id, False]),
            ],
            order="company_id",
            limit=1,
        )
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _i in range(number)]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            [f"ir_sequence_{sequence.id:03d}", number],
        )
        return [sequence.get_next_char(value) for (value,) in self.env.cr.fetchall()]
