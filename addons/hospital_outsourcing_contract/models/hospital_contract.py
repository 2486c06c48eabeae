from odoo import fields, models


class HospitalContract(models.Model):
    _inherit = "hospital.contract"

    hospital_outsourcing_agreement_ids = fields.One2many(
        "hospital.outsourcing.agreement",
        "contract_id",
        string="Outsourced Service Agreements",
        groups="hospital_logistics.hospital_logistics_group_staff,"
        "hospital_logistics.hospital_logistics_group_finance",
    )
