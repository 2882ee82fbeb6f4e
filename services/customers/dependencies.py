"""What a customers worker needs besides its database: the sealer of sensitive data and the rules."""
from nameko.extensions import DependencyProvider

from kam.service import settings_of
from services.customers.rules import CurrentRules
from services.customers.sealing import Sealer


class Sealing(DependencyProvider):
    uses_encryption_key = True  # `kam serve` refuses to start this service without KAM_ENCRYPTION_KEY

    def setup(self):
        self.sealer = Sealer(settings_of(self.container))

    def get_dependency(self, worker_ctx):
        return self.sealer

    def outside_container(self, settings):
        sealer = Sealer(settings)
        return lambda: sealer


class ClassificationRules(DependencyProvider):
    """The rules as the file says now: parsed once, again only after the file changes."""

    def setup(self):
        self.current = CurrentRules()

    def get_dependency(self, worker_ctx):
        return self.current.get()

    def outside_container(self, settings):
        return CurrentRules().get
