"""Return visits (定期回访): record one (which completes its task in notifications), read them."""
from dataclasses import asdict

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from kam.db import new_id
from kam.errors import Conflict
from services.reception.domain.access import ensure_reader
from services.reception.domain.return_visits import SEEN, record_return_visit
from services.reception.handlers.common import customer_of_caller, list_page
from services.reception.models import return_visits


def create_return_visit(uow, actor, now, *, data, customers):
    customer = customer_of_caller(customers, actor, data["customer_id"])
    visit = record_return_visit(id=new_id(), customer=customer, developer_id=actor.user_id, data=data, now=now)
    if visit.task_id and _task_recorded(uow.session, visit.task_id):
        raise _task_taken()
    try:
        uow.session.execute(insert(return_visits).values(**asdict(visit)))
    except IntegrityError as error:
        raise _task_taken() from error
    uow.collect(visit.recorded())
    return asdict(visit)


def get_return_visit(session, actor, now, *, return_visit_id):
    ensure_reader(actor)
    return SEEN.load(session, return_visits, actor, return_visit_id)


def list_return_visits(session, actor, now, *, args):
    return list_page(session, actor, return_visits, SEEN, order_column=return_visits.c.recorded_at,
                     filters={"customer_id": args.get("customer_id")}, args=args, to_item=dict)


def _task_recorded(session, task_id):
    return session.scalar(select(return_visits.c.id).where(return_visits.c.task_id == task_id)) is not None


def _task_taken():
    """One return visit completes one task: a second record for the same task is refused."""
    return Conflict("a return visit is already recorded for this task", code="task_already_recorded")
