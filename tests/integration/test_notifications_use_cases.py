"""The notifications use cases on the real PostgreSQL: idempotency, several instances, approvals,
return visits, erasure, the inbox and the e-mail channel against a real local SMTP server."""
import ast
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from kam import testing
from kam.errors import InvalidTransition
from kam.identity import Actor
from kam.service import open_store
from services.notifications import due_work, handlers, inbox
from services.notifications.channels import EmailChannel
from services.notifications.domain import Policy
from services.notifications.models import metadata, notifications, tasks

DAY0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
POLICY = Policy()
DEV, MANAGER, MANAGER2 = Actor("dev-1", "developer"), Actor("m-1", "manager"), Actor("m-2", "manager")
OUTBOX = metadata.tables["outbox"]


@pytest.fixture
def store(settings):
    opened = open_store("notifications", metadata, settings)
    yield opened
    opened.close()


def run(store, use_case, *args, **params):
    with store.unit_of_work() as uow:
        result = use_case(uow, *args, **params)
        uow.commit()
        return result


def count(store, table, *conditions):
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(table).where(*conditions))


def visit(visit_id="v-1", occurred_at=DAY0):
    return {"visit_id": visit_id, "customer_id": "c-1", "visitor_id": "dev-1", "occurred_at": occurred_at}


def customer(customer_id="c-1", **changes):
    return {"customer_id": customer_id, "owner_id": "dev-1", "name": "王丽", "outreach_opt_out": False,
            "key_dates": [{"kind": "wedding_anniversary", "date": date(2012, 9, 1)}],
            "holdings": [{"piece": "钻戒", "style": "六爪", "carat": "0.5"}], **changes}


def approval_event(action, **data):
    return {"event_type": f"visit.{action}",
            "data": {"visit_id": "v-9", "customer_id": "c-1", "approver_id": None, **data}}


def test_a_replayed_visit_completed_makes_no_second_callback(store):
    run(store, handlers.create_callback, DEV, DAY0, visit=visit(), policy=POLICY)
    run(store, handlers.create_callback, DEV, DAY0 + timedelta(hours=1), visit=visit(), policy=POLICY)
    assert count(store, tasks, tasks.c.kind == "callback") == 1
    assert count(store, OUTBOX, OUTBOX.c.type == "task.created") == 1


def test_approval_task_for_the_manager_role_is_completed_by_the_decision(store):
    run(store, handlers.track_approval, DEV, DAY0, **approval_event("submitted"), policy=POLICY)
    run(store, handlers.track_approval, DEV, DAY0, **approval_event("submitted"), policy=POLICY)
    with store.session() as session:
        [task] = handlers.list_tasks(session, MANAGER2, DAY0, args={"assignee": "me", "kind": "approval"})["items"]
        assert handlers.list_tasks(session, DEV, DAY0, args={"kind": "approval"})["items"] == []
    assert task["assignee_role"] == "manager" and task["assignee_id"] is None
    assert task["subject"] == {"type": "visit", "id": "v-9"}

    run(store, handlers.track_approval, MANAGER, DAY0, **approval_event("approved", approver_id="m-1"), policy=POLICY)
    with store.session() as session:
        done = handlers.get_task(session, MANAGER, DAY0, task_id=task["id"])
    assert done["status"] == "done" and done["completed_by"] == "m-1" and done["outcome"] == "已批准"
    assert count(store, OUTBOX, OUTBOX.c.type == "task.completed") == 1


def _open_approvals(store):
    return count(store, tasks, tasks.c.kind == "approval", tasks.c.status == "open")


def test_a_decision_handled_before_its_submission_leaves_no_open_approval_task(store):
    """Workers and instances consume in parallel: the manager's decision can overtake the submission."""
    submitted_at, decided_at = DAY0, DAY0 + timedelta(minutes=5)
    run(store, handlers.track_approval, MANAGER, DAY0, **approval_event("approved", approver_id="m-1"),
        policy=POLICY, occurred_at=decided_at)
    run(store, handlers.track_approval, DEV, DAY0, **approval_event("submitted"), policy=POLICY,
        occurred_at=submitted_at)
    assert _open_approvals(store) == 0
    assert count(store, tasks, tasks.c.kind == "approval") == 1

    run(store, handlers.track_approval, DEV, DAY0, **approval_event("submitted"), policy=POLICY,
        occurred_at=DAY0 + timedelta(hours=1))  # revised and submitted again: a new round is waiting
    assert _open_approvals(store) == 1


def test_a_resubmission_handled_before_the_first_rounds_rejection_keeps_its_own_task(store):
    """Rejected, revised and submitted again; parallel workers handle the second submission before the
    first rejection, which then decides the first round only."""
    first, rejected, again = DAY0, DAY0 + timedelta(minutes=5), DAY0 + timedelta(hours=1)
    run(store, handlers.track_approval, DEV, DAY0, **approval_event("submitted"), policy=POLICY, occurred_at=first)
    run(store, handlers.track_approval, DEV, DAY0, **approval_event("submitted"), policy=POLICY, occurred_at=again)
    run(store, handlers.track_approval, MANAGER, DAY0, **approval_event("rejected", approver_id="m-1"),
        policy=POLICY, occurred_at=rejected)
    assert _open_approvals(store) == 1
    assert count(store, tasks, tasks.c.kind == "approval") == 2


def test_a_submission_and_its_decision_handled_at_the_same_moment_leave_no_open_task(store):
    from concurrent.futures import ThreadPoolExecutor

    for round_ in range(10):
        event = {"event_type": "visit.submitted", "data": {"visit_id": f"race-{round_}", "customer_id": "c-1"}}
        decision = {"event_type": "visit.approved",
                    "data": {"visit_id": f"race-{round_}", "customer_id": "c-1", "approver_id": "m-1"}}
        with ThreadPoolExecutor(2) as pool:
            calls = [pool.submit(run, store, handlers.track_approval, DEV, DAY0, **event, policy=POLICY,
                                 occurred_at=DAY0),
                     pool.submit(run, store, handlers.track_approval, MANAGER, DAY0, **decision, policy=POLICY,
                                 occurred_at=DAY0 + timedelta(minutes=1))]
            for call in calls:
                call.result()
    assert _open_approvals(store) == 0


def test_completing_a_task_twice_is_invalid_transition(store):
    run(store, handlers.create_callback, DEV, DAY0, visit=visit(), policy=POLICY)
    with store.session() as session:
        [task] = handlers.list_tasks(session, DEV, DAY0, args={"assignee": "me"})["items"]
    done = run(store, handlers.complete_task, DEV, DAY0, task_id=task["id"], data={"outcome": "已电话回访", "notes": None})
    assert done["status"] == "done"
    with pytest.raises(InvalidTransition):
        run(store, handlers.complete_task, DEV, DAY0, task_id=task["id"], data={"outcome": "again"})
    with store.session() as session:
        [completed] = [row.envelope for row in session.execute(select(OUTBOX).where(OUTBOX.c.type == "task.completed"))]
    assert completed["data"]["on_time"] is True and completed["data"]["completed_by"] == "dev-1"


def test_return_visit_recorded_completes_the_earliest_open_one(store):
    deal = {"deal_id": "d-1", "customer_id": "c-1", "seller_id": "dev-1", "delivered_at": DAY0}
    run(store, handlers.schedule_return_visits, DEV, DAY0, delivery=deal, policy=POLICY)
    run(store, due_work.run_due_work, DAY0 + timedelta(days=7), POLICY)
    assert count(store, tasks, tasks.c.kind == "return_visit", tasks.c.status == "open") == 2
    run(store, handlers.complete_return_visit, DEV, DAY0, recorded={
        "task_id": None, "customer_id": "c-1", "developer_id": "dev-1", "occurred_at": DAY0 + timedelta(days=8)})
    with store.session() as session:
        rows = session.execute(select(tasks.c.details, tasks.c.status).where(tasks.c.kind == "return_visit")
                               .order_by(tasks.c.due_at)).all()
    assert [(row.details["offset_days"], row.status) for row in rows] == [(7, "done"), (30, "open")]


def test_opting_out_cancels_outreach_and_a_new_owner_takes_it_over(store):
    run(store, handlers.record_customer_facts, DEV, DAY0, customer=customer(), policy=POLICY)
    with store.session() as session:
        [task] = handlers.list_tasks(session, DEV, DAY0, args={"kind": "anniversary_outreach"})["items"]
    assert "0.5" not in task["suggestion"] and "推荐1克拉" in task["suggestion"] and "钻戒" in task["suggestion"]
    run(store, handlers.record_customer_facts, DEV, DAY0, customer=customer(owner_id="dev-2"), policy=POLICY)
    assert count(store, tasks, tasks.c.assignee_id == "dev-2", tasks.c.status == "open") == 1
    opted_out = customer(owner_id="dev-2", outreach_opt_out=True)
    run(store, handlers.record_customer_facts, DEV, DAY0, customer=opted_out, policy=POLICY)
    assert count(store, tasks, tasks.c.kind == "anniversary_outreach", tasks.c.status == "open") == 0


def test_erasure_removes_names_and_free_text_but_keeps_the_figures(store):
    run(store, handlers.record_customer_facts, DEV, DAY0, customer=customer(), policy=POLICY)
    run(store, handlers.create_callback, DEV, DAY0, visit=visit(), policy=POLICY)
    run(store, handlers.erase_customer, DEV, DAY0, customer_id="c-1")
    with store.session() as session:
        exported = handlers.export_customer(session, MANAGER, "c-1")
        bodies = session.scalars(select(notifications.c.body).where(notifications.c.customer_id == "c-1")).all()
    assert exported["customer_facts"] is None and len(exported["tasks"]) == 2
    assert bodies and not any("王丽" in body for body in bodies)


def test_a_role_notification_is_read_per_manager(store):
    run(store, handlers.create_callback, DEV, DAY0, visit=visit(), policy=POLICY)
    run(store, due_work.run_due_work, DAY0 + timedelta(days=8), POLICY)
    with store.session() as session:
        [escalation] = inbox.list_notifications(session, MANAGER, DAY0, args={"unread": True})["items"]
    run(store, inbox.mark_read, MANAGER, DAY0, notification_id=escalation["id"])
    with store.session() as session:
        assert inbox.list_notifications(session, MANAGER, DAY0, args={"unread": True})["items"] == []
        assert len(inbox.list_notifications(session, MANAGER2, DAY0, args={"unread": True})["items"]) == 1
        assert all(n["kind"] != "escalation" for n in inbox.list_notifications(session, DEV, DAY0, args={})["items"])


def test_due_work_catches_up_after_downtime(store):
    run(store, handlers.record_customer_facts, DEV, DAY0, customer=customer(), policy=POLICY)
    run(store, handlers.schedule_return_visits, DEV, DAY0, delivery={
        "deal_id": "d-1", "customer_id": "c-1", "seller_id": "dev-1", "delivered_at": DAY0}, policy=POLICY)
    done = run(store, due_work.run_due_work, DAY0 + timedelta(days=160), POLICY)  # down since day 0
    with store.session() as session:
        keys = set(session.scalars(select(tasks.c.dedupe_key)))
    assert {"return_visit:d-1:7d", "return_visit:d-1:30d", "return_visit:d-1:180d"} <= keys
    assert {"outreach:c-1:wedding_anniversary:2026-09-01:60", "outreach:c-1:wedding_anniversary:2026-09-01:30",
            "outreach:c-1:wedding_anniversary:2027-09-01:60"} <= keys
    assert done["overdue"] == 4 and done["digests"] == 1  # 7d, 30d, both outreach leads


def test_two_instances_running_due_work_at_once_make_every_task_once(store, settings):
    for index in range(60):
        run(store, handlers.create_callback, DEV, DAY0, visit=visit(f"v-{index}"), policy=POLICY)
        run(store, handlers.schedule_return_visits, DEV, DAY0, delivery={
            "deal_id": f"d-{index}", "customer_id": f"c-{index}", "seller_id": "dev-1", "delivered_at": DAY0},
            policy=POLICY)
        run(store, handlers.record_customer_facts, DEV, DAY0, customer=customer(
            f"c-{index}", key_dates=[{"kind": "wedding_anniversary", "date": date(2012, 4, 8)}]), policy=POLICY)
    before = count(store, tasks)
    start_at = (datetime.now(UTC) + timedelta(seconds=3)).timestamp()
    instances = [subprocess.Popen([sys.executable, "-c", INSTANCE, settings.database_url, str(start_at)],
                                  stdout=subprocess.PIPE, text=True) for _ in range(2)]
    results = [process.communicate(timeout=60)[0] for process in instances]
    assert all(process.returncode == 0 for process in instances), results
    reports = [ast.literal_eval(result.strip()) for result in results]
    assert sum(report["overdue"] for report in reports) == before  # each mark claimed by one instance only

    assert before == 60 * 4  # callback, 7-day return visit, outreach 60 (due at once) and 30 days before
    assert count(store, tasks) == before + 60 + 60  # the 30-day return visits, next year's outreach
    assert count(store, OUTBOX, OUTBOX.c.type == "task.created") == count(store, tasks)
    assert count(store, OUTBOX, OUTBOX.c.type == "task.overdue") == before
    assert count(store, notifications, notifications.c.kind == "escalation") == 60


INSTANCE = """
import sys, time
from datetime import UTC, datetime, timedelta
from kam.config import Settings
from kam.service import open_store
from services.notifications.due_work import run_due_work
from services.notifications.domain import Policy
from services.notifications.models import metadata
store = open_store("notifications", metadata, Settings(database_url=sys.argv[1]))
time.sleep(max(0, float(sys.argv[2]) - time.time()))  # both instances start together
with store.unit_of_work() as uow:
    print(run_due_work(uow, datetime(2026, 3, 10, 3, tzinfo=UTC), Policy()))
"""


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(envelope)
        return "250 OK"


def test_email_goes_out_over_smtp_with_chinese_intact(store):
    mailbox, port = Mailbox(), testing.free_port()
    server = Controller(mailbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        run(store, inbox.set_preferences, DEV, DAY0,
            data={"channels": ["in_app", "email"], "email": "lihua@example.com"})
        run(store, handlers.record_customer_facts, DEV, DAY0, customer=customer(), policy=POLICY)
        run(store, handlers.create_callback, DEV, DAY0, visit=visit(), policy=POLICY)
        channels = {"email": EmailChannel("127.0.0.1", port, "kam@example.com")}
        with store.session() as session:
            assert inbox.dispatch_outgoing(session, channels) == 2
            assert inbox.dispatch_outgoing(session, channels) == 0
    finally:
        server.stop()
    subjects = {}
    for envelope in mailbox.messages:
        mail = message_from_bytes(envelope.content)
        subjects[str(make_header(decode_header(mail["Subject"])))] = mail.get_payload(decode=True).decode("utf-8")
        assert envelope.rcpt_tos == ["lihua@example.com"]
    assert subjects["新任务：拜访后一周回访"].startswith("王丽：拜访后一周回访，截止 2026-03-09 10:00")
