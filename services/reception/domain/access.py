"""Who sees and who changes the service's records. A developer sees what they own and what hangs off
their customers; the rest of the department sees everything; anyone else sees nothing (404)."""
from kam.errors import Forbidden
from kam.records import Visibility
from services.reception.terms import READER_ROLES, WRITER_ROLES

SEE_ALL = tuple(role for role in READER_ROLES if role != "developer")


def visible(what, owner_column):
    return Visibility(what, everyone=SEE_ALL, owners=(owner_column, "customer_owner_id"))


def ensure_reader(actor):
    actor.require_role(*READER_ROLES)


def ensure_writer(actor):
    actor.require_role(*WRITER_ROLES)


def ensure_may(workflow, actor, record, action):
    """A role that may take this step at all (403), before whether the record is where it may (409)."""
    if not any(step.action == action and step.by(actor, record) for step in workflow.steps):
        raise Forbidden(f"role {actor.role!r} may not do this", code="forbidden")
