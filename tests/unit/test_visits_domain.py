"""The visit's rules, without a broker or a database."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kam.errors import Conflict, Forbidden, Invalid, InvalidTransition, NotFound
from kam.identity import Actor
from services.visits.domain import visits as rules
from services.visits.domain.access import VISITS
from services.visits.policy import developer_max_discount

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
CUSTOMER = {"id": "c1", "name": "王丽", "category": "high_value"}


PEARL_BROOCH = {"product_id": "p-gift-2", "name": "淡水珍珠胸针礼盒"}  # the catalog's gift for high_value


def planned(gift=PEARL_BROOCH, **preparation):
    data = {"planned_at": NOW + timedelta(days=2), "place": "客户家中", "preparation": preparation}
    return rules.plan_visit(id="v1", data=data, customer=CUSTOMER, visitor_id="dev-1", now=NOW, gift=gift)


def moved_to(visit, *changes):
    for change in changes:
        visit = {**visit, **change}
    return visit


def approved():
    visit = planned()
    visit = moved_to(visit, rules.submit_visit(visit, Decimal("0.10"), NOW))
    return moved_to(visit, rules.approve_visit(visit, "m-1", Decimal("500.00"), NOW))


def recorded(occurred_at=NOW - timedelta(hours=2)):
    visit = approved()
    return moved_to(visit, rules.record_visit(visit, {"occurred_at": occurred_at, "talking_points": "克拉钻"}, NOW))


def test_gift_defaults_to_the_catalogs_gift_for_the_customer_category():
    preparation = planned()["preparation"]
    assert (preparation["gift"], preparation["gift_product_id"]) == ("淡水珍珠胸针礼盒", "p-gift-2")
    assert preparation["gift_suggested"] is True
    chosen = rules.plan_visit(id="v1", data={"planned_at": NOW, "preparation": {"gift": "丝巾礼盒"}},
                              customer=CUSTOMER, visitor_id="dev-1", now=NOW, gift=None)["preparation"]
    assert chosen["gift"] == "丝巾礼盒" and chosen["gift_suggested"] is False and chosen["gift_product_id"] is None


def test_a_category_the_catalog_has_no_gift_rule_for_gets_the_house_gift():
    assert planned(gift=None)["preparation"]["gift"] == rules.DEFAULT_GIFT


def test_offers_beyond_the_developers_discount_authority_block_submission():
    visit = planned(offers=[{"product": "1克拉钻戒", "discount": Decimal("0.15")}])
    with pytest.raises(Conflict) as refused:
        rules.submit_visit(visit, Decimal("0.10"), NOW)
    assert refused.value.error_code == "discount_exceeds_authority"


def test_offers_within_the_developers_discount_authority_are_submitted():
    visit = planned(offers=[{"product": "1克拉钻戒", "discount": Decimal("0.10")}])
    assert rules.submit_visit(visit, Decimal("0.10"), NOW)["status"] == "pending_approval"


def test_discount_authority_is_configurable_and_defaults_to_ten_percent():
    from kam.config import Settings

    assert developer_max_discount(Settings(), env={}) == Decimal("0.10")
    assert developer_max_discount(Settings(), env={"KAM_DEVELOPER_MAX_DISCOUNT": "0.2"}) == Decimal("0.2")
    with pytest.raises(ValueError):
        developer_max_discount(Settings(), env={"KAM_DEVELOPER_MAX_DISCOUNT": "1.5"})


def test_only_a_draft_visit_plan_can_be_edited():
    visit = approved()
    with pytest.raises(Conflict) as refused:
        rules.edit_draft(visit, {"place": "公司"}, NOW)
    assert refused.value.error_code == "not_a_draft"
    assert rules.edit_draft(planned(), {"place": "公司", "status": "approved"}, NOW) == {"place": "公司",
                                                                                        "updated_at": NOW}


def test_approving_twice_is_an_invalid_transition():
    with pytest.raises(InvalidTransition):
        rules.approve_visit(approved(), "m-1", Decimal("1.00"), NOW)


def test_only_an_approved_visit_can_be_recorded():
    with pytest.raises(InvalidTransition):
        rules.record_visit(planned(), {"occurred_at": NOW}, NOW)


def test_a_visit_is_recorded_only_after_it_happened():
    with pytest.raises(Invalid) as refused:
        rules.record_visit(approved(), {"occurred_at": NOW + timedelta(minutes=1)}, NOW)
    assert "occurred_at" in refused.value.errors


def test_the_next_visit_comes_after_this_one():
    with pytest.raises(Invalid):
        rules.record_visit(approved(), {"occurred_at": NOW, "next_visit_at": NOW - timedelta(days=1)}, NOW)


def test_the_callback_falls_due_seven_days_after_the_visit():
    occurred_at = NOW - timedelta(hours=5)
    callback = rules.callback_of(recorded(occurred_at))
    assert callback == {"status": "pending", "due_at": occurred_at + timedelta(days=7), "done_at": None,
                        "on_time": None}
    assert rules.callback_of(approved()) is None


def test_the_first_callback_completion_counts():
    visit = recorded()
    done = moved_to(visit, rules.callback_done(visit, NOW + timedelta(days=3), True))
    assert rules.callback_of(done)["status"] == "done" and rules.callback_of(done)["on_time"] is True
    assert rules.callback_done(done, NOW + timedelta(days=30), False) == {}


def test_a_late_callback_is_not_on_time_when_the_task_does_not_say():
    visit = recorded()
    assert rules.callback_done(visit, visit["callback_due_at"] + timedelta(hours=1), None)["callback_on_time"] is False


def test_only_a_completed_visit_is_summarized():
    with pytest.raises(InvalidTransition):
        rules.summarize_visit(approved(), "总结", NOW)
    assert rules.summarize_visit(recorded(), "总结", NOW)["status"] == "summarized"


def test_the_pre_visit_discussion_is_held_before_the_visit():
    rules.ensure_discussable(approved())
    with pytest.raises(Conflict):
        rules.ensure_discussable(recorded())


def test_a_developer_sees_only_the_visits_they_make():
    VISITS.ensure(Actor("dev-1", "developer"), {"visitor_id": "dev-1"})
    VISITS.ensure(Actor("co-1", "coordinator"), {"visitor_id": "dev-1"})
    with pytest.raises(NotFound):
        VISITS.ensure(Actor("dev-2", "developer"), {"visitor_id": "dev-1"})


def test_only_the_visitor_records_and_summarises():
    with pytest.raises(Forbidden):
        VISITS.ensure_owner(Actor("m-1", "manager"), {"visitor_id": "dev-1"}, "visitor_id")
    with pytest.raises(NotFound):
        VISITS.ensure_owner(Actor("dev-2", "developer"), {"visitor_id": "dev-1"}, "visitor_id")
    assert rules.VISIT.actions(Actor("dev-1", "developer"), approved()) == ["check_in", "record"]  # 签到 first, when the visitor arrives
    assert rules.VISIT.actions(Actor("m-1", "manager"), approved()) == ["support"]  # 提升拜访等级, not the record


def test_erasure_removes_names_and_free_text_but_keeps_figures():
    visit = recorded()
    erased = moved_to(visit, rules.erased_visit(visit))
    assert erased["customer_name"] is None and erased["talking_points"] is None and erased["place"] is None
    assert erased["funded_amount"] == Decimal("500.00") and erased["occurred_at"] == visit["occurred_at"]


def test_a_rejected_visit_keeps_the_managers_reason_and_goes_no_further():
    visit = planned()
    visit = moved_to(visit, rules.submit_visit(visit, Decimal("0.10"), NOW))
    visit = moved_to(visit, rules.reject_visit(visit, "m-1", "请先电话沟通", NOW))
    assert (visit["status"], visit["rejection_reason"], visit["approver_id"]) == ("rejected", "请先电话沟通", "m-1")
    with pytest.raises(InvalidTransition):
        rules.record_visit(visit, {"occurred_at": NOW}, NOW)


def test_editing_a_draft_keeps_the_gift_rule():
    edited = rules.edit_draft(planned(), {"preparation": {"products": ["铂金对戒"]}}, NOW, PEARL_BROOCH)
    assert edited["preparation"]["gift"] == PEARL_BROOCH["name"]


def test_only_managers_approve_reject_and_reimburse():
    Actor("m-1", "manager").require_role("manager")
    for role in ("developer", "coordinator", "planner", "analyst", "admin"):
        with pytest.raises(Forbidden):
            Actor("x", role).require_role("manager")
    pending = {"status": "pending_approval", "visitor_id": "dev-1"}
    assert rules.VISIT.actions(Actor("m-1", "manager"), pending) == ["approve", "reject", "support"]
    assert rules.VISIT.actions(Actor("dev-1", "developer"), pending) == []
