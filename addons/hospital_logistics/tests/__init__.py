from . import test_groups
from . import test_settings
from . import test_departments
from . import test_tier_threshold
from . import test_access
from . import test_ui
from . import test_sla_mixin
