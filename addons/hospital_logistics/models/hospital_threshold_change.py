from odoo import api, fields, models


class HospitalThresholdChange(models.Model):
    """Who changed a threshold of the rule book, when, and from what to what.

    Written by ``res.company`` whenever a threshold changes, whether through
    the Settings page or the logistics manager's thresholds form; nobody
    edits or deletes it.
    """

    _name = "hospital.threshold.change"
    _description = "Threshold Change"
    _order = "create_date desc, id desc"

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, ondelete="cascade"
    )
    field_name = fields.Char(string="Technical Name", required=True, readonly=True)
    threshold = fields.Char(compute="_compute_threshold", compute_sudo=True)
    old_value = fields.Char(readonly=True)
    new_value = fields.Char(readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Changed By", required=True, readonly=True
    )
    create_date = fields.Datetime(string="Changed On", readonly=True)

    @api.depends("field_name")
    @api.depends_context("lang")
    def _compute_threshold(self):
        Company = self.env["res.company"]
        for change in self:
            field = Company._fields.get(change.field_name)
            change.threshold = (
                field.get_description(self.env)["string"]
                if field
                else change.field_name
            )
