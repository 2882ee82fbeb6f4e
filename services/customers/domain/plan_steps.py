"""Carrying out a development plan (实施开发计划): an approved plan's steps, each done once by the visit,
contact or event that did it, and the plan's progress (done of total, the next step, the overdue ones)."""
from kam.errors import Conflict, Invalid
from kam.workflow import Step, Workflow
from services.customers.contracts import PlanStepAdded, PlanStepCompleted
from services.customers.domain.access import PLANS, WRITERS
from services.customers.terms import BUSINESS_TZ, EVENT_KIND_METHODS, PLAN_STATUSES_TAKING_STEPS


def _its_writer(actor, step):
    """The plan's developer or a manager: the step carries its plan's `developer_id`."""
    return actor.role in WRITERS and PLANS.sees(actor, step)


STEP = Workflow(Step("complete", "open", "done", by=_its_writer))


def business_day(now):
    return now.astimezone(BUSINESS_TZ).date()


def ensure_plan_takes_steps(plan):
    """Only an approved plan is carried out: a draft, a pending or a rejected plan has no steps (409)."""
    if plan["status"] not in PLAN_STATUSES_TAKING_STEPS:
        raise Conflict("only an approved development plan has steps", code="plan_not_approved")


def may_add_steps(actor, plan):
    """The flag the console shows the add-step form by: its developer or a manager, on an approved plan."""
    return plan["status"] in PLAN_STATUSES_TAKING_STEPS and _its_writer(actor, plan)


def new_step(plan, data, *, step_id, created_by, now):
    """A step of `plan`, due on a day not yet past (in the department's time zone)."""
    ensure_plan_takes_steps(plan)
    if data["due_on"] < business_day(now):
        raise Invalid("a step cannot be due in the past", errors={"due_on": ["must be today or later"]})
    return {"id": step_id, "plan_id": plan["id"], "customer_id": plan["customer_id"], "method": data["method"],
            "due_on": data["due_on"], "note": data.get("note"), "status": "open", "done_by_kind": None,
            "done_by_id": None, "done_at": None, "completed_by": None, "created_by": created_by,
            "created_at": now}


def complete_step(step, done_by, *, completed_by, at):
    """The step's new values, once: a step already done is 409 `invalid_transition`."""
    return {"status": STEP.target(step["status"], "complete"), "done_by_kind": done_by["kind"],
            "done_by_id": done_by["id"], "done_at": at, "completed_by": completed_by}


def added(step, plan):
    return PlanStepAdded.of(_event_data(step, plan))


def completed(step, plan):
    return PlanStepCompleted.of({**_event_data(step, plan), "done_by": link_of(step), "done_at": step["done_at"],
                                 "completed_by": step["completed_by"]})


def _event_data(step, plan):
    return {"step_id": step["id"], "plan_id": plan["id"], "customer_id": plan["customer_id"],
            "developer_id": plan["developer_id"], "method": step["method"], "due_on": step["due_on"]}


def link_of(step):
    return {"kind": step["done_by_kind"], "id": step["done_by_id"]} if step["done_by_kind"] else None


def is_overdue(step, today):
    return step["status"] == "open" and step["due_on"] < today


def progress(steps, today):
    """What the customer file and the manager's list show of a plan: done of total, overdue, next due."""
    open_steps = sorted((s for s in steps if s["status"] == "open"), key=lambda s: (s["due_on"], s["id"]))
    upcoming = open_steps[0] if open_steps else None
    return {"total": len(steps), "done": sum(1 for s in steps if s["status"] == "done"),
            "overdue": sum(1 for s in open_steps if is_overdue(s, today)),
            "next_step": {"id": upcoming["id"], "method": upcoming["method"], "due_on": upcoming["due_on"]}
            if upcoming else None}


def step_view(actor, step, plan, today):
    row = {**step, "developer_id": plan["developer_id"]}
    return {**row, "done_by": link_of(step), "overdue": is_overdue(step, today), "actions": STEP.actions(actor, row)}


def method_done_by(work_type, data):
    """The development method a piece of recorded work carries out: a visit, or attending an event."""
    if work_type == "visit.completed":
        return "visit", {"kind": "visit", "id": data["visit_id"]}
    method = EVENT_KIND_METHODS.get(data.get("kind"))
    return (method, {"kind": "event", "id": data["event_id"]}) if method else (None, None)


def step_for_work(open_steps, method):
    """The work does the earliest open step of its method."""
    matching = [s for s in open_steps if s["method"] == method]
    return min(matching, key=lambda s: (s["due_on"], s["id"])) if matching else None
