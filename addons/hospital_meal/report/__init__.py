from . import hospital_meal_production
