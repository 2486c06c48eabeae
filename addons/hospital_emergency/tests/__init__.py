from . import test_emergency
from . import test_ui
