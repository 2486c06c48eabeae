{
    "name": "Hospital Emergency Readiness",
    "summary": "Emergency readiness (应急保障): material reserves with a minimum "
    "per item and place checked every day, emergency plans per scenario with "
    "their team and contacts, drills with findings and follow-up actions",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "hospital_logistics",
        "stock",
        "hr",
    ],
    "data": [
        "security/hospital_emergency_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/hospital_emergency_reserve_views.xml",
        "views/hospital_emergency_plan_views.xml",
        "views/hospital_emergency_drill_views.xml",
        "views/hospital_emergency_menus.xml",
    ],
    "demo": [
        "demo/hospital_emergency_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hospital_emergency/static/src/js/tours/*.js",
        ],
    },
}
