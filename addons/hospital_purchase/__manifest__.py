{
    "name": "Hospital Purchasing",
    "summary": "Monthly purchase plans, consolidation, tenders, works and department "
    "budgets (采购、招标与预算)",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "hospital_logistics",
        "purchase",
        "purchase_stock",
        "purchase_requisition",
        "purchase_request",
        "report_xlsx",
    ],
    "data": [
        "security/hospital_purchase_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "report/hospital_purchase_reports.xml",
        "views/res_config_settings_views.xml",
        "views/purchase_request_views.xml",
        "views/hospital_purchase_consolidation_views.xml",
        "views/hospital_purchase_tender_views.xml",
        "views/purchase_order_views.xml",
        "views/hospital_purchase_budget_views.xml",
        "views/hospital_purchase_overrun_views.xml",
        "views/hospital_purchase_works_views.xml",
        "views/hospital_purchase_menus.xml",
    ],
    "demo": [
        "demo/hospital_purchase_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hospital_purchase/static/src/js/tours/*.js",
        ],
    },
}
