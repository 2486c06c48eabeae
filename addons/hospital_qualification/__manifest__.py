{
    "name": "Hospital Staff Qualification",
    "summary": "Staff licences (持证上岗) on hr_skills certifications: licence "
    "types and their re-examination cycle, expiry reminders, training and exams; "
    "an expired licence blocks dispatching its holder",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "hospital_logistics",
        "hospital_maintenance",
        "hr_skills",
    ],
    "data": [
        "security/hospital_qualification_security.xml",
        "security/ir.model.access.csv",
        "data/hr_skill_data.xml",
        "data/hospital_licence_type_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/hospital_licence_views.xml",
        "views/hospital_licence_type_views.xml",
        "views/hospital_licence_training_views.xml",
        "views/hr_employee_views.xml",
        "views/hospital_service_category_views.xml",
        "views/res_config_settings_views.xml",
        "views/hospital_qualification_menus.xml",
    ],
    "demo": [
        "demo/hospital_qualification_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hospital_qualification/static/src/js/tours/*.js",
        ],
    },
}
