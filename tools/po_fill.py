"""Write an addon's zh_CN.po from its .pot and a dict of translations.

Usage: python3 tools/po_fill.py ADDON_DIR TRANSLATIONS.py

TRANSLATIONS.py defines ``T = {msgid: msgstr}``.  Translations already in the
addon's zh_CN.po are kept unless the dict overrides them; msgids missing from
both are listed and the script exits 1, so a forgotten string is noticed.
"""

import runpy
import sys
from pathlib import Path

import polib


def main(addon_dir, translations_file):
    addon = Path(addon_dir).resolve()
    name = addon.name
    pot = polib.pofile(str(addon / "i18n" / f"{name}.pot"))
    po_path = addon / "i18n" / "zh_CN.po"
    known = {}
    if po_path.exists():
        known = {e.msgid: e.msgstr for e in polib.pofile(str(po_path)) if e.msgstr}
    known.update(runpy.run_path(translations_file).get("T", {}))
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata.update(
        {
            "Language": "zh_CN",
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
    )
    missing = []
    for entry in pot:
        entry.msgstr = known.get(entry.msgid, "")
        if not entry.msgstr:
            missing.append(entry.msgid)
        po.append(entry)
    po.save(str(po_path))
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
