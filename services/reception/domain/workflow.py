"""Status machines and who may touch a record: shared by every record of the service."""
from kam.errors import InvalidTransition, NotFound
from services.reception.terms import READER_ROLES, WRITER_ROLES


def advance(status, action, transitions):
    """The status `action` leads to from `status`; anything else, repeating a step too, is a 409."""
    target = transitions.get((status, action))
    if target is None:
        raise InvalidTransition(f"cannot {action} a record that is {status}")
    return target


def sees_everything(actor):
    return actor.role in READER_ROLES and actor.role != "developer"


def ensure_visible(actor, owner_id, customer_owner_id, what):
    """A developer sees what they own and what hangs off their customers; others in the department see
    all; anyone else sees nothing. Hidden records do not exist for the caller (404)."""
    if sees_everything(actor):
        return
    if actor.role == "developer" and actor.user_id in (owner_id, customer_owner_id):
        return
    raise NotFound(f"no such {what}")


def ensure_reader(actor):
    actor.require_role(*READER_ROLES)


def ensure_writer(actor):
    actor.require_role(*WRITER_ROLES)


def ensure_may_change(actor, owner_id, customer_owner_id, what, roles=WRITER_ROLES):
    """Visible first (404), then a role that may change it (403)."""
    ensure_visible(actor, owner_id, customer_owner_id, what)
    actor.require_role(*roles)
