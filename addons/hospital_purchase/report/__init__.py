from . import hospital_purchase_xlsx
