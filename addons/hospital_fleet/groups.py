"""The roles this addon adds, by XML id (the base's are in
hospital_logistics/groups.py)."""

_GROUP = "hospital_fleet.hospital_fleet_group_"

DRIVER = _GROUP + "driver"
DISPATCHER = _GROUP + "dispatcher"
