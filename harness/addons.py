"""The repository and its addons.

An addon of the suite is a folder of ``addons/`` holding a manifest that is
installable, whatever its name: nothing names an addon, so a new one is
covered by every test, benchmark and run the moment it is there.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS_DIR = ROOT / "addons"


def suite_addons():
    """Names of the installable addons of ``addons/``, sorted."""
    addons = []
    for manifest in sorted(ADDONS_DIR.glob("*/__manifest__.py")):
        data = ast.literal_eval(manifest.read_text(encoding="utf-8"))
        if data.get("installable", True):
            addons.append(manifest.parent.name)
    return addons


def newest_addon_change():
    """Modification time of the newest file of ``addons/`` (0 without any)."""
    return max(
        (
            path.stat().st_mtime
            for path in ADDONS_DIR.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        ),
        default=0,
    )
