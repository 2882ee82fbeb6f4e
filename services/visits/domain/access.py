"""Who may see and change a visit or a claim: a record the caller may not see does not exist to them."""
from kam.errors import Forbidden, NotFound

VISIT_READERS = ("manager", "coordinator", "planner", "analyst")
CLAIM_READERS = ("manager", "analyst")


def ensure_sees(actor, owner_id, readers, what):
    if actor.role in readers or (actor.role == "developer" and actor.user_id == owner_id):
        return
    raise NotFound(f"no such {what}")


def ensure_acts_as_owner(actor, owner_id, readers, what):
    """Only the owner (the visitor, the claimant) does this; others who can read it are refused."""
    ensure_sees(actor, owner_id, readers, what)
    if actor.user_id != owner_id:
        raise Forbidden(f"only the {what}'s own developer may do this", code="forbidden")


def ensure_manager(actor):
    actor.require_role("manager")
