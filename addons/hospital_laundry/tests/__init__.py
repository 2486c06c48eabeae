from . import test_laundry
from . import test_ui
