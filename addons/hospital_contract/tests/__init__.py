from . import (
    test_access,
    test_flow,
    test_portal,
    test_reports,
    test_retention,
    test_signing,
    test_ui,
)
