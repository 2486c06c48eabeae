from . import hospital_fleet_report_wizard
