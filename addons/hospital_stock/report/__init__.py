from . import hospital_stock_ledger_xlsx
from . import hospital_stock_reconciliation_xlsx
