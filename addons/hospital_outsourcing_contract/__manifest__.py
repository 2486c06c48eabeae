{
    "name": "Hospital Outsourced Services - Contracts",
    "summary": "An outsourced service agreement links to its signed contract "
    "(外包服务协议关联合同)",
    "version": "19.0.1.0.0",
    "category": "Hospital Logistics",
    "website": "https://github.com/hospital-logistics/hospital-logistics",
    "author": "Hospital Logistics Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": [
        "hospital_outsourcing",
        "hospital_contract",
    ],
    "data": [
        "views/hospital_outsourcing_agreement_views.xml",
        "views/hospital_contract_views.xml",
    ],
    "demo": [
        "demo/hospital_outsourcing_contract_demo.xml",
    ],
}
