from . import res_company
from . import res_config_settings
from . import hospital_meal_diet
from . import hospital_ward_bed
from . import hospital_ward_stay
from . import hospital_meal_order
from . import hospital_meal_order_line
from . import hospital_meal_shift
