from . import hospital_laundry_item_type
from . import hospital_laundry_schedule
from . import hospital_laundry_round
from . import hospital_laundry_round_line
from . import maintenance_equipment
