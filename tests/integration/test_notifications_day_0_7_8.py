"""The seed's chain in a nameko container with a controllable clock: a visit recorded on day 0 → the
callback is due on day 7 → the manager is told on day 8. The clock is set, nothing sleeps for time."""
from datetime import UTC, datetime, timedelta

from kombu import Connection, Producer
from marshmallow import fields
from nameko.standalone.rpc import ServiceRpcProxy
from sqlalchemy import func, select

from kam import testing, topology
from kam.config import Settings
from kam.events import Contract, make_envelope
from kam.service import open_store
from services.notifications.models import metadata
from services.notifications.service import NotificationsService

DAY0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
VISITOR = {"user_id": "dev-1", "role": "developer"}
MANAGER = {"user_id": "m-1", "role": "manager"}
OUTBOX = metadata.tables["outbox"]


class SetClock:
    def __init__(self, now):
        self.instant = now

    def now(self):
        return self.instant


class VisitCompletedForTest(Contract):
    event_type = "visit.completed"
    visit_id = fields.String(required=True)
    customer_id = fields.String(required=True)
    visitor_id = fields.String(required=True)
    occurred_at = fields.DateTime(required=True)
    method = fields.String(required=True)
    place = fields.String(required=True)
    next_visit_at = fields.DateTime(allow_none=True)


def publish(amqp_uri, contract, data):
    envelope = make_envelope(contract, data, producer="visits", actor=VISITOR)
    with Connection(amqp_uri) as connection:
        Producer(connection.channel(), exchange=topology.events_exchange).publish(
            envelope, routing_key=envelope["type"], serializer="json", delivery_mode=2)
    return envelope


def test_visit_on_day_0_callback_due_day_7_manager_told_on_day_8(runner_factory, rabbit_config, database_url,
                                                                  tmp_path):
    settings = Settings(amqp_uri=rabbit_config["AMQP_URI"], database_url=database_url, data_dir=tmp_path,
                        retry_delays=(0.05,))
    clock = SetClock(DAY0)
    config = {**rabbit_config, **settings.nameko_config(), "KAM_CLOCK": clock, "KAM_DUE_WORK_INTERVAL": 0.05}
    topology.declare(settings.amqp_uri, {"notifications": NotificationsService})
    runner_factory(config, NotificationsService).start()

    publish(settings.amqp_uri, VisitCompletedForTest, {
        "visit_id": "v-1", "customer_id": "c-1", "visitor_id": "dev-1", "occurred_at": DAY0,
        "method": "in_person", "place": "客户办公室", "next_visit_at": None})

    with ServiceRpcProxy("notifications", config, context_data=VISITOR) as visitor, \
            ServiceRpcProxy("notifications", config, context_data=MANAGER) as manager:
        def callbacks():
            return visitor.list_tasks({"assignee": "me", "kind": "callback", "status": "open"})["items"]

        [task] = testing.wait_until(callbacks, timeout=10, message="the callback task")
        assert task["due_at"] == DAY0 + timedelta(days=7) and task["subject"] == {"type": "visit", "id": "v-1"}
        assert task["assignee_id"] == "dev-1" and not task["overdue"]

        clock.instant = DAY0 + timedelta(days=7, minutes=1)
        testing.wait_until(lambda: _events(settings, "task.overdue") == 1, timeout=10, message="task.overdue")
        assert callbacks()[0]["overdue"]
        assert not _escalations(manager)

        clock.instant = DAY0 + timedelta(days=8, minutes=1)
        [escalation] = testing.wait_until(lambda: _escalations(manager), timeout=10, message="the manager told")
        assert escalation["task_id"] == task["id"] and escalation["read"] is False
        assert manager.overdue_counts()["items"] == [
            {"assignee_id": "dev-1", "assignee_role": None, "overdue": 1, "escalated": 1}]
        assert _events(settings, "task.overdue") == 1  # the timer keeps ticking; nothing is announced twice


def _escalations(proxy):
    return [n for n in proxy.list_notifications({})["items"] if n["kind"] == "escalation"]


def _events(settings, event_type):
    store = open_store("notifications", metadata, settings)
    try:
        with store.session() as session:
            return session.scalar(select(func.count()).select_from(OUTBOX).where(OUTBOX.c.type == event_type))
    finally:
        store.close()
