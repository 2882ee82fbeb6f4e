"""Return visits (定期回访): record one (which completes its task in notifications), read them."""
from dataclasses import asdict

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from kam.db import new_id
from kam.errors import Conflict
from services.reception.contracts import ReturnVisitRecorded
from services.reception.domain.return_visits import ReturnVisit, record_return_visit
from services.reception.domain.workflow import ensure_reader, ensure_visible
from services.reception.handlers.common import customer_of_caller, list_page, load_row
from services.reception.models import return_visits

WHAT = "return visit"


def as_output(visit):
    out = asdict(visit)
    out.pop("customer_owner_id")
    return out


def create_return_visit(uow, actor, now, customers, data):
    customer = customer_of_caller(customers, actor, data["customer_id"])
    visit = record_return_visit(id=new_id(), customer=customer, developer_id=actor.user_id, data=data, now=now)
    if visit.task_id and _task_recorded(uow.session, visit.task_id):
        raise _task_taken()
    try:
        uow.session.execute(insert(return_visits).values(**asdict(visit)))
    except IntegrityError as error:
        raise _task_taken() from error
    uow.publish(ReturnVisitRecorded, {"return_visit_id": visit.id, "customer_id": visit.customer_id,
                                      "developer_id": visit.developer_id, "task_id": visit.task_id,
                                      "occurred_at": visit.occurred_at})
    uow.commit()
    return as_output(visit)


def get_return_visit(session, actor, return_visit_id):
    ensure_reader(actor)
    visit = ReturnVisit(**load_row(session, return_visits, return_visit_id, WHAT))
    ensure_visible(actor, visit.developer_id, visit.customer_owner_id, WHAT)
    return as_output(visit)


def list_return_visits(session, actor, args):
    return list_page(session, actor, return_visits, owner_column=return_visits.c.developer_id,
                     order_column=return_visits.c.recorded_at,
                     filters={"customer_id": args.get("customer_id")},
                     args=args, to_item=lambda row: as_output(ReturnVisit(**row)))


def _task_recorded(session, task_id):
    return session.scalar(select(return_visits.c.id).where(return_visits.c.task_id == task_id)) is not None


def _task_taken():
    """One return visit completes one task: a second record for the same task is refused."""
    return Conflict("a return visit is already recorded for this task", code="task_already_recorded")
