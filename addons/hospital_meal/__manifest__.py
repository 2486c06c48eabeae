{
    "name": "Hospital Patient Meals",
    "summary": "Patient meals (病人订餐 / 营养食堂): ward beds and patient stays, "
    "meal orders per ward, bed, diet and meal with a cut-off time, the canteen's "
    "totals, production sheet and monthly statistics, and a canteen roster "
    "refusing staff without a valid yearly health certificate (健康证)",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": ["hospital_logistics", "hospital_qualification"],
    "data": [
        "security/hospital_meal_security.xml",
        "security/ir.model.access.csv",
        "data/hospital_meal_data.xml",
        "data/hospital_meal_diet_data.xml",
        "report/hospital_meal_reports.xml",
        "views/hospital_ward_bed_views.xml",
        "views/hospital_ward_stay_views.xml",
        "views/hospital_meal_order_views.xml",
        "views/hospital_meal_config_views.xml",
        "views/hospital_meal_shift_views.xml",
        "views/res_config_settings_views.xml",
        "views/hospital_meal_menus.xml",
    ],
    "demo": ["demo/hospital_meal_demo.xml"],
    "assets": {
        "web.assets_tests": ["hospital_meal/static/src/js/tours/*.js"],
    },
}
