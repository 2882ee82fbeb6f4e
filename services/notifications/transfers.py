"""客户移交: the customer's open tasks, work-order deadlines and plan-step deadlines pass to its new owner, outreach follows the
new owner, and the new owner is told. Tasks already done keep who did them."""
from sqlalchemy import update

from services.notifications.models import customer_facts, plan_step_deadlines, tasks, work_order_deadlines
from services.notifications.repository import notify


def transfer_customer(uow, actor, now, *, transfer, event_id):
    session = uow.session
    customer_id, old, new = transfer["customer_id"], transfer["from_owner_id"], transfer["to_owner_id"]
    session.execute(update(tasks).where(tasks.c.customer_id == customer_id, tasks.c.assignee_id == old,
                                        tasks.c.status == "open").values(assignee_id=new))
    session.execute(update(work_order_deadlines).where(
        work_order_deadlines.c.customer_id == customer_id, work_order_deadlines.c.owner_id == old,
        work_order_deadlines.c.closed_at.is_(None)).values(owner_id=new))
    session.execute(update(plan_step_deadlines).where(
        plan_step_deadlines.c.customer_id == customer_id, plan_step_deadlines.c.owner_id == old,
        plan_step_deadlines.c.closed_at.is_(None)).values(owner_id=new))
    session.execute(update(customer_facts).where(customer_facts.c.customer_id == customer_id).values(owner_id=new))
    notify(session, recipient_id=new, recipient_role=None, kind="customer_transferred",
           title=f"客户移交：{transfer['name']}",
           body=f"{transfer.get('transferred_by_name') or ''}将客户「{transfer['name']}」由"
                f"{transfer.get('from_owner_name') or old}移交给您，理由：{transfer['reason']}",
           customer_id=customer_id, dedupe_key=f"customer_transferred:{event_id}", now=now)
