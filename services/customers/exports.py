"""A PIPL export gathers what every other service holds, each within its own timeout."""
import eventlet

from kam.errors import KamError
from kam.plugins import discover


def other_services(own_name):
    return sorted(name for name in discover() if name != own_name)


def gather(cluster, names, customer_id):
    """{service: its export}, or {"status": "unavailable"} for a service that does not answer in time."""

    def one(name):
        try:
            return name, {"status": "ok", "data": cluster[name].export_customer(customer_id)}
        except KamError as error:
            return name, {"status": "unavailable", "detail": error.detail}

    pool = eventlet.GreenPool(max(len(names), 1))
    return dict(pool.imap(one, names))
