"""The roles this addon adds, by XML id (the base's are in
hospital_logistics/groups.py)."""

OFFICE = "hospital_housing.hospital_housing_group_office"
