from . import hospital_contract_xlsx
