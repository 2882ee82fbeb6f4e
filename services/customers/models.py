"""The customers service's own tables."""
from sqlalchemy import Column, DateTime, Index, String, Table

from kam.db import service_metadata

metadata = service_metadata()

customers = Table(
    "customers", metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("category", String(20)),
    Column("stage", String(20), nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_customers_owner_created", "owner_id", "created_at", "id"),
)
