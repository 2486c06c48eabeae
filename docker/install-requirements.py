"""Install requirement files into the official Odoo image with pip.

The image's Odoo is a Debian package that pip does not see as the `odoo`
distribution, so the OCA wheels (`Requires-Dist: odoo==19.0.*`) cannot be
resolved by pip, and Debian's own Python packages cannot be uninstalled by pip
(no RECORD file). So every requirement is installed with --no-deps, a pinned one
next to (shadowing) any Debian copy, and then the requirements of what was
installed are walked until all are met, leaving `odoo` out.

Usage: python3 install-requirements.py requirements.txt [more.txt ...]
"""

import re
import subprocess
import sys
from importlib import metadata

from pip._vendor.packaging.requirements import Requirement

PIP = [sys.executable, "-m", "pip", "install", "--no-cache-dir", "--no-deps"]
PIP += ["--break-system-packages", "--ignore-installed"]
PROVIDED = {"odoo"}  # by the image's Debian package


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def read_requirements(path):
    requirements = []
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.split(" #", 1)[0].strip()
            if not line or line.startswith("#"):
                continue
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate():
                requirements.append(requirement)
    return requirements


def installed_version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def unmet(requirements):
    missing = []
    for requirement in requirements:
        if canonical(requirement.name) in PROVIDED:
            continue
        version = installed_version(requirement.name)
        specifier = requirement.specifier
        if version is None or not specifier.contains(version, prereleases=True):
            missing.append(requirement)
    return missing


def dependencies(names):
    requirements = []
    for name in names:
        for line in metadata.requires(name) or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                requirements.append(requirement)
    return requirements


def install(requirements):
    subprocess.run(PIP + [str(r) for r in requirements], check=True)


def unmet_after_install(names):
    """Ask a fresh interpreter, whose sys.path and metadata see the new installs."""
    output = subprocess.run(
        [sys.executable, __file__, "--unmet", *names],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [Requirement(line) for line in output.splitlines() if line.strip()]


def main(paths):
    wanted = [r for path in paths for r in read_requirements(path)]
    wanted = [r for r in wanted if canonical(r.name) not in PROVIDED]
    install(wanted)
    names = [r.name for r in wanted]
    for _round in range(20):
        missing = unmet_after_install(names)
        if not missing:
            return 0
        print("installing dependencies:", ", ".join(map(str, missing)), flush=True)
        install(missing)
        names += [r.name for r in missing]
    return "dependencies still unmet after 20 rounds"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--unmet"]:
        print("\n".join(map(str, unmet(dependencies(sys.argv[2:])))))
    else:
        sys.exit(main(sys.argv[1:]))
