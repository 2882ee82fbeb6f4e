"""Use cases of the customers service: load, decide with the domain, save, publish (kam.usecase commits)."""
from kam.config import get_settings
from kam.db import utcnow
from services.customers.handlers import files
from services.customers.rules import load_rules
from services.customers.sealing import Sealer


def create_customer(uow, actor, data, *, now=None, sealer=None, rules=None):
    """Register a customer outside a worker (scripts, the platform's tests): the context from settings."""
    customer = files.create_customer(uow, actor, now or utcnow(), data=data, sealer=sealer or Sealer(get_settings()),
                                     rules=rules or load_rules())
    uow.commit()
    return customer
