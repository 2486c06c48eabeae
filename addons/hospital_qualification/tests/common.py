from datetime import timedelta

from odoo import fields

from odoo.addons.hospital_maintenance.tests.common import HospitalMaintenanceCase


class HospitalQualificationCase(HospitalMaintenanceCase):
    """The utilities team's technician is an electrician with a valid licence;
    the other technician's licence expired; an outsourced welder holds one;
    the heating service requires an electrician's licence."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.hospital_licence_reminder_days = 30
        cls.today = fields.Date.context_today(cls.env["hospital.licence"])
        Type = cls.env["hospital.licence.type"]
        cls.type_electrician = Type.create(
            {
                "name": "HQ Electrician",
                "cycle_months": 36,
                "service_category_ids": [(6, 0, cls.cat_repair.ids)],
            }
        )
        cls.type_welder = Type.create({"name": "HQ Welder", "cycle_months": 36})
        Employee = cls.env["hr.employee"]
        cls.emp_technician = Employee.create(
            {
                "name": "Zhao Qiang",
                "user_id": cls.technician.id,
                "department_id": cls.ward.id,
            }
        )
        cls.emp_other = Employee.create(
            {"name": "Sun Tao", "user_id": cls.other_technician.id}
        )
        cls.emp_leader = Employee.create(
            {"name": "Qian Lei", "user_id": cls.team_leader.id}
        )
        cls.emp_contractor = Employee.create(
            {"name": "Outsourced Welder", "employee_type": "contractor"}
        )
        Licence = cls.env["hospital.licence"]
        cls.licence_valid = Licence.create(
            {
                "name": "T-VALID",
                "employee_id": cls.emp_technician.id,
                "licence_type_id": cls.type_electrician.id,
                "issue_date": cls.today - timedelta(days=100),
            }
        )
        cls.licence_expired = Licence.create(
            {
                "name": "T-EXPIRED",
                "employee_id": cls.emp_other.id,
                "licence_type_id": cls.type_electrician.id,
                "issue_date": cls.today - timedelta(days=2000),
            }
        )
        cls.licence_contractor = Licence.create(
            {
                "name": "T-WELDER",
                "employee_id": cls.emp_contractor.id,
                "licence_type_id": cls.type_welder.id,
                "issue_date": cls.today - timedelta(days=10),
            }
        )
