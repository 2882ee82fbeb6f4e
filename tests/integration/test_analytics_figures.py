"""Analytics in a nameko container on the real RabbitMQ and PostgreSQL, fed by events published to the
`kam.events` exchange as their producers publish them (each held to its producer's contract)."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kam.db import new_id
from kam.errors import Forbidden, NotFound
from kam.relay import Publisher
from kam.service import open_store
from services.analytics.cli import rebuild
from services.analytics.models import event_log, metadata
from services.analytics.service import AnalyticsService

MANAGER = {"user_id": "m-1", "role": "manager"}
ACTOR = {"user_id": "someone", "role": "developer"}
NOVEMBER = ("2026-11-01", "2026-11-30")


def event(event_type, at, **data):
    """An event as its producer publishes it (held to the producer's contract when published)."""
    return {"type": event_type, "occurred_at": at, "data": data}


def department_events(dev1, dev2, prefix="", base=datetime(2026, 11, 1, 9, tzinfo=UTC)):
    """A month of the department's work: three customers, one developed all the way to a deal."""
    c1, c2, c3 = f"{prefix}c1", f"{prefix}c2", f"{prefix}c3"

    def day(n):
        return base + timedelta(days=n)

    def created(customer_id, owner, category, channel, at, name):
        return event("customer.created", at, customer_id=customer_id, name=name, kind="person", category=category,
                     stage="prospect", owner_id=owner, source_channel=channel, referrer_id=None, key_dates=[],
                     holdings=[], outreach_opt_out=False)

    def moved(customer_id, owner, previous, stage, at, cause):
        return event("customer.stage_changed", at, customer_id=customer_id, owner_id=owner, stage=stage,
                     previous_stage=previous, cause=cause)

    return [
        created(c1, dev1, "high_value", "friend", day(0), "王丽"),
        created(c2, dev1, "important", "platform", day(1), "刘建国"),
        created(c3, dev2, "high_value", "friend", day(2), "周婷"),
        event("assessment.recorded", day(2), assessment_id=f"{prefix}a1", customer_id=c1, developer_id=dev1,
              worth_developing=True, expected_revenue=Decimal("50000"), expected_profit=Decimal("20000"),
              total_cost=Decimal("8000")),
        moved(c1, dev1, "prospect", "developing", day(3), "development_plan.approved"),
        event("contact.logged", day(4), contact_id=f"{prefix}k1", customer_id=c1, developer_id=dev1,
              channel="wechat", occurred_at=day(4)),
        moved(c1, dev1, "developing", "contacted", day(4), "contact.logged"),
        event("visit.completed", day(5), visit_id=f"{prefix}v1", customer_id=c1, visitor_id=dev1,
              occurred_at=day(5), method="in_person", place="国贸三期", next_visit_at=None),
        moved(c1, dev1, "contacted", "visited", day(5), "visit.completed"),
        event("reception.reported", day(6), reception_id=f"{prefix}r1", customer_id=c3, host_id=dev2,
              reported_at=day(6), outcome="选中一枚一克拉钻戒"),
        moved(c3, dev2, "prospect", "received", day(6), "reception.reported"),
        event("task.completed", day(10), task_id=f"{prefix}t1", kind="callback", customer_id=c1,
              subject={"type": "visit", "id": f"{prefix}v1"}, assignee_id=dev1, assignee_role=None,
              due_at=day(12), completed_at=day(10), completed_by=dev1, on_time=True),
        event("deal.closed", day(12), deal_id=f"{prefix}d1", customer_id=c1, seller_id=dev1,
              origin={"type": "visit", "id": f"{prefix}v1"}, total=Decimal("12800.00"), closed_at=day(12),
              repeat_sale=False, item_count=1),
        moved(c1, dev1, "visited", "won", day(12), "deal.closed"),
        event("expense_claim.reimbursed", day(13), claim_id=f"{prefix}x1", claimant_id=dev1, customer_id=c1,
              subject={"type": "visit", "id": f"{prefix}v1"}, total=Decimal("3200.00"), status="reimbursed",
              reason=None, decided_by="m-1", override_reason=None),
        event("contact.logged", day(31), contact_id=f"{prefix}k2", customer_id=c2, developer_id=dev1,
              channel="phone", occurred_at=day(31)),
    ]


@pytest.fixture
def analytics(service_harness):
    harness = service_harness(AnalyticsService)
    store = harness.store()

    class Analytics:
        settings = harness.settings

        def rpc(self, who=MANAGER):
            return harness.as_(who)

        def feed(self, events):
            """Publish the events as their producers would, in this order; wait until each is applied."""
            envelopes = [harness.publish(e["type"], e["data"], actor=ACTOR, occurred_at=e["occurred_at"])
                         for e in events]
            for envelope in envelopes:
                harness.applied(envelope)
            return envelopes

        def resend(self, envelope):
            """Deliver an envelope again, as the relay does after a lost acknowledgement."""
            publisher = Publisher(harness.settings.amqp_uri)
            try:
                publisher.publish(envelope)
            finally:
                publisher.reset()
            harness.applied(envelope)

        def logged(self):
            with store.session() as session:
                return session.scalar(select(func.count()).select_from(event_log))

        def figures(self):
            with self.rpc() as analytics:
                return {"developers": analytics.developers(*NOVEMBER), "funnel": analytics.funnel(*NOVEMBER),
                        "sources": analytics.groups("source_channel", *NOVEMBER),
                        "categories": analytics.groups("category", *NOVEMBER),
                        "c1": analytics.customer("c1"), "overview": analytics.overview()}

    yield Analytics()
    store.close()


def test_events_from_every_service_become_the_departments_figures(analytics):
    analytics.feed(department_events("dev-1", "dev-2"))
    figures = analytics.figures()

    dev1, dev2 = figures["developers"]["items"]
    assert dev1 == {"developer_id": "dev-1", "customers": 2, "contacts": 1, "visits": 1, "callbacks": 1,
                    "callbacks_on_time": 1, "receptions": 0, "deals": 1, "revenue": "12800.00",
                    "expenses": "3200.00", "return_on_spend": "4.00", "events_attended": 0}
    assert (dev2["customers"], dev2["receptions"], dev2["return_on_spend"]) == (1, 1, None)
    funnel = {stage["stage"]: stage for stage in figures["funnel"]["stages"]}
    assert [stage["stage"] for stage in figures["funnel"]["stages"]] == [
        "prospect", "developing", "contacted", "visited", "received", "won", "after_sales"]
    assert [funnel[s]["customers"] for s in funnel] == [3, 2, 2, 2, 2, 1, 0]  # a skipped stage counts as passed
    assert [funnel[s]["conversion"] for s in funnel] == [None, 0.6667, 1.0, 1.0, 1.0, 0.5, 0.0]
    assert funnel["developing"]["median_days_from_previous"] == 3.0  # c3 skipped it: not a duration
    assert funnel["received"]["median_days_from_previous"] == 4.0
    assert funnel["won"]["median_days_from_previous"] == 7.0
    high_value = next(item for item in figures["categories"]["items"] if item["key"] == "high_value")
    assert (high_value["customers"], high_value["won_customers"], high_value["conversion_to_won"]) == (2, 1, 0.5)
    assert high_value["revenue"] == "12800.00" and high_value["label"] == "高值客户"
    friend = next(item for item in figures["sources"]["items"] if item["key"] == "friend")
    assert (friend["customers"], friend["deals"], friend["return_on_spend"]) == (2, 1, "4.00")


def test_a_customers_figures_and_its_forecast_against_what_happened(analytics):
    analytics.feed(department_events("dev-1", "dev-2"))
    c1 = analytics.figures()["c1"]
    assert (c1["visits"], c1["contacts"], c1["receptions"], c1["deals"], c1["stage"]) == (1, 1, 0, 1, "won")
    assert c1["last_visit_at"] == datetime(2026, 11, 6, 9, tzinfo=UTC).isoformat()
    assert (c1["revenue"], c1["expenses_reimbursed"]) == ("12800.00", "3200.00")
    assert c1["forecast"]["expected_revenue"] == "50000.00"
    assert c1["forecast"]["revenue_attained"] == "0.26"
    assert c1["forecast"]["revenue_difference"] == "-37200.00"


def test_developers_see_only_their_own_figures_and_customers(analytics):
    analytics.feed(department_events("dev-1", "dev-2"))
    with analytics.rpc({"user_id": "dev-2", "role": "developer"}) as as_dev2:
        assert [row["developer_id"] for row in as_dev2.developers(*NOVEMBER)["items"]] == ["dev-2"]
        assert as_dev2.customer("c3")["receptions"] == 1
        with pytest.raises(NotFound):
            as_dev2.customer("c1")
        assert [s["customers"] for s in as_dev2.funnel(*NOVEMBER)["stages"]][:5] == [1, 1, 1, 1, 1]
    with analytics.rpc({"user_id": "co-1", "role": "coordinator"}) as coordinator, pytest.raises(Forbidden):
        coordinator.funnel()


def test_figures_count_only_what_happened_in_the_period(analytics):
    analytics.feed(department_events("dev-1", "dev-2"))
    with analytics.rpc() as as_manager:
        december = as_manager.developers("2026-12-01", "2026-12-31")["items"]
        whole = as_manager.developers()["items"]
    assert [(row["developer_id"], row["contacts"], row["customers"]) for row in december] == [
        ("dev-1", 1, 0), ("dev-2", 0, 0)]
    assert whole[0]["contacts"] == 2


def test_rebuild_from_the_event_log_gives_the_same_figures(analytics):
    analytics.feed(department_events("dev-1", "dev-2"))
    before = analytics.figures()

    assert rebuild(analytics.settings) == analytics.logged()

    assert analytics.figures() == before


def test_a_redelivered_event_changes_nothing(analytics):
    envelopes = analytics.feed(department_events("dev-1", "dev-2"))
    before = analytics.figures()
    deal = next(e for e in envelopes if e["type"] == "deal.closed")
    same_deal_again = {**deal, "id": new_id(), "occurred_at": datetime(2026, 11, 14, tzinfo=UTC).isoformat()}

    analytics.resend(deal)
    analytics.resend(same_deal_again)

    after = analytics.figures()
    assert after["developers"] == before["developers"] and after["c1"] == before["c1"]
    assert after["overview"]["events"] == before["overview"]["events"] + 1  # logged, not counted


def test_erasure_keeps_the_figures_and_scrubs_the_name_from_the_log(analytics):
    analytics.feed(department_events("dev-1", "dev-2"))
    before = analytics.figures()

    analytics.feed([event("customer.erased", datetime(2026, 12, 5, tzinfo=UTC), customer_id="c1")])

    after = analytics.figures()
    assert after["developers"] == before["developers"] and after["c1"]["revenue"] == "12800.00"
    store = open_store("analytics", metadata, analytics.settings)
    with store.session() as session:
        envelopes = session.scalars(select(event_log.c.envelope)).all()
    store.close()
    text = repr(envelopes)
    assert "王丽" not in text and "国贸三期" not in text and "刘建国" in text
    with analytics.rpc() as as_manager:
        assert as_manager.export_customer("c1")["profile"]["erased_at"] is not None


def test_figures_do_not_depend_on_the_order_events_arrive_in(analytics):
    analytics.feed(department_events("dev-1", "dev-2"))
    analytics.feed(list(reversed(department_events("dev-3", "dev-4", prefix="r"))))

    with analytics.rpc() as as_manager:
        rows = {row.pop("developer_id"): row for row in as_manager.developers(*NOVEMBER)["items"]}
        forward, backward = as_manager.customer("c1"), as_manager.customer("rc1")
        stages = {stage["stage"]: stage["customers"] for stage in as_manager.funnel(*NOVEMBER)["stages"]}
    assert rows["dev-3"] == rows["dev-1"] and rows["dev-4"] == rows["dev-2"]
    assert {**backward, "customer_id": "c1", "owner_id": "dev-1"} == forward
    assert stages == {"prospect": 6, "developing": 4, "contacted": 4, "visited": 4, "received": 4, "won": 2,
                      "after_sales": 0}
