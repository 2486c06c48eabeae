from odoo import api, fields, models


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    hospital_laundry_machine = fields.Boolean(
        string="Laundry Washing Machine",
        help="Checked every month: the machine gets a monthly preventive plan.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        equipment = super().create(vals_list)
        equipment.filtered("hospital_laundry_machine")._hospital_laundry_plan()
        return equipment

    def write(self, vals):
        result = super().write(vals)
        if vals.get("hospital_laundry_machine"):
            self._hospital_laundry_plan()
        return result

    def _hospital_laundry_plan(self):
        """The washing machines' monthly check (DOMAIN.md §9) as OCA
        maintenance_plan's preventive plan, once per machine."""
        kind = self.env.ref("hospital_laundry.maintenance_kind_laundry_monthly")
        Plan = self.env["maintenance.plan"].sudo()
        planned = set(
            Plan.search(
                [
                    ("equipment_id", "in", self.ids),
                    ("maintenance_kind_id", "=", kind.id),
                ]
            ).equipment_id.ids
        )
        Plan.create(
            [
                {
                    "equipment_id": machine.id,
                    "maintenance_kind_id": kind.id,
                    "interval": 1,
                    "interval_step": "month",
                    "company_id": machine.company_id.id or self.env.company.id,
                }
                for machine in self
                if machine.id not in planned
            ]
        )
