from . import (
    test_definitions,
    test_evaluation,
    test_reports,
    test_security,
    test_ui,
)
