"""Write each addon's README.rst from its readme/*.md fragments (OCA layout).

Usage: python3 tools/gen_readme.py [addons/<addon> ...]   (default: every addon)

The fragments are the source; README.rst is what Odoo's Apps screen and PyPI
show. Markdown here is kept simple (paragraphs, lists, **bold**, `code`), so a
line-by-line translation to reStructuredText is enough.
"""

import ast
import re
import sys
from pathlib import Path

SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
]


def md_to_rst(text):
    lines = []
    for line in text.splitlines():
        # `code` -> ``code`` (single backticks are "interpreted text" in rst)
        line = re.sub(r"(?<!`)`([^`]+)`(?!`)", r"``\1``", line)
        lines.append(line)
    return "\n".join(lines).strip() + "\n"


def render(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    title = manifest["name"]
    out = [
        "=" * len(title),
        title,
        "=" * len(title),
        "",
        f"*{manifest.get('summary', '').strip()}*",
        "",
        f"License: {manifest.get('license', '')}. Version {manifest['version']}.",
        "",
        "This file is generated from ``readme/*.md`` by ``tools/gen_readme.py``.",
        "",
    ]
    for fragment, heading in SECTIONS:
        path = addon / "readme" / fragment
        if not path.exists():
            continue
        if heading:
            out += [heading, "=" * len(heading), ""]
        out.append(md_to_rst(path.read_text(encoding="utf-8")))
    return "\n".join(out)


def main(paths):
    root = Path(__file__).resolve().parent.parent / "addons"
    addons = [Path(p) for p in paths] or sorted(
        m.parent for m in root.glob("*/__manifest__.py")
    )
    for addon in addons:
        (addon / "README.rst").write_text(render(addon), encoding="utf-8")
        print(f"{addon / 'README.rst'}")


if __name__ == "__main__":
    main(sys.argv[1:])
