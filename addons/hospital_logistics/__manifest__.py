{
    "name": "Hospital Logistics",
    "summary": "Base of the hospital logistics suite (医院后勤管理): roles, "
    "departments, thresholds and approvals",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "base_setup",
        "mail",
        "portal",
        "hr",
        "analytic",
        "base_tier_validation",
    ],
    "data": [
        "security/hospital_logistics_security.xml",
        "security/ir.model.access.csv",
        "views/hr_department_views.xml",
        "views/res_config_settings_views.xml",
        "views/res_company_views.xml",
        "views/tier_definition_views.xml",
        "views/hospital_logistics_menus.xml",
    ],
    "demo": [
        "demo/hospital_logistics_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hospital_logistics/static/src/js/tours/*.js",
        ],
    },
}
