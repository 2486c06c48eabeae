from . import test_reports, test_scorecard, test_portal, test_staff, test_ui
