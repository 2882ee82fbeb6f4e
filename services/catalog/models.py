"""The catalog's own tables: products (unique pieces and counted stock), their pictures, reservations,
what each deal drew from stock, the gift rules and the gifts handed out."""
from sqlalchemy import Boolean, Column, Index, Integer, Numeric, String, Table, Text, text

from kam.db import UtcDateTime, service_metadata

metadata = service_metadata()


def _when(name, **kwargs):
    return Column(name, UtcDateTime(), **kwargs)


products = Table(
    "products", metadata,
    Column("id", String(32), primary_key=True),
    Column("sku", String(64), nullable=False),
    Column("name", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("tracking", String(10), nullable=False),
    Column("status", String(20)),  # pieces only
    Column("quantity", Integer),  # stock only
    Column("reorder_level", Integer),  # stock only
    Column("list_price", Numeric(12, 2), nullable=False),
    Column("carat", Numeric(6, 2)),
    Column("cut", String(40)),
    Column("color", String(20)),
    Column("clarity", String(20)),
    Column("metal", String(60)),
    Column("certificate_lab", String(40)),
    Column("certificate_number", String(60)),
    Column("description", Text),
    _when("created_at", nullable=False), _when("updated_at", nullable=False),
    Index("uq_products_sku", "sku", unique=True),
    Index("ix_products_created", "created_at", "id"),
    Index("ix_products_certificate", "certificate_number"),
    Index("ix_products_kind_status", "kind", "status"),
)

product_images = Table(
    "product_images", metadata,
    Column("id", String(32), primary_key=True),
    Column("product_id", String(32), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("content_type", String(40), nullable=False),
    Column("size", Integer, nullable=False),
    Column("stored_as", String(300), nullable=False),
    Column("thumbnail_as", String(300), nullable=False),
    Column("uploaded_by", String(64)),
    _when("created_at", nullable=False),
)

reservations = Table(
    "reservations", metadata,
    Column("id", String(32), primary_key=True),
    Column("product_id", String(32), nullable=False),
    Column("subject_type", String(20), nullable=False),
    Column("subject_id", String(32), nullable=False),
    Column("customer_id", String(32)),
    Column("developer_id", String(64), nullable=False),
    Column("status", String(20), nullable=False),
    _when("subject_at"), _when("due_back_at"),
    _when("checked_out_at"), _when("returned_at"), _when("overdue_at"),
    Column("checked_out_by", String(64)), Column("returned_by", String(64)),
    Column("release_reason", String(60)),
    _when("created_at", nullable=False), _when("updated_at", nullable=False),
    # One piece is held by one reservation at most: the database says so too.
    Index("uq_reservations_held_piece", "product_id", unique=True,
          sqlite_where=text("status IN ('reserved', 'checked_out')"),
          postgresql_where=text("status IN ('reserved', 'checked_out')")),
    Index("ix_reservations_subject", "subject_type", "subject_id"),
    Index("ix_reservations_customer", "customer_id"),
    Index("ix_reservations_status_due", "status", "due_back_at"),
    Index("ix_reservations_created", "created_at", "id"),
)

deal_claims = Table(
    "deal_claims", metadata,
    Column("deal_id", String(32), primary_key=True),
    Column("product_id", String(32), primary_key=True),
    Column("quantity", Integer, nullable=False),
    Column("tracking", String(10), nullable=False),
    Column("released", Boolean, nullable=False, default=False),
    _when("claimed_at", nullable=False),
)

gift_rules = Table(
    "gift_rules", metadata,
    Column("category", String(20), primary_key=True),
    Column("product_id", String(32), nullable=False),
    Column("note", Text),
    Column("updated_by", String(64)),
    _when("updated_at", nullable=False),
)

gift_handouts = Table(
    "gift_handouts", metadata,
    Column("visit_id", String(32), primary_key=True),
    Column("product_id", String(32), nullable=False),
    Column("customer_id", String(32)),
    Column("category", String(20)),
    Column("led_to_deal", Boolean, nullable=False, default=False),
    _when("handed_out_at", nullable=False),
    Index("ix_gift_handouts_customer", "customer_id"),
)
