from . import res_company
from . import res_config_settings
from . import hr_department
from . import res_users
from . import tier_definition
from . import hospital_tier_validation
from . import hospital_workflow_mixin
from . import hospital_signature_mixin
