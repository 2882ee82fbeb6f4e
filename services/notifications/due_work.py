"""The timer's work: everything that falls due with time, computed up to `now` from durable state, so
that several instances at once, or one catching up after downtime, never do anything twice."""
from datetime import datetime, timedelta

from sqlalchemy import and_, select, update

from services.notifications.domain import Task, needs_escalation, needs_overdue_mark, overdue
from services.notifications.models import customer_facts, deliveries, preferences, tasks
from services.notifications.plan_steps import raise_overdue_steps
from services.notifications.repository import notify, task_title
from services.notifications.schedule import BUSINESS_TZ, business_day
from services.notifications.series import facts_due, refresh_outreach, refresh_return_visits
from services.notifications.terms import MANAGER
from services.notifications.work_orders import raise_deadlines


def run_due_work(uow, now, policy):
    done = {
        "outreach": sum(refresh_outreach(uow, facts, now, policy)
                        for facts in facts_due(uow.session, customer_facts, customer_facts.c.customer_id, now)),
        "return_visits": sum(refresh_return_visits(uow, deal, now, policy)
                             for deal in facts_due(uow.session, deliveries, deliveries.c.deal_id, now)),
        "overdue": mark_overdue(uow, now),
        "escalated": escalate_callbacks(uow, now, policy),
        "digests": send_digests(uow, now, policy),
        "work_order_deadlines": raise_deadlines(uow, now),
        "plan_steps_overdue": raise_overdue_steps(uow, now),
    }
    uow.commit()
    return done


def mark_overdue(uow, now):
    """Each task past due is announced once (`task.overdue`), whichever instance gets there first."""
    marked = 0
    for task in _open_tasks(uow.session, and_(tasks.c.overdue_at.is_(None), tasks.c.due_at < now)):
        if not needs_overdue_mark(task, now) or not _claim(uow.session, task, "overdue_at", now):
            continue
        uow.collect(overdue(task))
        title = task_title(task.kind, task.details, task.subject_type)
        notify(uow.session, recipient_id=task.assignee_id, recipient_role=task.assignee_role, kind="task_overdue",
               title=f"任务已逾期：{title}", body=f"{title}已超过截止时间，请尽快处理。", task_id=task.id,
               customer_id=task.customer_id, dedupe_key=f"task_overdue:{task.id}:{task.due_at.isoformat()}",
               now=now)
        marked += 1
    return marked


def escalate_callbacks(uow, now, policy):
    """A callback still open a day after it fell due: the managers are told (day 8 after the visit)."""
    escalated = 0
    late = now - policy.escalate_after
    for task in _open_tasks(uow.session, and_(tasks.c.kind == "callback", tasks.c.escalated_at.is_(None),
                                              tasks.c.original_due_at <= late)):
        if not needs_escalation(task, now, policy) or not _claim(uow.session, task, "escalated_at", now):
            continue
        notify(uow.session, recipient_id=None, recipient_role=MANAGER, kind="escalation",
               title="回访逾期未完成", body=f"拜访后一周回访已逾期一天仍未完成（负责人 {task.assignee_id}）。",
               task_id=task.id, customer_id=task.customer_id, dedupe_key=f"escalation:{task.id}", now=now)
        escalated += 1
    return escalated


def send_digests(uow, now, policy):
    """Once a business day, after the digest hour: what each person (and the managers) has due by tonight."""
    today = business_day(now)
    if now.astimezone(BUSINESS_TZ).hour < policy.digest_hour:
        return 0
    tonight = datetime.combine(today + timedelta(days=1), datetime.min.time(), tzinfo=BUSINESS_TZ)
    opted_out = set(uow.session.scalars(select(preferences.c.user_id).where(preferences.c.digest.is_(False))))
    due = {}
    for task in _open_tasks(uow.session, tasks.c.due_at < tonight):
        due.setdefault((task.assignee_id, task.assignee_role if task.assignee_id is None else None), []).append(task)
    sent = 0
    for (user_id, role), items in sorted(due.items(), key=lambda item: (item[0][0] or "", item[0][1] or "")):
        if user_id in opted_out:
            continue
        lines = [f"· {task_title(t.kind, t.details, t.subject_type)}（截止 "
                 f"{t.due_at.astimezone(BUSINESS_TZ):%m-%d %H:%M}{'，已逾期' if t.due_at < now else ''}）"
                 for t in items]
        if notify(uow.session, recipient_id=user_id, recipient_role=role, kind="digest",
                  title=f"{today:%Y-%m-%d} 今日待办 {len(items)} 项", body="\n".join(lines),
                  dedupe_key=f"digest:{user_id or role}:{today.isoformat()}", now=now):
            sent += 1
    return sent


def _open_tasks(session, condition):
    rows = session.execute(select(tasks).where(tasks.c.status == "open", condition).order_by(tasks.c.id))
    return [Task(**row) for row in rows.mappings()]


def _claim(session, task, column, now):
    """Set a once-only mark; only the instance whose update changed the row goes on."""
    claimed = session.execute(update(tasks).where(
        tasks.c.id == task.id, tasks.c.status == "open", tasks.c[column].is_(None)).values({column: now}))
    return claimed.rowcount == 1
