"""Two instances of every service and two relays, as ops scale them (docs/OPERATIONS.md): every effect
happens once, the timer's work is done once, and calls spread over both instances."""
import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from kam import testing
from kam.clock import FileClock
from kam.service import open_store
from tests.system import System, login

VISITS = 24


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    running = System(tmp_path_factory.mktemp("scaled"), instances=2)
    running.env["KAM_LOG_LEVEL"] = "DEBUG"  # each worker logs what it served: how calls spread
    try:
        running.up()
        yield running
    finally:
        running.down()


def _record_one_visit(base_url, n):
    developer, manager = login(base_url, "dev1"), login(base_url, "manager")
    customer = developer.post("/api/customers", json={"name": f"扩容客户{n:02d}", "category": "high_value"}).json()
    occurred_at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    visit = developer.post("/api/visits", json={
        "customer_id": customer["id"], "planned_at": (occurred_at - timedelta(hours=2)).isoformat(),
        "place": "客户公司", "method": "in_person", "objectives": "介绍结婚周年克拉钻", "budget": "500.00"}).json()
    assert developer.post(f"/api/visits/{visit['id']}/submit").status_code == 200
    assert manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "400.00"}).status_code == 200
    recorded = developer.post(f"/api/visits/{visit['id']}/record", json={
        "occurred_at": occurred_at.isoformat(), "place": "客户公司", "method": "in_person",
        "talking_points": "克拉钻与私人定制", "customer_feedback": "有意向", "next_steps": "寄设计稿"})
    assert recorded.status_code == 200, recorded.text
    return visit["id"]


def _outbox_count(system, service, event_type):
    from kam.db import service_metadata

    store = open_store(service, service_metadata(), system.settings)
    try:
        with store.session() as session:
            outbox = store.tables["outbox"]
            return session.scalar(select(func.count()).select_from(outbox).where(outbox.c.type == event_type))
    finally:
        store.close()


def _served(log_path):
    served = Counter()
    for line in log_path.read_text().splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            if entry.get("logger") == "kam.worker":
                served[entry["service"]] += 1
    return served


def test_two_instances_of_everything_do_each_thing_once_and_share_the_calls(scaled, figures):
    with ThreadPoolExecutor(max_workers=6) as pool:
        visit_ids = list(pool.map(lambda n: _record_one_visit(scaled.base_url, n), range(VISITS)))

    developer = login(scaled.base_url, "dev1")

    def callbacks():
        tasks = developer.get("/api/tasks?assignee=me&status=open&kind=callback&limit=200").json()["items"]
        return tasks if len(tasks) >= VISITS else None

    tasks = testing.wait_until(callbacks, timeout=60, message="a callback task for every visit")
    assert Counter(task["subject"]["id"] for task in tasks) == Counter(visit_ids)  # each once, none doubled
    counted = testing.wait_until(lambda: _developer_visits(developer) == VISITS or None, timeout=60,
                                 message="analytics to count every visit")
    assert counted

    FileClock(scaled.settings.clock_file).set(datetime.now(UTC) + timedelta(days=8))  # every callback falls due
    overdue = testing.wait_until(lambda: _overdue_notices(developer) >= VISITS and _overdue_notices(developer),
                                 timeout=60, message="the timer to mark every callback overdue")
    testing.wait_until(lambda: _outbox_count(scaled, "notifications", "task.overdue") >= VISITS, timeout=30,
                       message="task.overdue in the outbox")
    marked = _outbox_count(scaled, "notifications", "task.overdue")
    assert overdue == VISITS and marked == VISITS  # two timers, one mark per task

    per_instance = [_served(path) for path in scaled.instance_logs("services")]
    figures.append({"figure": "scaled out: calls served per instance",
                    **{f"instance {n + 1}": dict(served) for n, served in enumerate(per_instance)}})
    for service in ("customers", "visits", "notifications"):
        assert all(served[service] > 0 for served in per_instance), (service, per_instance)


def _developer_visits(developer):
    items = developer.get("/api/analytics/developers").json()["items"]
    return sum(item["visits"] for item in items)


def _overdue_notices(developer):
    items = developer.get("/api/notifications?limit=200").json()["items"]
    return sum(1 for item in items if item.get("kind") == "task_overdue")
