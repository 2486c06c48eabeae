from odoo import fields, models


class HospitalServiceCategory(models.Model):
    _inherit = "hospital.service.category"

    licence_type_ids = fields.Many2many(
        "hospital.licence.type",
        "hospital_licence_type_service_category_rel",
        "category_id",
        "licence_type_id",
        string="Licences Required",
        help="The technician dispatched to a request of this service must hold "
        "a valid licence of each of these types.",
    )
