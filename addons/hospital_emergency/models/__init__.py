from . import hospital_emergency_reserve
from . import hospital_emergency_plan
from . import hospital_emergency_drill
