"""The Odoo configuration files of the repository hold only keys Odoo 19 knows.

Odoo stores an unknown key as-is with a warning, and skips a non-boolean key
whose value reads "False": both hide a typo that silently keeps the default.
"""

import configparser

import pytest

from odoo.tools import config

from harness.addons import ROOT

CONFIG_FILES = sorted((ROOT / "config").glob("*.conf"))


def _options(path):
    parser = configparser.RawConfigParser()
    parser.read(path, encoding="utf-8")
    return dict(parser.items("options"))


def test_config_files_exist():
    names = {path.name for path in CONFIG_FILES}
    assert {"odoo.conf", "odoo.docker.conf"} <= names


@pytest.mark.parametrize("path", CONFIG_FILES, ids=lambda path: path.name)
def test_config_keys_are_known_to_odoo(path):
    unknown = sorted(set(_options(path)) - set(config.options_index))
    assert not unknown, f"{path.name}: unknown keys {unknown}"


@pytest.mark.parametrize("path", CONFIG_FILES, ids=lambda path: path.name)
def test_config_values_parse(path):
    for key, value in _options(path).items():
        option = config.options_index[key]
        assert option.file_loadable, f"{path.name}: {key} cannot be set in a file"
        if value in ("False", "false"):
            assert option.action in ("store_true", "store_false"), (
                f"{path.name}: {key} = {value} is ignored, {key} is not a boolean"
            )
        config.parse(key, value)


@pytest.mark.parametrize("path", CONFIG_FILES, ids=lambda path: path.name)
def test_database_manager_is_closed(path):
    options = _options(path)
    assert options["list_db"] == "False"
    assert options["dbfilter"]
    assert options["admin_passwd"] not in ("admin", "")
