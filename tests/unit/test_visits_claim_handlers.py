"""The claim handlers on a fake unit of work and fake remotes: no broker, no PostgreSQL."""
import base64
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import event

from kam.errors import Conflict, InvalidTransition
from kam.fakes import FakeRemote, FakeUnitOfWork
from kam.identity import Actor
from kam.storage import FileStore
from services.visits.domain import access
from services.visits.handlers import claims, privacy, receipts
from services.visits.models import claims as claims_table
from services.visits.models import metadata, visits
from services.visits.models import receipts as receipts_table

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
DEV = Actor("dev-1", "developer")
MANAGER = Actor("m-1", "manager")
PLAN = {"id": "p1", "customer_id": "c1", "developer_id": "dev-1", "status": "approved", "budget": Decimal("100.00")}


def remotes(log=None):
    def plan(plan_id):
        if log is not None:
            log.append(("rpc", "get_development_plan"))
        return PLAN

    return {"customers": FakeRemote(get_development_plan=plan), "reception": FakeRemote(), "events": FakeRemote()}


def add_visit(uow, status="summarized", funded=Decimal("500.00"), review="accepted"):
    uow.session.execute(visits.insert().values(
        id="v1", customer_id="c1", customer_name="王丽", visitor_id="dev-1", status=status, planned_at=NOW,
        method="in_person", preparation={}, companions=[], funded_amount=funded, review_status=review,
        created_at=NOW, updated_at=NOW))


def opened(uow, subject_type="visit", subject_id="v1", amount="120.00"):
    data = {"subject": {"type": subject_type, "id": subject_id},
            "items": [{"category": "travel", "amount": Decimal(amount), "note": "出租车"}]}
    return claims.open_claim(uow, DEV, NOW, data=data, **remotes())


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as uow:
        yield uow


def test_a_claim_opens_as_a_draft_its_developer_may_submit(uow):
    add_visit(uow)
    claim = opened(uow)
    assert (claim["status"], claim["total"], claim["funded_amount"]) == ("draft", Decimal("120.00"), Decimal("500.00"))
    assert claim["items"] == [{"category": "travel", "amount": Decimal("120.00"), "note": "出租车"}]
    assert claim["actions"] == ["submit", "edit", "withdraw"] and uow.published == []


def test_a_claim_on_a_visit_without_its_summary_is_not_submitted(uow):
    add_visit(uow, status="completed")
    claim = opened(uow)
    with pytest.raises(Conflict) as refused:
        claims.submit_claim(uow, DEV, NOW, claim_id=claim["id"], **remotes())
    assert refused.value.error_code == "summary_required" and uow.published == []


def test_the_subject_is_fetched_before_the_claim_is_locked(uow, monkeypatch):
    claim = opened(uow, "development_plan", "p1")
    log = []
    load = access.CLAIMS.load

    def logged_load(session, table, actor, record_id, *, lock=False):
        log.append(("load", "locked" if lock else "unlocked"))
        return load(session, table, actor, record_id, lock=lock)

    monkeypatch.setattr(access.CLAIMS, "load", logged_load)
    submitted = claims.submit_claim(uow, DEV, NOW, claim_id=claim["id"], **remotes(log))
    assert log == [("load", "unlocked"), ("rpc", "get_development_plan"), ("load", "locked")]
    assert submitted["status"] == "submitted" and uow.published_types() == ["expense_claim.submitted"]


def test_approving_a_claim_over_its_funding_needs_the_managers_override(uow):
    claim = opened(uow, "development_plan", "p1", amount="150.00")
    claim = claims.submit_claim(uow, DEV, NOW, claim_id=claim["id"], **remotes())
    assert claim["over_funded"] is True and claim["actions"] == []
    with pytest.raises(Conflict) as refused:
        claims.approve_claim(uow, MANAGER, NOW, claim_id=claim["id"], override_reason=None, reception=FakeRemote())
    assert refused.value.error_code == "over_funded_amount"
    approved = claims.approve_claim(uow, MANAGER, NOW, claim_id=claim["id"], override_reason="年度重点客户", reception=FakeRemote())
    assert (approved["status"], approved["override_reason"]) == ("approved", "年度重点客户")
    assert approved["actions"] == ["reimburse"]
    assert uow.published_types() == ["expense_claim.submitted", "expense_claim.approved"]


def test_a_claim_is_reimbursed_once_only(uow):
    add_visit(uow)
    claim = opened(uow)
    claims.submit_claim(uow, DEV, NOW, claim_id=claim["id"], **remotes())
    claims.approve_claim(uow, MANAGER, NOW, claim_id=claim["id"], override_reason=None, reception=FakeRemote())
    assert claims.reimburse_claim(uow, MANAGER, NOW, claim_id=claim["id"])["status"] == "reimbursed"
    with pytest.raises(InvalidTransition):
        claims.reimburse_claim(uow, MANAGER, NOW, claim_id=claim["id"])
    assert uow.published_types().count("expense_claim.reimbursed") == 1
    assert uow.published[-1]["data"]["total"] == "120.00"


def test_a_page_of_claims_costs_the_same_few_queries_however_many_claims_it_holds(uow):
    add_visit(uow)
    for _ in range(20):
        opened(uow)
    statements = []

    def count(connection, cursor, statement, *args):
        statements.append(statement)

    event.listen(uow.engine, "before_cursor_execute", count)
    page = claims.list_claims(uow.session, MANAGER, NOW, args={"limit": 20})
    event.remove(uow.engine, "before_cursor_execute", count)
    assert len(page["items"]) == 20 and all(claim["items"] for claim in page["items"])
    assert len(statements) <= 4


def test_an_erased_customers_claims_keep_no_reasons_receipts_or_identity_in_events(uow, tmp_path):
    files = FileStore(tmp_path / "receipts")
    add_visit(uow)
    claim = opened(uow)
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    receipts.attach_receipt(uow, DEV, NOW, claim_id=claim["id"], receipt_files=files,
                            upload={"filename": "王丽-北京饭店发票.png", "content_type": "image/png",
                                    "content_b64": base64.b64encode(png).decode()})
    uow.session.execute(claims_table.update().values(reason="王丽生日宴超支", override_reason="王丽是重要客户"))
    uow.session.execute(metadata.tables["outbox"].insert().values(
        event_id="e1", type="visit.completed", created_at=NOW, published_at=NOW,
        envelope={"id": "e1", "type": "visit.completed", "data": {"customer_id": "c1", "place": "王丽家中"}}))
    assert list((tmp_path / "receipts").rglob("*.png"))

    privacy.erase_customer(uow, {"data": {"customer_id": "c1"}}, files)

    row = uow.session.execute(claims_table.select()).mappings().one()
    assert (row["reason"], row["override_reason"]) == (None, None) and row["total"] == Decimal("120.00")
    assert uow.session.execute(receipts_table.select()).all() == []
    assert not list((tmp_path / "receipts").rglob("*.png"))
    kept = uow.session.scalar(metadata.tables["outbox"].select().with_only_columns(
        metadata.tables["outbox"].c.envelope))
    assert kept["data"] == {"customer_id": "c1"}
