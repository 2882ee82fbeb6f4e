import tomllib
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from kam import plugins
from kam.config import Settings
from kam.plugins import PluginLoadError, ServicePlugin


def fake_entry_points(*entries):
    return lambda group: [EntryPoint(name, value, group) for name, value in entries]


def test_every_service_in_pyproject_is_discovered_from_entry_points():
    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    declared = pyproject["project"]["entry-points"][plugins.GROUP]
    found = plugins.discover()
    assert set(found) == set(declared) >= {"customers", "visits", "reception", "notifications", "analytics"}
    for plugin in found.values():
        assert plugin.migrations.is_dir() and (plugin.migrations / "env.py").exists()


def test_a_plugin_that_fails_to_load_stops_start_up_with_its_name(monkeypatch):
    monkeypatch.setattr(plugins, "entry_points", fake_entry_points(
        ("customers", "services.customers.plugin:plugin"), ("broken", "services.no_such_module:plugin")))
    with pytest.raises(PluginLoadError, match="'broken'"):
        plugins.discover()


def test_an_entry_point_that_is_not_a_plugin_is_refused(monkeypatch):
    monkeypatch.setattr(plugins, "entry_points", fake_entry_points(("odd", "kam.config:Settings")))
    with pytest.raises(PluginLoadError, match="'odd'"):
        plugins.discover()


def test_a_plugin_part_that_fails_to_import_names_the_plugin():
    plugin = ServicePlugin(name="ghost", service="services.ghost.service:Ghost", metadata="x:y",
                           migrations=Path("."))
    with pytest.raises(PluginLoadError, match="'ghost'"):
        plugin.load_service()


def test_each_service_has_its_own_database():
    embedded = Settings(data_dir=Path("/tmp/kam-unit"))
    assert embedded.database_for("visits") == ("sqlite:////tmp/kam-unit/visits.db", None)
    production = Settings(database_url="postgresql://kam@db/kam")
    assert production.database_for("visits") == ("postgresql://kam@db/kam", "visits")


def test_settings_come_from_the_environment():
    settings = Settings.from_env({"KAM_AMQP_URI": "amqp://x/", "KAM_DATABASE_URL": "postgresql://db/kam",
                                  "KAM_SECRET_KEY": "s", "KAM_RETRY_DELAYS": "0.1,2"})
    assert (settings.amqp_uri, settings.secret_key, settings.retry_delays) == ("amqp://x/", "s", (0.1, 2.0))
    assert settings.uses_postgres


def test_each_event_type_has_one_publisher_and_its_contract():
    publishers = {}
    for name, plugin in plugins.discover().items():
        for event_type in plugin.published():
            assert event_type not in publishers, f"{event_type} is published by {publishers.get(event_type)} and {name}"
            publishers[event_type] = name
    assert publishers["visit.completed"] == "visits" and publishers["deal.delivered"] == "reception"
    assert publishers["customer.erased"] == "customers" and publishers["task.completed"] == "notifications"
