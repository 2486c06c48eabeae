from . import hospital_outsourcing_xlsx
