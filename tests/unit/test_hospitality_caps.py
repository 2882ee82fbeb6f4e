"""Hospitality caps (规格根据公司规定): a gift or a meal out above the cap for the customer's category is
approved only with the manager's override_reason, and every override is logged and listed."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from marshmallow import ValidationError

from kam.errors import Conflict, Forbidden
from kam.events import make_envelope, read_envelope
from kam.fakes import FakeRemote, FakeUnitOfWork
from kam.identity import Actor
from services.reception.contracts import ReceptionApproved
from services.reception.handlers import receptions
from services.reception.models import metadata as reception_metadata
from services.visits.contracts import ReceptionApproved as VisitsReceptionApproved
from services.visits.domain.hospitality import override_needed
from services.visits.handlers import hospitality, visits
from services.visits.hospitality_schemas import PolicyIn
from services.visits.models import metadata as visits_metadata
from services.visits.models import visits as visits_table

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
DEV, MANAGER, ANALYST = Actor("dev-1", "developer"), Actor("m-1", "manager"), Actor("a-1", "analyst")
CAPS = {"important": {"gift_value": Decimal("200.00"), "meal_per_head": Decimal("150.00")}}
CATALOG = FakeRemote(get_product=lambda product_id: {"id": product_id, "list_price": "380.00"})


@pytest.fixture
def uow():
    with FakeUnitOfWork(visits_metadata) as fake:
        hospitality.set_hospitality_policy(fake, MANAGER, NOW, policy={"caps": CAPS})
        yield fake


def pending_visit(uow, visit_id="v1", category="important", gift_product_id="p-gift"):
    uow.session.execute(visits_table.insert().values(
        id=visit_id, customer_id="c1", customer_name="刘建国", customer_category=category, visitor_id="dev-1",
        status="pending_approval", planned_at=NOW, method="in_person", companions=[], created_at=NOW, updated_at=NOW,
        preparation={"gift": "珍珠胸针礼盒", "gift_product_id": gift_product_id, "products": [], "offers": []}))


def approve(uow, visit_id="v1", override_reason=None, catalog=CATALOG):
    return visits.approve_visit(uow, MANAGER, NOW, visit_id=visit_id, funded_amount=Decimal("500.00"),
                                override_reason=override_reason, catalog=catalog)


def test_a_gift_above_the_cap_needs_the_managers_override(uow):
    pending_visit(uow)
    with pytest.raises(Conflict) as refused:
        approve(uow)
    assert refused.value.error_code == "over_hospitality_cap"
    assert refused.value.extra == {"kind": "gift_value", "amount": "380.00", "cap": "200.00", "category": "important"}
    with pytest.raises(Conflict):
        approve(uow, override_reason="  ")
    approved = approve(uow, override_reason="刘主任退休返聘，礼品按集团惯例")
    assert approved["status"] == "approved"


def test_a_gift_within_the_cap_or_for_another_category_or_not_from_the_catalog_needs_nothing(uow):
    pending_visit(uow, "v1", category="high_value")
    pending_visit(uow, "v2", gift_product_id=None)
    unasked = FakeRemote()  # no cap for the category, or no catalog gift: the catalog is not asked
    assert approve(uow, "v1", catalog=unasked)["status"] == approve(uow, "v2", catalog=unasked)["status"] == "approved"
    assert override_needed(CAPS, "important", "gift_value", Decimal("200.00"), None) is None
    assert hospitality.list_hospitality_overrides(uow.session, MANAGER, NOW, args={})["items"] == []


def test_a_meal_above_the_cap_needs_the_managers_override(uow):
    """The reception service asks the visits service, keeper of the caps, when a manager approves."""
    customers = FakeRemote(customer_summary=lambda customer_id: {"id": customer_id, "owner_id": "dev-1",
                                                                  "category": "important"})
    caps_keeper = FakeRemote(review_hospitality=lambda data: hospitality.review_hospitality(uow.session, MANAGER, NOW,
                                                                                              data=data))
    with FakeUnitOfWork(reception_metadata) as reception_uow:
        def planned(meal_per_head):
            meal = {"venue": "香格里拉夏宫", "accompanying_leader": "刘总", "standard": "公司标准",
                    "meal_per_head": meal_per_head}
            created = receptions.create_reception(reception_uow, DEV, NOW, customers=customers, data={
                "customer_id": "c1", "scheduled_at": NOW + timedelta(days=2), "party_size": 3,
                "arrangements": {"meal_out": meal}})
            receptions.submit_reception(reception_uow, DEV, NOW, reception_id=created["id"])
            return created["id"]

        def approve_reception(reception_id, **data):
            return receptions.approve_reception(reception_uow, MANAGER, NOW, reception_id=reception_id, data=data,
                                                customers=customers, visits=caps_keeper)

        over, within = planned(Decimal("288.00")), planned(Decimal("150.00"))
        with pytest.raises(Conflict) as refused:
            approve_reception(over)
        assert refused.value.error_code == "over_hospitality_cap" and refused.value.extra["cap"] == "150.00"
        assert approve_reception(over, override_reason="接待军区首长，按集团标准")["status"] == "approved"
        assert approve_reception(within)["status"] == "approved"
        approved = [e["data"] for e in reception_uow.published if e["type"] == "reception.approved"]
        assert [data["hospitality_override"] for data in approved] == [
            {"category": "important", "kind": "meal_per_head", "amount": "288.00", "cap": "150.00",
             "reason": "接待军区首长，按集团标准"}, None]
        shown = receptions.get_reception(reception_uow.session, MANAGER, NOW, reception_id=over)
        assert shown["arrangements"]["meal_out"]["meal_per_head"] == "288.00"
        assert shown["arrangements"]["meal_out"]["standard"] == "公司标准"  # the text stays


def reception_approved(override, at=NOW + timedelta(hours=1)):
    data = {"reception_id": "r1", "customer_id": "c2", "host_id": "dev-1", "scheduled_at": NOW + timedelta(days=1),
            "party_size": 2, "funded_amount": None, "approver_id": "m-1", "hospitality_override": override}
    envelope = make_envelope(ReceptionApproved, data, producer="reception", occurred_at=at)
    return read_envelope(envelope, {("reception.approved", 1): VisitsReceptionApproved})


def test_a_reception_approval_that_does_not_commit_logs_no_override(uow):
    """The visits service only checks when asked; the override is logged from the committed approval."""
    reviewed = hospitality.review_hospitality(uow.session, MANAGER, NOW, data={
        "subject_type": "reception", "subject_id": "r1", "customer_id": "c2", "category": "important",
        "kind": "meal_per_head", "amount": Decimal("300.00"), "override_reason": "外宾同席"})
    assert reviewed["over_cap"] and reviewed["override"]["cap"] == Decimal("150.00")
    assert hospitality.list_hospitality_overrides(uow.session, MANAGER, NOW, args={})["items"] == []


def test_overrides_are_logged_and_listed(uow):
    pending_visit(uow)
    approve(uow, override_reason="客户为集团战略合作方领导")
    override = {"category": "important", "kind": "meal_per_head", "amount": Decimal("300.00"),
                "cap": Decimal("150.00"), "reason": "外宾同席"}
    hospitality.note_reception_override(uow, reception_approved(override))
    hospitality.note_reception_override(uow, reception_approved(override, NOW + timedelta(hours=2)))  # redelivered
    hospitality.note_reception_override(uow, reception_approved(None))  # within the cap: nothing to log
    listed = hospitality.list_hospitality_overrides(uow.session, MANAGER, NOW, args={})["items"]
    assert [(o["subject_type"], o["subject_id"], o["kind"], o["amount"], o["cap"], o["reason"], o["approver_id"])
            for o in listed] == [
        ("reception", "r1", "meal_per_head", Decimal("300.00"), Decimal("150.00"), "外宾同席", "m-1"),
        ("visit", "v1", "gift_value", Decimal("380.00"), Decimal("200.00"), "客户为集团战略合作方领导", "m-1")]
    with pytest.raises(Forbidden):
        hospitality.list_hospitality_overrides(uow.session, DEV, NOW, args={})


def test_managers_set_the_caps_everyone_reads_them_and_bad_caps_are_refused_field_by_field(uow):
    read = hospitality.get_hospitality_policy(uow.session, ANALYST, NOW)["caps"]
    assert read["important"] == {"gift_value": Decimal("200.00"), "meal_per_head": Decimal("150.00")}
    assert read["potential"] == {"gift_value": None, "meal_per_head": None}
    with pytest.raises(Forbidden):
        hospitality.set_hospitality_policy(uow, DEV, NOW, policy={"caps": {}})
    with pytest.raises(ValidationError) as invalid:
        PolicyIn().load({"caps": {"vip": {"gift_value": "100.00"}, "important": {"meal_per_head": "-1"}}})
    assert set(invalid.value.messages["caps"]) == {"vip", "important"}
    cleared = hospitality.set_hospitality_policy(uow, MANAGER, NOW, policy={"caps": {}})
    assert cleared["caps"]["important"] == {"gift_value": None, "meal_per_head": None}
