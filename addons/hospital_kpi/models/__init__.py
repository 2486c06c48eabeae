from . import (
    hospital_kpi_action,
    hospital_kpi_definition,
    hospital_kpi_period,
    hospital_kpi_snapshot,
    hospital_kpi_source,
    hospital_kpi_survey,
    res_company,
    res_config_settings,
    res_users,
)
