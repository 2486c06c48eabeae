from . import test_licence
from . import test_dispatch
from . import test_training
from . import test_access
from . import test_ui
