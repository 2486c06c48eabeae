from . import hospital_stock_ledger_wizard
