from . import test_contract_link
