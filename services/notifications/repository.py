"""Loading and saving tasks and notifications; every insert is keyed so that a repeat does nothing."""
from dataclasses import asdict

from sqlalchemy import insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from kam.db import new_id
from kam.records import load
from services.notifications.domain import Task, actions, created
from services.notifications.models import notifications, outgoing, preferences, tasks
from services.notifications.schedule import BUSINESS_TZ
from services.notifications.terms import MANAGER

SUBJECT_LABELS = {"visit": "拜访申请", "expense_claim": "费用报销", "reception": "接待申请",
                  "development_plan": "开发方案", "event": "活动申请"}
WORK_ORDER_TITLES = {"piece_ready": "珠宝已备好，通知客户取件", "repair_overdue": "维修已超过承诺日期",
                     "consignment_ending": "寄售到期：退还客户或延长寄售期"}
METHOD_LABELS = {"launch_invitation": "新品发布会邀请", "promotion": "推广会", "club_event": "俱乐部活动",
                 "training": "培训课程", "mailing": "邮寄资料", "visit": "拜访"}  # the customers' development methods
OCCASION_LABELS = {"wedding_anniversary": "结婚纪念日", "birthday": "生日"}


def insert_once(session, table, values, keys=("dedupe_key",)):
    """Insert unless a row with the same key exists (also one another instance is inserting now)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(**values).on_conflict_do_nothing(index_elements=list(keys))
    return session.execute(statement).rowcount == 1


def task_title(kind, details, subject_type):
    if kind == "callback":
        return "拜访后一周回访"
    if kind == "return_visit":
        return "交付后回访"
    if kind == "next_visit":
        return "约定的下次拜访"
    if kind == "event_follow_up":
        return "活动后跟进"
    if kind == "piece_overdue":
        return f"样品逾期未还：{details.get('name', '')}（{details.get('sku', '')}）"
    if kind == "restock":
        return f"补货：{details.get('name', '')}（剩余 {details.get('quantity')}，补货线 {details.get('reorder_level')}）"
    if kind == "anniversary_outreach":
        return f"{OCCASION_LABELS.get(details.get('occasion_kind'), '纪念日')}关怀（提前{details.get('lead_days')}天）"
    if kind == "plan_step_overdue":
        return f"开发方案步骤逾期（原定 {details.get('due_on', '')}）：{METHOD_LABELS.get(details.get('method'), '')}"
    if kind in WORK_ORDER_TITLES:
        return WORK_ORDER_TITLES[kind]
    return f"待审批：{SUBJECT_LABELS.get(subject_type, subject_type)}"


def create_task(uow, *, kind, dedupe_key, customer_id, subject, due_at, now, assignee_id=None,
                assignee_role=None, details=None, customer_name=None):
    """A new open task, its `task.created` event and a note in the assignee's inbox; None if it existed."""
    task = Task(id=new_id(), kind=kind, customer_id=customer_id, subject_type=subject["type"],
                subject_id=subject["id"], assignee_id=assignee_id, assignee_role=assignee_role, due_at=due_at,
                original_due_at=due_at, status="open", dedupe_key=dedupe_key, created_at=now,
                details=details or {})
    if not insert_once(uow.session, tasks, asdict(task)):
        return None
    uow.collect(created(task))
    title = task_title(kind, task.details, task.subject_type)
    who = f"{customer_name}：" if customer_name else ""
    notify(uow.session, recipient_id=assignee_id, recipient_role=assignee_role, kind="task_created",
           title=f"新任务：{title}", body=f"{who}{title}，截止 {_shown(due_at)}", task_id=task.id,
           customer_id=customer_id, dedupe_key=f"task_created:{task.id}", now=now)
    return task


def save_early_decision(session, *, subject, customer_id, dedupe_key, decided_by, outcome, decided_at, now):
    """An approval decided before its submission reached us: a task born done, nobody to tell; False
    when that round's task exists already."""
    return insert_once(session, tasks, asdict(Task(
        id=new_id(), kind="approval", customer_id=customer_id, subject_type=subject["type"],
        subject_id=subject["id"], assignee_id=None, assignee_role=MANAGER, due_at=now, original_due_at=now,
        status="done", dedupe_key=dedupe_key, created_at=now, details={"decided_at": decided_at.isoformat()},
        completed_at=now, completed_by=decided_by, outcome=outcome)))


def load_task(session, task_id, lock=False):
    return Task(**load(session, tasks, task_id, "task", lock=lock))


def save_task(session, task):
    values = asdict(task)
    session.execute(update(tasks).where(tasks.c.id == values.pop("id")).values(**values))


def task_view(task, actor, now):
    return {**asdict(task), "subject": {"type": task.subject_type, "id": task.subject_id},
            "title": task_title(task.kind, task.details, task.subject_type), "overdue": task.is_overdue(now),
            "suggestion": task.details.get("suggestion"), "actions": actions(actor, task)}


def notify(session, *, recipient_id, recipient_role, kind, title, body, dedupe_key, now, task_id=None,
           customer_id=None, subject=None):
    """A notification in the inbox and, for each recipient who chose other channels, a message to send;
    `subject` ({type, id}) is the record it is about, for a link to it."""
    notification_id = new_id()
    inserted = insert_once(session, notifications, {
        "id": notification_id, "recipient_id": recipient_id, "recipient_role": recipient_role, "kind": kind,
        "title": title, "body": body, "task_id": task_id, "customer_id": customer_id,
        "subject_type": (subject or {}).get("type"), "subject_id": (subject or {}).get("id"),
        "dedupe_key": dedupe_key, "created_at": now})
    if not inserted:
        return None
    chosen = select(preferences)
    chosen = (chosen.where(preferences.c.user_id == recipient_id) if recipient_id is not None
              else chosen.where(preferences.c.role == recipient_role))
    for pref in session.execute(chosen).mappings():
        if kind == "digest" and not pref["digest"]:
            continue
        for channel in pref["channels"]:
            if channel == "in_app":
                continue
            session.execute(insert(outgoing).values(
                id=new_id(), notification_id=notification_id, user_id=pref["user_id"], channel=channel,
                address=address_for(pref, channel), created_at=now, attempts=0))
    return notification_id


def address_for(pref, channel):
    return {"email": pref["email"], "sms": pref["phone"], "wechat": pref["wechat"]}.get(channel)


def _shown(instant):
    return instant.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")
