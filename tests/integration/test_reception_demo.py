"""The reception demo: every state of every record, loaded once, for the customers' demo customers."""
from sqlalchemy import select

from gateway.demo import Demo
from kam.config import Settings
from kam.service import open_store
from services.customers.demo import load as load_customers
from services.reception.demo import load
from services.reception.models import deals, metadata, receptions, service_tickets
from services.reception.terms import (
    GENERAL_TICKET_STATUSES,
    RECEPTION_STATUSES,
    TICKET_KINDS,
    WORK_ORDER_STATUSES,
)

USERS = {"manager": [{"id": "m-1", "username": "zhangmin", "role": "manager", "display_name": "张敏"}],
         "developer": [{"id": "d-1", "username": "lihua", "role": "developer", "display_name": "李华"},
                       {"id": "d-2", "username": "wangfang", "role": "developer", "display_name": "王芳"}]}


def test_demo_loads_every_state_once(database_url, tmp_path):
    demo = Demo(Settings(database_url=database_url, data_dir=tmp_path), USERS)
    load_customers(demo)

    assert "29 tickets" in load(demo)
    assert load(demo) == "already loaded"

    store = open_store("reception", metadata, demo.settings)
    with store.session() as session:
        reception_states = set(session.scalars(select(receptions.c.status)))
        deal_rows = session.execute(select(deals.c.status, deals.c.repeat_sale, deals.c.delivery_method)).all()
        ticket_pairs = set(session.execute(select(service_tickets.c.kind, service_tickets.c.status)).all())
    store.close()
    assert reception_states == set(RECEPTION_STATUSES)
    assert {row.status for row in deal_rows} == {"closed", "delivered"}
    assert {row.repeat_sale for row in deal_rows} == {True, False}
    assert {row.delivery_method for row in deal_rows} == {"pickup", "home_delivery"}
    expected = {(kind, status) for kind in TICKET_KINDS for status in WORK_ORDER_STATUSES.get(
        kind, GENERAL_TICKET_STATUSES)}
    assert ticket_pairs == expected  # every work order at every stage of its kind, the others open to resolved
