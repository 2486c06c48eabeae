from . import test_access
from . import test_allocation
from . import test_violation
from . import test_ui
