from . import hospital_request_rate_wizard
