"""The roles this addon adds, by XML id (the base's are in
hospital_logistics/groups.py)."""

CANTEEN = "hospital_meal.hospital_meal_group_canteen"
