from odoo import fields, models


class MaintenanceTeam(models.Model):
    _inherit = "maintenance.team"

    duty_user_id = fields.Many2one(
        "res.users",
        string="On-duty Technician",
        help="Emergencies (抢救/抢修) are dispatched at once to this technician.",
    )
