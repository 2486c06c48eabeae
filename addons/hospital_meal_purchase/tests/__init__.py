from . import test_food_licence
