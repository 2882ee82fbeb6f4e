"""Who may see and change a customer's file and its development plans."""
from kam.errors import Forbidden
from kam.records import Visibility

READERS_OF_ALL = ("manager", "coordinator", "planner", "analyst")
WRITERS = ("manager", "developer")

# Developers see their own customers (and every plan on them); managers, coordinator, planner and analyst all.
CUSTOMERS = Visibility("customer", everyone=READERS_OF_ALL, owners=("owner_id",))
PLANS = Visibility("development plan", everyone=READERS_OF_ALL, owners=("developer_id", "customer_owner_id"))


def ensure_may_change(actor, customer=None):
    """Managers change any file; a developer only their own; the other roles only read (403)."""
    if actor.role not in WRITERS:
        raise Forbidden(f"role {actor.role!r} may not change customer files")
    return CUSTOMERS.ensure(actor, customer) if customer is not None else None


def ensure_may_list(actor):
    """Lists of customers and their plans are for those who work with them; an admin manages users only."""
    if actor.role not in (*READERS_OF_ALL, "developer"):
        raise Forbidden(f"role {actor.role!r} may not list customers or their plans")


def sees_sensitive(actor, customer):
    """Sensitive fields are for the owner and managers only, never coordinator, planner or analyst."""
    return actor.role == "manager" or (actor.role == "developer" and CUSTOMERS.owns(actor, customer))


def ensure_manager(actor, what):
    if actor.role != "manager":
        raise Forbidden(f"only a manager may {what}")
