{
    "name": "Hospital Outsourced Services",
    "summary": "Outsourced service agreements, KPI templates, inspections, surveys, "
    "quarterly vendor scorecards and the vendor portal (后勤服务外包管理)",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "hospital_logistics",
        "hospital_maintenance",
        "hospital_qualification",
        "portal",
        "survey",
        "report_xlsx",
    ],
    "data": [
        "security/hospital_outsourcing_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/hospital_licence_type_data.xml",
        "report/hospital_outsourcing_reports.xml",
        "views/res_config_settings_views.xml",
        "views/hospital_outsourcing_agreement_views.xml",
        "views/hospital_outsourcing_kpi_template_views.xml",
        "views/hospital_outsourcing_inspection_views.xml",
        "views/hospital_outsourcing_survey_views.xml",
        "views/hospital_outsourcing_scorecard_views.xml",
        "views/hospital_outsourcing_staff_views.xml",
        "views/maintenance_request_views.xml",
        "views/hospital_outsourcing_portal_templates.xml",
        "views/hospital_outsourcing_menus.xml",
    ],
    "demo": [
        "demo/hospital_outsourcing_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hospital_outsourcing/static/src/js/tours/*.js",
        ],
    },
}
