from . import test_scorecard, test_portal
