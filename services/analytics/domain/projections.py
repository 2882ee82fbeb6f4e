"""Each event type's contribution to the read models, as plain values: no database, no bus.

Projections are order-tolerant: facts are keyed by the subject they count (a deal counts once however
often it is announced), stages keep the earliest time they were reached, and customer attributes
keep the value of the latest event that set them.
"""
from services.analytics.domain.changes import (
    CustomerChange,
    EventCost,
    Fact,
    Forecast,
    Projection,
    StageReached,
)
from services.analytics.domain.event_projections import EVENT_PROJECTORS
from services.analytics.terms import (
    CALLBACK,
    CALLBACK_ON_TIME,
    CONTACT,
    CUSTOMER,
    DEAL,
    EXPENSE,
    RECEPTION,
    SERVICE_REVENUE,
    STAGES,
    VISIT,
)


def stages_passed(customer_id, previous_stage, stage, at):
    """The stages a move reaches: the target, and any it skipped, which count as passed at that moment
    (the funnel is cumulative: a stage counts every customer who got at least that far)."""
    if stage not in STAGES:
        return []
    start = STAGES.index(previous_stage) + 1 if previous_stage in STAGES else 0
    end = STAGES.index(stage)
    passed = [StageReached(customer_id, STAGES[index], at, None, True) for index in range(start, end)]
    direct_previous = previous_stage if previous_stage in STAGES else None
    return [*passed, StageReached(customer_id, stage, at, direct_previous, False)]


def replaces(existing, incoming):
    """Whether `incoming` is the better record of when a customer reached a stage: an earlier time,
    or the same time reached directly rather than by a skip."""
    if existing is None:
        return True
    if incoming.reached_at != existing.reached_at:
        return incoming.reached_at < existing.reached_at
    return existing.skipped and not incoming.skipped


def _customer_created(data, at):
    customer_id = data["customer_id"]
    return Projection(
        facts=[Fact(CUSTOMER, customer_id, customer_id, data["owner_id"], at)],
        reached=stages_passed(customer_id, None, data["stage"], at),
        changes=[CustomerChange(customer_id, at, {
            "owner_id": data["owner_id"], "category": data.get("category"),
            "source_channel": data.get("source_channel"), "registered_at": at})])


def _customer_updated(data, at):
    return Projection(changes=[CustomerChange(data["customer_id"], at, {
        "owner_id": data["owner_id"], "category": data.get("category"),
        "source_channel": data.get("source_channel")})])


def _customer_classified(data, at):
    return Projection(changes=[CustomerChange(data["customer_id"], at, {"category": data["category"]})])


def _stage_changed(data, at):
    customer_id = data["customer_id"]
    return Projection(reached=stages_passed(customer_id, data.get("previous_stage"), data["stage"], at),
                      changes=[CustomerChange(customer_id, at, {"owner_id": data["owner_id"]})])


def _customer_transferred(data, at):
    """客户移交: the customer counts for its new owner from now on; the work already done stays with its doers."""
    return Projection(changes=[CustomerChange(data["customer_id"], at, {"owner_id": data["to_owner_id"]})])


def _customer_erased(data, at):
    return Projection(erased=data["customer_id"])


def _contact_logged(data, at):
    return Projection(facts=[Fact(CONTACT, data["contact_id"], data["customer_id"], data["developer_id"],
                                  data.get("occurred_at") or at)])


def _assessment_recorded(data, at):
    return Projection(forecast=Forecast(data["customer_id"], at, data["expected_revenue"],
                                        data["expected_profit"], data["total_cost"],
                                        data.get("worth_developing")))


def _visit_completed(data, at):
    return Projection(facts=[Fact(VISIT, data["visit_id"], data["customer_id"], data["visitor_id"],
                                  data.get("occurred_at") or at)])


def _task_completed(data, at):
    if data["kind"] != "callback":
        return Projection()
    done_by = data.get("completed_by") or data.get("assignee_id")
    done_at = data.get("completed_at") or at
    facts = [Fact(CALLBACK, data["task_id"], data.get("customer_id"), done_by, done_at)]
    if data.get("on_time"):
        facts.append(Fact(CALLBACK_ON_TIME, data["task_id"], data.get("customer_id"), done_by, done_at))
    return Projection(facts=facts)


def _reception_reported(data, at):
    return Projection(facts=[Fact(RECEPTION, data["reception_id"], data["customer_id"], data["host_id"],
                                  data.get("reported_at") or at)])


def _deal_closed(data, at):
    """Revenue counts when a deal closes, for its seller, less what was counted before as paid (a
    custom design's deposit)."""
    return Projection(facts=[Fact(DEAL, data["deal_id"], data["customer_id"], data["seller_id"],
                                  data.get("closed_at") or at, data["total"] - data["prepaid"])])


WORK_ORDER_REVENUE = {"pay-deposit": ("deposit", "amount"), "pick-up": ("repair", "amount"),
                      "sell": ("commission", "commission")}


def _work_order_advanced(data, at):
    """The custom centre's own revenue, once per work order and kind of money: the deposit when paid, the
    repair when picked up, the commission when sold (the design's deal counts the rest of its quote)."""
    counted = WORK_ORDER_REVENUE.get(data["action"])
    if counted is None or data.get(counted[1]) is None:
        return Projection()
    return Projection(facts=[Fact(SERVICE_REVENUE, f"{data['ticket_id']}:{counted[0]}", data["customer_id"],
                                  data["owner_id"], data.get("at") or at, data[counted[1]])])


def _claim_reimbursed(data, at):
    """Spend counts when it is reimbursed, for the claimant; a claim on an event is also the event's cost
    (it names no customer)."""
    subject = data.get("subject") or {}
    costs = ([EventCost(data["claim_id"], subject["id"], data["claimant_id"], data["total"], at)]
             if subject.get("type") == "event" else [])
    return Projection(facts=[Fact(EXPENSE, data["claim_id"], data.get("customer_id"), data["claimant_id"],
                                  at, data["total"])], costs=costs)


PROJECTORS = {
    "customer.created": _customer_created,
    "customer.updated": _customer_updated,
    "customer.transferred": _customer_transferred,
    "customer.classified": _customer_classified,
    "customer.stage_changed": _stage_changed,
    "customer.erased": _customer_erased,
    "contact.logged": _contact_logged,
    "assessment.recorded": _assessment_recorded,
    "visit.completed": _visit_completed,
    "task.completed": _task_completed,
    "reception.reported": _reception_reported,
    "deal.closed": _deal_closed,
    "work_order.advanced": _work_order_advanced,
    "expense_claim.reimbursed": _claim_reimbursed,
    **EVENT_PROJECTORS,
}


def project(event_type, data, occurred_at):
    """What one event (its data already read with our contract) adds to the read models."""
    projector = PROJECTORS.get(event_type)
    return projector(data, occurred_at) if projector else Projection()


def newer(stored_at, at):
    """An attribute set at `at` wins over one set at `stored_at` (ties: the later-applied event)."""
    return stored_at is None or at >= stored_at


def furthest_stage(current, candidate):
    if current not in STAGES:
        return candidate
    return candidate if STAGES.index(candidate) > STAGES.index(current) else current
