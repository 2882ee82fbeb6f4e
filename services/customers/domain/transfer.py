"""Handing customers over to another developer (客户移交): who may receive them, and what the hand-over says."""
from kam.errors import Conflict, Invalid

OPEN_PLAN_STATUSES = ("draft", "pending_approval", "approved")  # a rejected plan is a past record


def receiver(people, user_id, field="to_owner_id"):
    """Customers pass only to an active developer; anyone else is refused on the field (422)."""
    person = people.get(user_id)
    if person is None:
        raise Invalid("no such user", errors={field: ["no such user"]})
    if person["role"] != "developer":
        raise Invalid("customers pass only to a developer", errors={field: ["must be a developer"]})
    if person.get("disabled"):
        raise Invalid("customers pass only to an active developer", errors={field: ["this account is disabled"]})
    return {**person, "id": user_id}


def leaver(people, from_owner_id, to_owner_id):
    """A bulk hand-over starts from a known user and ends with someone else."""
    if from_owner_id not in people:
        raise Invalid("no such user", errors={"from_owner_id": ["no such user"]})
    if from_owner_id == to_owner_id:
        raise Invalid("hand the customers to someone else", errors={"to_owner_id": ["must differ from from_owner_id"]})
    return {**people[from_owner_id], "id": from_owner_id}


def ensure_reason(reason):
    if not (reason or "").strip():
        raise Invalid("give the reason for the transfer", errors={"reason": ["the reason is required"]})
    return reason.strip()


def ensure_new_owner(customer, to_owner_id):
    """Transferring a customer to the developer who already owns it is a mistake worth saying (409)."""
    if customer["owner_id"] == to_owner_id:
        raise Conflict("the customer already belongs to this developer", code="already_owner")


def may_transfer(actor, customer):
    return actor.role == "manager" and customer["erased_at"] is None


def customer_actions(actor, customer):
    return ["transfer"] if may_transfer(actor, customer) else []


def transferred(customer, *, to, actor, reason, people):
    """`customer.transferred`: who handed it over, from whom, to whom and why (the timeline shows it)."""
    def name(user_id):
        return (people.get(user_id) or {}).get("display_name") or user_id

    return {"customer_id": customer["id"], "name": customer["name"], "from_owner_id": customer["owner_id"],
            "to_owner_id": to["id"], "reason": reason, "transferred_by": actor.user_id,
            "from_owner_name": name(customer["owner_id"]), "to_owner_name": name(to["id"]),
            "transferred_by_name": actor.display_name or name(actor.user_id)}
