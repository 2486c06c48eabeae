from . import hospital_contract_qualification
from . import product_category
from . import purchase_order
