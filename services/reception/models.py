"""The reception service's own tables."""
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from kam.db import UtcDateTime, service_metadata

metadata = service_metadata()
WORK_ORDER_MONEY = ("quote", "deposit", "deposit_paid", "estimate", "asking_price", "sale_price", "commission",
                    "payout")

receptions = Table(
    "receptions", metadata,
    Column("id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False, index=True),
    Column("customer_owner_id", String(64)),
    Column("host_id", String(64), nullable=False),
    Column("status", String(20), nullable=False),
    Column("scheduled_at", UtcDateTime(), nullable=False),
    Column("party_size", Integer, nullable=False),
    Column("needs", Text),
    Column("location", String(200)),
    Column("hosts", JSON, nullable=False),
    Column("arrangements", JSON, nullable=False),
    Column("funded_amount", Numeric(12, 2)),
    Column("approver_id", String(64)),
    Column("decided_at", UtcDateTime()),
    Column("reason", Text),
    Column("report", JSON),
    Column("reported_at", UtcDateTime()),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_receptions_created", "created_at", "id"),
)

deals = Table(
    "deals", metadata,
    Column("id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False, index=True),
    Column("customer_owner_id", String(64)),
    Column("seller_id", String(64), nullable=False),
    Column("status", String(20), nullable=False),
    Column("origin_type", String(20), nullable=False),
    Column("origin_id", String(32), nullable=False),
    Column("subtotal", Numeric(12, 2), nullable=False),
    Column("discount", Numeric(12, 2), nullable=False),
    Column("total", Numeric(12, 2), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("repeat_sale", Boolean, nullable=False),
    Column("delivery_method", String(20), nullable=False),
    Column("delivery_address", Text),
    Column("delivery_date", Date),
    Column("closed_at", UtcDateTime(), nullable=False),
    Column("delivered_at", UtcDateTime()),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("customer_id", "sequence", name="uq_deals_customer_sequence"),
    Index("ix_deals_created", "created_at", "id"),
)

deal_items = Table(
    "deal_items", metadata,
    Column("deal_id", String(32), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("sku", String(64), nullable=False),
    Column("description", String(500), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("unit_price", Numeric(12, 2), nullable=False),
    Column("line_total", Numeric(12, 2), nullable=False),
    Column("in_catalog", Boolean),  # the sku is a catalog product (else free text the store sells)
)

service_tickets = Table(
    "service_tickets", metadata,
    Column("id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False, index=True),
    Column("customer_owner_id", String(64)),
    Column("owner_id", String(64), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("description", Text),
    Column("piece", JSON),
    Column("intake_notes", Text),
    Column("resale_mode", String(20)),
    Column("valuation", Numeric(12, 2)),
    Column("scheduled_at", UtcDateTime()),
    Column("resolution", Text),
    Column("notify_channel", String(20)),
    *[Column(name, Numeric(12, 2)) for name in WORK_ORDER_MONEY],
    Column("commission_rate", Numeric(5, 4)),
    Column("due_date", Date),
    Column("until", Date),
    Column("buyer_customer_id", String(32)),
    Column("deal_id", String(32)),
    Column("opened_at", UtcDateTime(), nullable=False),
    Column("started_at", UtcDateTime()),
    Column("resolved_at", UtcDateTime()),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_service_tickets_opened", "opened_at", "id"),
)

ticket_steps = Table(
    "service_ticket_steps", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ticket_id", String(32), nullable=False, index=True),
    Column("action", String(30), nullable=False),
    Column("from_status", String(20), nullable=False),
    Column("to_status", String(20), nullable=False),
    Column("by", String(64)),
    Column("by_role", String(20)),
    Column("at", UtcDateTime(), nullable=False),
    Column("figures", JSON, nullable=False),
)

ticket_images = Table(
    "service_ticket_images", metadata,
    Column("id", String(32), primary_key=True),
    Column("ticket_id", String(32), nullable=False, index=True),
    Column("purpose", String(20), nullable=False),
    Column("filename", String(255)),
    Column("content_type", String(50), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("stored_as", String(300), nullable=False),
    Column("thumbnail_as", String(300), nullable=False),
    Column("uploaded_by", String(64), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

return_visits = Table(
    "return_visits", metadata,
    Column("id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False, index=True),
    Column("customer_owner_id", String(64)),
    Column("developer_id", String(64), nullable=False),
    Column("task_id", String(64), unique=True),
    Column("occurred_at", UtcDateTime(), nullable=False),
    Column("method", String(20), nullable=False),
    Column("content", Text),
    Column("feedback", Text),
    Column("next_steps", Text),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Index("ix_return_visits_recorded", "recorded_at", "id"),
)
