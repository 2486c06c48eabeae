from . import test_emergency
