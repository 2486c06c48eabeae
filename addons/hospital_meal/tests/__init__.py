from . import test_stay
from . import test_order
from . import test_access
from . import test_roster
from . import test_ui
