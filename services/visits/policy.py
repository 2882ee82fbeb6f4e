"""The department's configurable limits: a developer's discount authority.

`KAM_DEVELOPER_MAX_DISCOUNT` (or `Settings.extra["developer_max_discount"]`) is the largest fraction off
the list price a developer may offer on their own: 0.10 means 10 % off (九折). Default 0.10."""
import os
from decimal import Decimal, InvalidOperation

from nameko.extensions import DependencyProvider

from kam.service import settings_of

DEFAULT_MAX_DISCOUNT = Decimal("0.10")


def developer_max_discount(settings, env=None):
    env = os.environ if env is None else env
    raw = settings.extra.get("developer_max_discount") or env.get("KAM_DEVELOPER_MAX_DISCOUNT")
    if raw is None:
        return DEFAULT_MAX_DISCOUNT
    try:
        value = Decimal(str(raw))
    except InvalidOperation as error:
        raise ValueError(f"KAM_DEVELOPER_MAX_DISCOUNT is not a number: {raw!r}") from error
    if not Decimal(0) <= value < Decimal(1):
        raise ValueError(f"KAM_DEVELOPER_MAX_DISCOUNT must be a fraction in [0, 1): {raw!r}")
    return value


class MaxDiscount(DependencyProvider):
    def setup(self):
        self.value = developer_max_discount(settings_of(self.container))

    def get_dependency(self, worker_ctx):
        return self.value

    def outside_container(self, settings):
        value = developer_max_discount(settings)
        return lambda: value
