"""The visits service's own tables: visits and their discussion, expense claims and receipts, and the
receptions read model that feeds the coordinator's view."""
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
)

from kam.db import UtcDateTime, service_metadata

metadata = service_metadata()


def _when(name, **kwargs):
    return Column(name, UtcDateTime(), **kwargs)


visits = Table(
    "visits", metadata,
    Column("id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False),
    Column("customer_name", String(200)),
    Column("customer_category", String(20)),
    Column("visitor_id", String(64), nullable=False),
    Column("customer_owner_id", String(64)),  # the customer's owner sees every visit to it (kept on transfer)
    Column("status", String(20), nullable=False),
    _when("planned_at", nullable=False),
    Column("place", String(300)),
    Column("method", String(20), nullable=False),
    Column("objectives", Text),
    Column("preparation", JSON, nullable=False),
    Column("companions", JSON, nullable=False),
    Column("budget", Numeric(12, 2)),
    Column("funded_amount", Numeric(12, 2)),
    Column("approver_id", String(64)),
    Column("rejection_reason", Text),
    _when("submitted_at"), _when("decided_at"),
    _when("occurred_at"),
    Column("record_place", String(300)),
    Column("record_method", String(20)),
    Column("talking_points", Text),
    Column("customer_feedback", Text),
    Column("next_steps", Text),
    _when("next_visit_at"), _when("recorded_at"),
    _when("callback_due_at"), _when("callback_done_at"),
    Column("callback_on_time", Boolean),
    Column("summary", Text),
    _when("summarized_at"),
    # 报告检查: the review of the record and summary, and each version of them
    Column("review_status", String(20)),
    Column("review_comment", Text),
    Column("reviewed_by", String(64)),
    _when("reviewed_at"),
    Column("versions", JSON),
    # 签到: the visitor's arrival
    _when("checked_in_at"),
    Column("check_in_place", String(300)),
    Column("check_in_location", JSON),
    _when("created_at", nullable=False), _when("updated_at", nullable=False),
    Index("ix_visits_review", "review_status", "updated_at"),
    Index("ix_visits_visitor_created", "visitor_id", "created_at", "id"),
    Index("ix_visits_created", "created_at", "id"),
    Index("ix_visits_customer", "customer_id"),
    Index("ix_visits_status_planned", "status", "planned_at"),
)

visit_advice = Table(
    "visit_advice", metadata,
    Column("id", String(32), primary_key=True),
    Column("visit_id", String(32), ForeignKey("visits.id"), nullable=False, index=True),
    Column("author_id", String(64), nullable=False),
    Column("advisor", String(100), nullable=False),
    Column("text", Text),
    _when("created_at", nullable=False),
)

visit_support = Table(
    "visit_support", metadata,
    Column("id", String(32), primary_key=True),
    Column("visit_id", String(32), ForeignKey("visits.id"), nullable=False, index=True),
    Column("kind", String(30), nullable=False),
    Column("note", Text),
    Column("leader_name", String(100)),
    Column("event_id", String(32)),
    Column("added_by", String(64), nullable=False),
    _when("added_at", nullable=False),
)

claims = Table(
    "expense_claims", metadata,
    Column("id", String(32), primary_key=True),
    Column("claimant_id", String(64), nullable=False),
    Column("customer_id", String(32), index=True),  # none on an event's claim
    Column("subject_type", String(20), nullable=False),
    Column("subject_id", String(32), nullable=False),
    Column("status", String(20), nullable=False),
    Column("total", Numeric(12, 2), nullable=False),
    Column("funded_amount", Numeric(12, 2), nullable=False),
    Column("over_funded", Boolean, nullable=False),
    Column("reason", Text),
    Column("override_reason", Text),
    Column("decided_by", String(64)),
    Column("reimbursed_by", String(64)),
    _when("submitted_at"), _when("decided_at"), _when("reimbursed_at"),
    _when("created_at", nullable=False), _when("updated_at", nullable=False),
    Index("ix_expense_claims_claimant_created", "claimant_id", "created_at", "id"),
    Index("ix_expense_claims_created", "created_at", "id"),
    Index("ix_expense_claims_subject", "subject_type", "subject_id"),
)

claim_items = Table(
    "expense_claim_items", metadata,
    Column("claim_id", String(32), ForeignKey("expense_claims.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("category", String(20), nullable=False),
    Column("amount", Numeric(12, 2), nullable=False),
    Column("note", Text),
)

receipts = Table(
    "expense_receipts", metadata,
    Column("id", String(32), primary_key=True),
    Column("claim_id", String(32), ForeignKey("expense_claims.id"), nullable=False, index=True),
    Column("filename", String(255)),
    Column("content_type", String(50), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("stored_as", String(300), nullable=False),
    Column("uploaded_by", String(64), nullable=False),
    _when("created_at", nullable=False),
)

receptions = Table(
    "receptions_seen", metadata,
    Column("reception_id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False, index=True),
    Column("host_id", String(64)),
    Column("status", String(20), nullable=False),
    _when("scheduled_at", nullable=False),
    Column("party_size", Integer),
    Column("funded_amount", Numeric(12, 2)),
    _when("updated_at", nullable=False),
    Index("ix_receptions_seen_status_scheduled", "status", "scheduled_at"),
)

# 规格根据公司规定: what may be given or spent on a customer of each category, and each override of it.
hospitality_caps = Table(
    "hospitality_caps", metadata,
    Column("category", String(20), primary_key=True),
    Column("gift_value", Numeric(12, 2)),
    Column("meal_per_head", Numeric(12, 2)),
    Column("updated_by", String(64)),
    _when("updated_at", nullable=False),
)

hospitality_overrides = Table(
    "hospitality_overrides", metadata,
    Column("id", String(32), primary_key=True),
    Column("subject_type", String(20), nullable=False),  # visit | reception
    Column("subject_id", String(32), nullable=False),
    Column("customer_id", String(32), nullable=False),
    Column("category", String(20)),
    Column("kind", String(20), nullable=False),  # gift_value | meal_per_head
    Column("amount", Numeric(12, 2), nullable=False),
    Column("cap", Numeric(12, 2), nullable=False),
    Column("reason", Text),
    Column("approver_id", String(64), nullable=False),
    _when("at", nullable=False),
    Index("ix_hospitality_overrides_at", "at", "id"),
    Index("uq_hospitality_overrides_subject", "subject_type", "subject_id", "kind", unique=True),
)
