{
    "name": "Hospital Patient Meals - Canteen Purchases",
    "summary": "The canteen buys only from suppliers holding a valid food business "
    "licence (食品经营许可证): a purchase order of canteen food is not confirmed "
    "without one on the order date",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["hospital_meal", "hospital_contract", "purchase"],
    "data": [
        "views/product_category_views.xml",
        "views/purchase_order_views.xml",
    ],
    "demo": ["demo/hospital_meal_purchase_demo.xml"],
}
