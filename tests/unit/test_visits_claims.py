"""Expense claims and receipts: the rules, without a broker or a database."""
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from kam.errors import Conflict, Invalid, InvalidTransition
from services.visits.domain import claims as rules
from services.visits.domain.receipts import checked_receipt
from services.visits.terms import MAX_RECEIPT_BYTES

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
SUMMARIZED_VISIT = {"id": "v1", "customer_id": "c1", "status": "summarized", "funded_amount": Decimal("500.00")}
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def items(*amounts):
    return [{"category": "travel", "amount": Decimal(amount), "note": "出租车"} for amount in amounts]


def claim_on(subject_type, subject, *amounts):
    claim, _ = rules.open_claim(id="e1", claimant_id="dev-1", subject_type=subject_type, subject=subject,
                                items=items(*amounts), now=NOW)
    return claim


def submitted(subject=SUMMARIZED_VISIT, *amounts, already=Decimal(0)):
    claim = claim_on("visit", subject, *(amounts or ("120.00",)))
    return {**claim, **rules.submit_claim(claim, subject, already, NOW)}


def test_the_total_is_the_sum_of_the_items():
    assert claim_on("visit", SUMMARIZED_VISIT, "120.50", "79.50")["total"] == Decimal("200.00")


def test_every_claim_item_costs_something():
    with pytest.raises(Invalid):
        claim_on("visit", SUMMARIZED_VISIT, "0.00")


def test_claims_only_on_approved_subjects():
    with pytest.raises(Conflict) as refused:
        claim_on("visit", {**SUMMARIZED_VISIT, "status": "pending_approval"}, "10.00")
    assert refused.value.error_code == "subject_not_approved"
    with pytest.raises(Conflict):
        claim_on("development_plan", {"id": "p1", "customer_id": "c1", "status": "draft", "budget": "1.00"}, "1.00")


def test_no_visit_summary_no_reimbursement():
    completed = {**SUMMARIZED_VISIT, "status": "completed"}
    claim = claim_on("visit", completed, "120.00")
    with pytest.raises(Conflict) as refused:
        rules.submit_claim(claim, completed, Decimal(0), NOW)
    assert refused.value.error_code == "summary_required"


def test_no_reception_report_no_reimbursement():
    reception = {"id": "r1", "customer_id": "c1", "status": "approved", "funded_amount": "300.00"}
    claim = claim_on("reception", reception, "120.00")
    with pytest.raises(Conflict) as refused:
        rules.submit_claim(claim, reception, Decimal(0), NOW)
    assert refused.value.error_code == "report_required"
    assert rules.submit_claim(claim, {**reception, "status": "reported"}, Decimal(0), NOW)["status"] == "submitted"


def test_a_development_plans_funded_amount_is_its_budget():
    plan = {"id": "p1", "customer_id": "c1", "status": "approved", "budget": "2000.00"}
    assert claim_on("development_plan", plan, "10.00")["funded_amount"] == Decimal("2000.00")


def test_a_reception_approved_without_funding_funded_nothing():
    reception = {"id": "r1", "customer_id": "c1", "status": "reported", "funded_amount": None}
    claim = claim_on("reception", reception, "50.00")
    assert rules.submit_claim(claim, reception, Decimal(0), NOW)["over_funded"] is True


def test_an_over_funded_claim_needs_the_managers_override_reason():
    claim = submitted(SUMMARIZED_VISIT, "600.00")
    assert claim["over_funded"] is True
    for missing in (None, "  "):
        with pytest.raises(Conflict) as refused:
            rules.approve_claim(claim, "m-1", missing, NOW)
        assert refused.value.error_code == "over_funded_amount"
    approved = rules.approve_claim(claim, "m-1", "客户重要，同意超支", NOW)
    assert approved["status"] == "approved" and approved["override_reason"] == "客户重要，同意超支"


def test_a_claim_within_the_funded_amount_is_approved_without_an_override():
    claim = submitted(SUMMARIZED_VISIT, "500.00")
    assert claim["over_funded"] is False
    assert rules.approve_claim(claim, "m-1", None, NOW)["override_reason"] is None


def test_over_funding_counts_the_other_claims_on_the_same_subject():
    assert submitted(SUMMARIZED_VISIT, "200.00", already=Decimal("400.00"))["over_funded"] is True


def test_a_claim_is_reimbursed_once_only():
    claim = submitted()
    claim = {**claim, **rules.approve_claim(claim, "m-1", None, NOW)}
    claim = {**claim, **rules.reimburse_claim(claim, "m-1", NOW)}
    with pytest.raises(InvalidTransition):
        rules.reimburse_claim(claim, "m-1", NOW)


def test_only_a_submitted_claim_is_decided():
    with pytest.raises(InvalidTransition):
        rules.approve_claim(claim_on("visit", SUMMARIZED_VISIT, "1.00"), "m-1", None, NOW)


def test_receipts_are_recognised_by_their_content():
    assert checked_receipt(PNG, "image/png") == ("image/png", "png")
    assert checked_receipt(b"%PDF-1.7 ...", None) == ("application/pdf", "pdf")
    assert checked_receipt(b"\xff\xd8\xff\xe0rest", "image/jpeg") == ("image/jpeg", "jpg")


def test_a_receipt_that_is_not_what_it_says_is_refused():
    with pytest.raises(Invalid):
        checked_receipt(b"<html>not an image</html>", "image/png")
    with pytest.raises(Invalid):
        checked_receipt(PNG, "application/pdf")


def test_a_receipt_above_ten_megabytes_is_refused():
    with pytest.raises(Invalid) as refused:
        checked_receipt(PNG + b"\0" * MAX_RECEIPT_BYTES, "image/png")
    assert "file" in refused.value.errors
