"""Receptions: plan, submit, approve or reject, report; and what other services ask of them."""
from dataclasses import asdict

from sqlalchemy import insert, update

from kam.db import new_id
from services.reception.contracts import (
    ReceptionApproved,
    ReceptionRejected,
    ReceptionReported,
    ReceptionSubmitted,
)
from services.reception.domain.receptions import Reception, plan_reception
from services.reception.domain.workflow import ensure_may_change, ensure_reader, ensure_visible
from services.reception.handlers.common import customer_of_caller, list_page, load_row
from services.reception.models import receptions

WHAT = "reception"


def as_output(reception):
    out = asdict(reception)
    if reception.report is not None:
        out["report"] = {**reception.report, "reported_at": reception.reported_at}
    return out


def create_reception(uow, actor, now, customers, data):
    customer = customer_of_caller(customers, actor, data["customer_id"])
    reception = plan_reception(id=new_id(), customer=customer, host_id=actor.user_id, data=data, now=now)
    uow.session.execute(insert(receptions).values(**asdict(reception)))
    uow.commit()
    return as_output(reception)


def get_reception(session, actor, reception_id):
    ensure_reader(actor)
    reception = Reception(**load_row(session, receptions, reception_id, WHAT))
    ensure_visible(actor, reception.host_id, reception.customer_owner_id, WHAT)
    return as_output(reception)


def list_receptions(session, actor, args):
    return list_page(session, actor, receptions, owner_column=receptions.c.host_id,
                     order_column=receptions.c.created_at,
                     filters={"customer_id": args.get("customer_id"), "status": args.get("status")},
                     args=args, to_item=lambda row: as_output(Reception(**row)))


def revise_reception(uow, actor, now, reception_id, changes):
    reception = _load_for_change(uow, actor, reception_id)
    reception.revise(changes, now)
    uow.session.execute(update(receptions).where(receptions.c.id == reception.id).values(
        **{name: getattr(reception, name) for name in changes}, updated_at=now))
    uow.commit()
    return as_output(reception)


def submit_reception(uow, actor, now, reception_id):
    reception = _load_for_change(uow, actor, reception_id)
    reception.submit(now)
    return _save(uow, reception, ReceptionSubmitted)


def approve_reception(uow, actor, now, reception_id, data):
    reception = _load_for_change(uow, actor, reception_id, roles=("manager",))
    reception.approve(actor.user_id, data.get("funded_amount"), now)
    return _save(uow, reception, ReceptionApproved)


def reject_reception(uow, actor, now, reception_id, data):
    reception = _load_for_change(uow, actor, reception_id, roles=("manager",))
    reception.reject(actor.user_id, data["reason"], now)
    return _save(uow, reception, ReceptionRejected)


def report_reception(uow, actor, now, reception_id, data):
    reception = _load_for_change(uow, actor, reception_id)
    reception.record_report(data, now)
    uow.session.execute(update(receptions).where(receptions.c.id == reception.id).values(
        status=reception.status, report=reception.report, reported_at=now, updated_at=now))
    uow.publish(ReceptionReported, {"reception_id": reception.id, "customer_id": reception.customer_id,
                                    "host_id": reception.host_id, "reported_at": now,
                                    "outcome": data["outcome"]})
    uow.commit()
    return as_output(reception)


def _load_for_change(uow, actor, reception_id, roles=("developer", "manager")):
    reception = Reception(**load_row(uow.session, receptions, reception_id, WHAT, for_update=True))
    ensure_may_change(actor, reception.host_id, reception.customer_owner_id, WHAT, roles=roles)
    return reception


def _save(uow, reception, contract):
    uow.session.execute(update(receptions).where(receptions.c.id == reception.id).values(
        status=reception.status, funded_amount=reception.funded_amount, approver_id=reception.approver_id,
        reason=reception.reason, decided_at=reception.decided_at, updated_at=reception.updated_at))
    uow.publish(contract, {
        "reception_id": reception.id, "customer_id": reception.customer_id, "host_id": reception.host_id,
        "scheduled_at": reception.scheduled_at, "party_size": reception.party_size,
        "funded_amount": reception.funded_amount, "reason": reception.reason,
        "approver_id": reception.approver_id})
    uow.commit()
    return as_output(reception)
