"""Who may see and change a customer's file."""
from kam.errors import Forbidden, NotFound

READERS_OF_ALL = ("manager", "coordinator", "planner", "analyst")
WRITERS = ("manager", "developer")


def may_see(actor, owner_id):
    """Developers see their own customers; managers, coordinator, planner and analyst see all."""
    return actor.role in READERS_OF_ALL or (actor.role == "developer" and owner_id == actor.user_id)


def ensure_visible(actor, owner_id):
    if not may_see(actor, owner_id):
        raise NotFound("no such customer")


def ensure_may_change(actor, owner_id):
    """Managers change any file; a developer only their own; the other roles only read (403)."""
    if actor.role not in WRITERS:
        raise Forbidden(f"role {actor.role!r} may not change customer files")
    ensure_visible(actor, owner_id)


def sees_sensitive(actor, owner_id):
    """Sensitive fields are for the owner and managers only, never coordinator, planner or analyst."""
    return actor.role == "manager" or (actor.role == "developer" and owner_id == actor.user_id)


def ensure_manager(actor, what):
    if actor.role != "manager":
        raise Forbidden(f"only a manager may {what}")


def owner_filter(actor):
    """The owner a listing is restricted to, or None when the caller sees everyone's customers."""
    if actor.role in READERS_OF_ALL:
        return None
    if actor.role == "developer":
        return actor.user_id
    raise Forbidden(f"role {actor.role!r} may not list customers")
