"""Receptions: plan, submit, approve or reject, report; and what other services ask of them."""
from dataclasses import asdict

from sqlalchemy import insert

from kam.db import new_id
from kam.records import save
from services.reception.domain import review
from services.reception.domain.access import ensure_may, ensure_reader, ensure_writer
from services.reception.domain.receptions import (
    SEEN,
    WORKFLOW,
    Reception,
    ensure_not_own_approval,
    hospitality_review,
    meal_per_head,
    plan_reception,
)
from services.reception.handlers.common import customer_of_caller, list_page
from services.reception.models import receptions

DECIDED = ("status", "funded_amount", "approver_id", "reason", "decided_at", "updated_at")


def as_output(reception, actor):
    out = asdict(reception)
    if reception.report is not None:
        out["report"] = {**reception.report, "reported_at": reception.reported_at}
    out["review"] = review.review_of(out)
    out["versions"] = out["versions"] or []
    out["actions"] = WORKFLOW.actions(actor, out) + review.REVIEW.actions(actor, out)
    return out


def create_reception(uow, actor, now, *, data, customers):
    customer = customer_of_caller(customers, actor, data["customer_id"])
    reception = plan_reception(id=new_id(), customer=customer, host_id=actor.user_id, data=data, now=now)
    uow.session.execute(insert(receptions).values(**asdict(reception)))
    return as_output(reception, actor)


def get_reception(session, actor, now, *, reception_id):
    ensure_reader(actor)
    return as_output(Reception(**SEEN.load(session, receptions, actor, reception_id)), actor)


def list_receptions(session, actor, now, *, args):
    return list_page(session, actor, receptions, SEEN, order_column=receptions.c.created_at,
                     filters={"customer_id": args.get("customer_id"), "status": args.get("status"),
                              "review_status": args.get("review")},
                     args=args, to_item=lambda row: as_output(Reception(**row), actor))


def revise_reception(uow, actor, now, *, reception_id, changes):
    """Only its host edits a draft (403 for others who see it, 409 `plan_locked` once submitted)."""
    reception = _load_for_change(uow, actor, reception_id, "edit")
    ensure_writer(actor)
    reception.revise(changes, now)
    _save(uow, reception, (*changes, "updated_at"))
    return as_output(reception, actor)


def withdraw_reception(uow, actor, now, *, reception_id):
    reception = _load_for_change(uow, actor, reception_id, "withdraw")
    reception.withdraw(now)
    _save(uow, reception, ("status", "updated_at"))
    return as_output(reception, actor)


def redraft_reception(uow, actor, now, *, reception_id):
    reception = _load_for_change(uow, actor, reception_id, "redraft")
    reception.redraft(now)
    _save(uow, reception, ("status", "updated_at"))
    return as_output(reception, actor)


def submit_reception(uow, actor, now, *, reception_id):
    return _decide(uow, actor, reception_id, "submit", lambda reception: reception.submit(now))


def approve_reception(uow, actor, now, *, reception_id, data, customers, visits):
    """A meal out per head above the hospitality cap of the customer's category needs the manager's
    override_reason (the visits service keeps the caps and refuses with 409 `over_hospitality_cap`); the
    override rides on reception.approved, from which visits logs it, so an approval that does not commit
    leaves no override in the log."""
    def approve(reception):
        override = None
        if meal_per_head(reception.arrangements) is not None:
            category = customers.customer_summary(reception.customer_id).get("category")
            override = visits.review_hospitality(
                hospitality_review(reception, category, data.get("override_reason")))["override"]
        return reception.approve(actor.user_id, data.get("funded_amount"), now, hospitality_override=override)

    return _decide(uow, actor, reception_id, "approve", approve)


def reject_reception(uow, actor, now, *, reception_id, data):
    return _decide(uow, actor, reception_id, "reject",
                   lambda reception: reception.reject(actor.user_id, data["reason"], now))


def report_reception(uow, actor, now, *, reception_id, data):
    reception = _load_for_change(uow, actor, reception_id, "report")
    uow.collect(reception.record_report(data, now))
    _save(uow, reception, ("status", "report", "reported_at", "review_status", "versions", "updated_at"))
    return as_output(reception, actor)


REVIEWED = ("review_status", "review_comment", "reviewed_by", "reviewed_at", "versions", "updated_at")


def review_reception(uow, actor, now, *, reception_id, data):
    actor.require_role(*review.APPROVERS)
    reception = _load_for_change(uow, actor, reception_id)
    uow.collect(reception.review(actor, data["decision"], data.get("comment"), now))
    _save(uow, reception, REVIEWED)
    return as_output(reception, actor)


def revise_report(uow, actor, now, *, reception_id, changes):
    """The host revises a returned report; it waits for review again."""
    ensure_writer(actor)
    reception = _load_for_change(uow, actor, reception_id)
    ensure_may(review.REVIEW, actor, reception.__dict__, "revise")
    reception.revise_report(actor, changes, now)
    _save(uow, reception, ("report", *REVIEWED))
    return as_output(reception, actor)


def _decide(uow, actor, reception_id, action, decide):
    reception = _load_for_change(uow, actor, reception_id, action)
    uow.collect(decide(reception))
    _save(uow, reception, DECIDED)
    return as_output(reception, actor)


def _load_for_change(uow, actor, reception_id, action=None):
    row = SEEN.load(uow.session, receptions, actor, reception_id, lock=True)
    if action == "approve":
        ensure_not_own_approval(actor, row)
    if action:
        ensure_may(WORKFLOW, actor, row, action)
    return Reception(**row)


def _save(uow, reception, columns):
    save(uow.session, receptions, {"id": reception.id}, {name: getattr(reception, name) for name in columns})
