{
    "name": "Hospital Laundry",
    "summary": "Laundry and linen (洗衣房/被服): collection and delivery per ward on a "
    "schedule, counted by item type, signed by the ward on delivery, differences "
    "flagged, damaged items mended before delivery, washing machines' monthly "
    "check as a preventive plan",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": ["hospital_logistics", "maintenance_plan"],
    "data": [
        "security/hospital_laundry_security.xml",
        "security/ir.model.access.csv",
        "data/hospital_laundry_data.xml",
        "views/hospital_laundry_round_views.xml",
        "views/hospital_laundry_config_views.xml",
        "views/hospital_laundry_menus.xml",
    ],
    "demo": ["demo/hospital_laundry_demo.xml"],
    "assets": {
        "web.assets_tests": ["hospital_laundry/static/src/js/tours/*.js"],
    },
}
