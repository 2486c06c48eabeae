from datetime import datetime

from odoo import Command

from odoo.addons.hospital_logistics.tests.common import HospitalLogisticsCase


class OutsourcingCase(HospitalLogisticsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vendor_company = cls.env["res.partner"].create(
            {"name": "Test Clean Co.", "is_company": True}
        )
        cls.vendor.partner_id.parent_id = cls.vendor_company
        cls.template = cls.env["hospital.outsourcing.kpi.template"].create(
            {
                "name": "Cleaning KPIs",
                "service_type": "cleaning",
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "SLA",
                            "kind": "response",
                            "source": "sla",
                            "weight": 40,
                            "target": 95,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Quality",
                            "kind": "quality",
                            "source": "inspection",
                            "weight": 30,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Satisfaction",
                            "kind": "satisfaction",
                            "source": "survey",
                            "weight": 30,
                            "target": 90,
                        }
                    ),
                ],
            }
        )
        cls.quality = cls.template.criterion_ids.filtered(lambda c: c.name == "Quality")
        cls.agreement = cls.env["hospital.outsourcing.agreement"].create(
            {
                "title": "Cardiology cleaning",
                "vendor_id": cls.vendor_company.id,
                "service_type": "cleaning",
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "kpi_template_id": cls.template.id,
                "deduction_per_point": 1000,
            }
        )
        cls.agreement.with_user(cls.manager).action_activate()
        team = cls.env["maintenance.team"].create({"name": "Cleaning team"})
        category = cls.env["hospital.service.category"].create(
            {"name": "Cleaning", "kind": "cleaning", "team_id": team.id}
        )
        cls.location = cls.env["hospital.location"].create(
            {"building": "Inpatient", "room": "301"}
        )
        Request = cls.env["maintenance.request"]
        cls.tickets = Request.create(
            [
                {
                    "name": f"Spill {i}",
                    "service_category_id": category.id,
                    "location_id": cls.location.id,
                    "hospital_outsourcing_agreement_id": cls.agreement.id,
                    "hospital_vendor_interruption": i == 0,
                }
                for i in range(4)
            ]
        )
        cls.env.cr.execute(
            "UPDATE maintenance_request SET reported_at = %s WHERE id IN %s",
            [datetime(2026, 2, 10, 9), tuple(cls.tickets.ids)],
        )
        cls.env.cr.execute(
            "UPDATE maintenance_request SET is_breached = TRUE WHERE id = %s",
            [cls.tickets[1].id],
        )
        cls.tickets.invalidate_recordset()

    def _inspection(self, points, day="2026-02-15"):
        return (
            self.env["hospital.outsourcing.inspection"]
            .with_user(self.manager)
            .create(
                {
                    "agreement_id": self.agreement.id,
                    "date": day,
                    "line_ids": [
                        Command.create(
                            {
                                "name": "Floor",
                                "criterion_id": self.quality.id,
                                "passed": False,
                                "points_deducted": points,
                                "action_required": True,
                                "action_deadline": day,
                            }
                        )
                    ],
                }
            )
        )
