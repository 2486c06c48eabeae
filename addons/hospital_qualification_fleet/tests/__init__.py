from . import test_fleet_licence
