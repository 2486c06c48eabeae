{
    "name": "Hospital Staff Dormitories",
    "summary": "Staff dormitories (集体宿舍): buildings, rooms and beds, move-in and "
    "transfer applications approved by the logistics office, allocations with "
    "their history, violations and fines, occupancy per building",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": ["hospital_logistics", "hr"],
    "data": [
        "security/hospital_housing_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/hospital_housing_building_views.xml",
        "views/hospital_housing_bed_views.xml",
        "views/hospital_housing_allocation_views.xml",
        "views/hospital_housing_application_views.xml",
        "views/hospital_housing_violation_views.xml",
        "views/res_config_settings_views.xml",
        "views/hospital_housing_menus.xml",
    ],
    "demo": ["demo/hospital_housing_demo.xml"],
    "assets": {
        "web.assets_tests": ["hospital_housing/static/src/js/tours/*.js"],
    },
}
