from . import test_register
from . import test_transfer
from . import test_loss
from . import test_scrap
from . import test_count
from . import test_access
from . import test_count_page
from . import test_ui
