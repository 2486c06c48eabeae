from . import hospital_fleet_xlsx
