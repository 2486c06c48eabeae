from . import res_company
from . import res_config_settings
from . import hospital_licence_type
from . import hospital_licence
from . import hospital_licence_training
from . import hr_employee
from . import hospital_service_category
from . import maintenance_request
