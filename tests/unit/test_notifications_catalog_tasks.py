"""Tasks from the catalog's events: a restock for the analyst, an overdue piece for the coordinator."""
from datetime import UTC, datetime, timedelta

import pytest

from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.notifications import handlers
from services.notifications.models import metadata

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
SYSTEM, COORDINATOR, ANALYST = Actor(None, "system"), Actor("co-1", "coordinator"), Actor("a-1", "analyst")
OVERDUE = {"reservation_id": "r-1", "sku": "R-1001", "name": "1克拉圆钻戒指", "customer_id": "c-1",
           "due_back_at": NOW - timedelta(hours=1)}


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def my_tasks(uow, actor):
    return handlers.list_tasks(uow.session, actor, NOW, args={"assignee": "me"})["items"]


def test_a_piece_overdue_is_a_coordinator_task_done_when_it_is_returned(uow):
    handlers.chase_overdue_piece(uow, SYSTEM, NOW, overdue=OVERDUE)
    handlers.chase_overdue_piece(uow, SYSTEM, NOW, overdue=OVERDUE)
    [task] = my_tasks(uow, COORDINATOR)
    assert (task["kind"], task["status"], task["subject"]) == ("piece_overdue", "open", {"type": "reservation", "id": "r-1"})
    assert "R-1001" in task["title"]
    handlers.note_piece_returned(uow, COORDINATOR, NOW, returned={**OVERDUE, "returned_at": NOW})
    assert my_tasks(uow, COORDINATOR)[0]["status"] == "done"
    assert uow.published_types() == ["task.created", "task.completed"]


def test_stock_below_its_reorder_level_is_a_restock_task_for_the_analyst(uow):
    handlers.ask_for_restock(uow, SYSTEM, NOW, low={"product_id": "p-1", "sku": "G-01", "name": "珠宝保养礼包",
                                                    "quantity": 1, "reorder_level": 5})
    [task] = my_tasks(uow, ANALYST)
    assert task["kind"] == "restock" and "珠宝保养礼包" in task["title"]
    assert my_tasks(uow, COORDINATOR) == []
