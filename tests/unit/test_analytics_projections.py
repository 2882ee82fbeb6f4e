"""Analytics projections: what each event adds to the read models, read through our own contracts."""
from datetime import UTC, datetime
from decimal import Decimal

from services.analytics.contracts import PROJECTED
from services.analytics.domain.projections import (
    Fact,
    StageReached,
    furthest_stage,
    newer,
    project,
    replaces,
    stages_passed,
)
from services.analytics.domain.scrub import scrub_envelope

AT = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)


def projected(event_type, data, at=AT):
    return project(event_type, PROJECTED[event_type]().load(data), at)


def test_customer_created_counts_a_customer_for_its_owner_and_reaches_its_stage():
    projection = projected("customer.created", {
        "customer_id": "c1", "name": "王丽", "kind": "person", "category": "high_value", "stage": "prospect",
        "owner_id": "dev-1", "source_channel": "friend", "referrer_id": None, "key_dates": [], "holdings": [],
        "outreach_opt_out": False})
    assert projection.facts == [Fact("customer", "c1", "c1", "dev-1", AT)]
    assert projection.reached == [StageReached("c1", "prospect", AT, None, False)]
    assert projection.changes[0].values == {"owner_id": "dev-1", "category": "high_value",
                                            "source_channel": "friend", "registered_at": AT}


def test_a_skipped_stage_counts_as_passed_at_the_moment_of_the_skip():
    reached = stages_passed("c1", "prospect", "received", AT)
    assert [(r.stage, r.skipped) for r in reached] == [
        ("developing", True), ("contacted", True), ("visited", True), ("received", False)]
    assert reached[-1].previous_stage == "prospect"


def test_stage_changed_for_a_customer_not_yet_seen_still_projects():
    projection = projected("customer.stage_changed", {"customer_id": "c9", "owner_id": "dev-2", "stage": "contacted",
                                                      "previous_stage": "developing", "cause": "contact.logged"})
    assert [r.stage for r in projection.reached] == ["contacted"]
    assert projection.customer_ids() == {"c9"}


def test_the_earliest_time_a_stage_was_reached_wins_whatever_the_order():
    early = StageReached("c1", "visited", AT, "contacted", False)
    late = StageReached("c1", "visited", AT.replace(day=9), "contacted", False)
    assert replaces(None, late) and replaces(late, early) and not replaces(early, late)
    assert replaces(StageReached("c1", "visited", AT, None, True), early)
    assert not replaces(early, StageReached("c1", "visited", AT, None, True))


def test_the_furthest_stage_never_moves_back():
    assert furthest_stage("won", "visited") == "won"
    assert furthest_stage("visited", "won") == "won"
    assert furthest_stage(None, "prospect") == "prospect"


def test_the_latest_event_sets_an_attribute():
    assert newer(None, AT) and newer(AT, AT.replace(hour=10)) and not newer(AT.replace(hour=10), AT)


def test_revenue_counts_when_a_deal_closes_for_its_seller():
    closed_at = datetime(2026, 11, 20, tzinfo=UTC)
    projection = projected("deal.closed", {
        "deal_id": "d1", "customer_id": "c1", "seller_id": "dev-1", "origin": {"type": "visit", "id": "v1"},
        "total": "12800.00", "closed_at": closed_at.isoformat(), "repeat_sale": False, "item_count": 1})
    assert projection.facts == [Fact("deal", "d1", "c1", "dev-1", closed_at, Decimal("12800.00"))]


def test_reimbursed_spend_counts_for_the_claimant():
    projection = projected("expense_claim.reimbursed", {
        "claim_id": "x1", "claimant_id": "dev-1", "customer_id": "c1", "subject": {"type": "visit", "id": "v1"},
        "total": "860.50", "status": "reimbursed", "reason": None, "decided_by": "m-1", "override_reason": None})
    assert projection.facts == [Fact("expense", "x1", "c1", "dev-1", AT, Decimal("860.50"))]


def test_a_callback_done_on_time_counts_twice_a_late_one_once_other_tasks_not_at_all():
    task = {"task_id": "t1", "kind": "callback", "customer_id": "c1", "subject": {"type": "visit", "id": "v1"},
            "assignee_id": "dev-1", "assignee_role": None, "due_at": AT.isoformat(),
            "completed_at": AT.isoformat(), "completed_by": "dev-1", "on_time": True}
    assert [f.metric for f in projected("task.completed", task).facts] == ["callback", "callback_on_time"]
    assert [f.metric for f in projected("task.completed", {**task, "on_time": False}).facts] == ["callback"]
    assert projected("task.completed", {**task, "kind": "return_visit"}).facts == []


def test_visits_contacts_and_receptions_count_at_the_time_they_happened():
    happened = datetime(2026, 10, 31, 23, 0, tzinfo=UTC)
    visit = projected("visit.completed", {"visit_id": "v1", "customer_id": "c1", "visitor_id": "dev-1",
                                          "occurred_at": happened.isoformat(), "method": "in_person",
                                          "place": "国贸", "next_visit_at": None})
    contact = projected("contact.logged", {"contact_id": "k1", "customer_id": "c1", "developer_id": "dev-1",
                                           "channel": "wechat", "occurred_at": happened.isoformat()})
    reception = projected("reception.reported", {"reception_id": "r1", "customer_id": "c1", "host_id": "dev-2",
                                                 "reported_at": happened.isoformat(), "outcome": "选了钻戒"})
    assert [f.occurred_at for f in (*visit.facts, *contact.facts, *reception.facts)] == [happened] * 3
    assert reception.facts[0].developer_id == "dev-2"


def test_the_latest_assessment_is_the_forecast():
    projection = projected("assessment.recorded", {
        "assessment_id": "a1", "customer_id": "c1", "developer_id": "dev-1", "worth_developing": True,
        "expected_revenue": "50000.00", "expected_profit": "-1200.00", "total_cost": "8000.00"})
    assert projection.forecast.expected_revenue == Decimal("50000.00")
    assert projection.forecast.expected_profit == Decimal("-1200.00")


def test_events_analytics_does_not_count_project_to_nothing():
    assert project("visit.submitted", {}, AT).customer_ids() == set()


def test_erasure_scrubs_names_and_free_text_but_keeps_ids_and_amounts():
    envelope = {"id": "e1", "type": "customer.created", "data": {
        "customer_id": "c1", "name": "王丽", "owner_id": "dev-1", "category": "high_value",
        "key_dates": [{"kind": "birthday", "date": "1988-03-02", "note": "生日"}], "holdings": []}}
    scrubbed = scrub_envelope(envelope)
    assert scrubbed["data"] == {"customer_id": "c1", "owner_id": "dev-1", "category": "high_value"}
    assert envelope["data"]["name"] == "王丽"  # the original is not changed in place


def _step(action, **figures):
    return {"ticket_id": "t1", "customer_id": "c1", "owner_id": "dev-1", "kind": "custom_design", "action": action,
            "previous_status": "x", "status": "y", "at": AT.isoformat(), **figures}


def test_the_custom_centres_revenue_is_counted_once_deposit_then_the_rest_of_the_quote():
    deposit = projected("work_order.advanced", _step("pay-deposit", amount="10000.00"))
    handed_over = projected("work_order.advanced", _step("hand-over", amount="38000.00"))
    deal = projected("deal.closed", {"deal_id": "d1", "customer_id": "c1", "seller_id": "dev-1", "total": "38000.00",
                                     "prepaid": "10000.00", "closed_at": AT.isoformat()})
    assert deposit.facts == [Fact("service_revenue", "t1:deposit", "c1", "dev-1", AT, Decimal("10000.00"))]
    assert handed_over.facts == []  # the deal it closes counts it
    assert deal.facts == [Fact("deal", "d1", "c1", "dev-1", AT, Decimal("28000.00"))]


def test_a_resale_counts_its_commission_and_a_repair_its_estimate_when_picked_up():
    sold = projected("work_order.advanced", _step("sell", amount="36000.00", commission="5400.00"))
    paid_out = projected("work_order.advanced", _step("pay-out", amount="30600.00"))
    picked_up = projected("work_order.advanced", _step("pick-up", amount="880.00"))
    assert [f.amount for f in sold.facts] == [Decimal("5400.00")] and paid_out.facts == []
    assert picked_up.facts == [Fact("service_revenue", "t1:repair", "c1", "dev-1", AT, Decimal("880.00"))]


def test_a_transferred_customer_counts_for_its_new_owner_and_its_past_work_stays():
    projection = projected("customer.transferred", {
        "customer_id": "c1", "name": "王丽", "from_owner_id": "dev-1", "to_owner_id": "dev-2", "reason": "离职",
        "transferred_by": "m-1"})
    assert [change.values for change in projection.changes] == [{"owner_id": "dev-2"}]
    assert projection.facts == [] and projection.reached == []


def test_a_customer_whose_category_is_cleared_is_projected_without_one():
    """customers publishes customer.classified with category None when a PATCH clears it (found parked by
    schemathesis in e2e: analytics' contract had required a category)."""
    projection = projected("customer.classified", {"customer_id": "c1", "category": None})
    assert projection.changes[0].values["category"] is None
