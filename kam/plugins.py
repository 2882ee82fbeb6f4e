"""Service plugins: discovered from the entry-point group `kam.services`; a failed load stops start-up."""
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path

GROUP = "kam.services"


class PluginLoadError(RuntimeError):
    def __init__(self, name, cause):
        super().__init__(f"service plugin {name!r} failed to load: {type(cause).__name__}: {cause}")
        self.plugin_name = name


def _resolve(path):
    module_name, _, attribute = path.partition(":")
    return getattr(import_module(module_name), attribute)


@dataclass(frozen=True)
class ServicePlugin:
    """One service. Parts are named by import path so each process loads only what it runs:
    the gateway the blueprint, `kam serve` the nameko service, migrations and the relay the metadata."""

    name: str
    service: str
    metadata: str
    migrations: Path | None = None
    blueprint: str | None = None
    contracts: str | None = None  # the module with PUBLISHED, CONSUMED, OFFERS and CALLS (kam.contracts)
    description: str = ""
    vocabularies: str | None = None  # the tuple of kam.vocabulary.Vocabulary the service's API accepts
    messages: str | None = None  # {English message: zh-CN} of what the service says (kam.i18n)
    demo: str | None = None
    demo_needs: tuple = ()  # the services whose demo data this one's demo builds on
    commands: str | None = None  # a module with `register(subparsers)`: the service's `kam` subcommands
    console_areas: tuple = ()  # (area, roles) pairs: the console's menu entries and forms each role may use

    def _load(self, path):
        try:
            return _resolve(path)
        except Exception as error:  # noqa: BLE001 - any failure names the plugin
            raise PluginLoadError(self.name, error) from error

    def load_service(self):
        return self._load(self.service)

    def load_blueprint(self):
        return self._load(self.blueprint) if self.blueprint else None

    def load_metadata(self):
        return self._load(self.metadata)

    def load_commands(self):
        return self._load(self.commands + ":register") if self.commands else None

    def load_vocabularies(self):
        return self._load(self.vocabularies) if self.vocabularies else ()

    def load_messages(self):
        return self._load(self.messages) if self.messages else {}

    def load_demo(self):
        return self._load(self.demo) if self.demo else None

    def load_contracts(self):
        return self._load_module(self.contracts) if self.contracts else None

    def _load_module(self, name):
        try:
            return import_module(name)
        except Exception as error:  # noqa: BLE001
            raise PluginLoadError(self.name, error) from error

    def contracts_of(self, kind):
        """PUBLISHED, CONSUMED, CALLS (tuples) or OFFERS (a dict) of the service's contracts module."""
        module = self.load_contracts()
        return getattr(module, kind, {} if kind == "OFFERS" else ()) if module else ({} if kind == "OFFERS" else ())

    def published(self):
        """The event types this service publishes, from its contracts."""
        return [contract.event_type for contract in self.contracts_of("PUBLISHED")]

    def consumes(self):
        from kam.topology import event_handlers

        return [key for _, keys in event_handlers(self.load_service()) for key in keys]


def discover(group=GROUP):
    """Every installed service plugin, by name. Raises PluginLoadError naming the first that fails."""
    plugins = {}
    for entry in sorted(entry_points(group=group), key=lambda e: e.name):
        try:
            plugin = entry.load()
        except Exception as error:  # noqa: BLE001
            raise PluginLoadError(entry.name, error) from error
        if not isinstance(plugin, ServicePlugin):
            raise PluginLoadError(entry.name, TypeError(f"{entry.value} is not a ServicePlugin"))
        plugins[plugin.name] = plugin
    return plugins


def in_demo_order(plugins):
    """Plugins ordered so that each comes after the services its demo needs; a cycle or an unknown need
    is an error."""
    ordered, placing = [], set()

    def place(name):
        if name in ordered:
            return
        if name in placing:
            raise PluginLoadError(name, ValueError("its demo needs form a cycle"))
        if name not in plugins:
            raise PluginLoadError(name, ValueError("a demo needs this service, which is not installed"))
        placing.add(name)
        for need in plugins[name].demo_needs:
            place(need)
        ordered.append(name)

    for name in sorted(plugins):
        place(name)
    return [plugins[name] for name in ordered]


def select_plugins(plugins, names):
    unknown = sorted(set(names) - set(plugins))
    if unknown:
        raise SystemExit(f"unknown service(s): {', '.join(unknown)}; installed: {', '.join(plugins)}")
    return {name: plugins[name] for name in names} if names else plugins
