from . import hospital_contract_report_wizard
