"""The gateway's own database: users and failed logins."""
from sqlalchemy import Column, Index, MetaData, String, Table

from kam.db import NAMING, UtcDateTime

metadata = MetaData(naming_convention=NAMING)

users = Table(
    "users", metadata,
    Column("id", String(32), primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("display_name", String(100), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

login_failures = Table(
    "login_failures", metadata,
    Column("username", String(64), nullable=False),
    Column("address", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Index("ix_login_failures_username_at", "username", "at"),
    Index("ix_login_failures_address_at", "address", "at"),
)
