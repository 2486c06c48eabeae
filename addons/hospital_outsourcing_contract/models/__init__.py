from . import hospital_outsourcing_agreement, hospital_contract
