from . import test_plan
from . import test_tender
from . import test_budget
from . import test_works
