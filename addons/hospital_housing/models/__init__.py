from . import res_company
from . import res_config_settings
from . import hospital_housing_building
from . import hospital_housing_room
from . import hospital_housing_bed
from . import hospital_housing_allocation
from . import hospital_housing_application
from . import hospital_housing_violation
