{
    "name": "Hospital KPI Evaluation",
    "summary": "Performance evaluation (后勤绩效评估): KPI definitions with "
    "targets fed by each addon's KPI source, quarterly and monthly periods closed into "
    "snapshots, the logistics manager's dashboard, improvement actions, "
    "satisfaction surveys, PDF and Excel evaluation reports",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    # Only the base: each KPI comes from the addon owning its data through
    # hospital.kpi.source, so an addon that is not installed removes its KPIs.
    "depends": ["hospital_logistics", "survey", "report_xlsx", "queue_job"],
    "data": [
        "security/hospital_kpi_security.xml",
        "security/ir.model.access.csv",
        "data/hospital_kpi_data.xml",
        "report/hospital_kpi_reports.xml",
        "wizard/hospital_kpi_period_reopen_views.xml",
        "views/hospital_kpi_snapshot_views.xml",
        "views/hospital_kpi_period_views.xml",
        "views/hospital_kpi_definition_views.xml",
        "views/hospital_kpi_action_views.xml",
        "views/hospital_kpi_survey_views.xml",
        "views/res_config_settings_views.xml",
        "views/hospital_kpi_menus.xml",
    ],
    "demo": ["demo/hospital_kpi_demo.xml"],
    "assets": {
        "web.assets_tests": ["hospital_kpi/static/src/js/tours/*.js"],
    },
}
