from . import hospital_licence_type
from . import hospital_fleet_trip
