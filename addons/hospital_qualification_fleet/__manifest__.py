{
    "name": "Hospital Staff Qualification - Vehicles",
    "summary": "An expired driving licence blocks dispatching its driver "
    "(持证上岗 on vehicle dispatch)",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": [
        "hospital_qualification",
        "hospital_fleet",
    ],
    "data": [
        "views/hospital_licence_type_views.xml",
    ],
}
