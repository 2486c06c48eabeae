import uuid

from odoo import fields, models


class HospitalQrMixin(models.AbstractModel):
    """Something staff report a need about by scanning its QR label.

    A model using it names the path of its reporting page and its label report;
    its unique constraint on ``qr_token`` says, in its own words, what a code
    must identify.
    """

    _name = "hospital.qr.mixin"
    _description = "QR Reporting Label"
    _hospital_qr_route = None
    _hospital_qr_label_report = None

    qr_token = fields.Char(
        string="QR Token",
        default=lambda self: uuid.uuid4().hex,
        copy=False,
        readonly=True,
        index=True,
    )
    qr_url = fields.Char(string="Reporting Link", compute="_compute_qr_url")

    def _compute_qr_url(self):
        base = self.get_base_url()
        for record in self:
            record.qr_url = (
                f"{base}/hospital/report/{self._hospital_qr_route}/{record.qr_token}"
            )

    def action_print_labels(self):
        return self.env.ref(self._hospital_qr_label_report).report_action(self)
