from . import hospital_kpi_period_xlsx
