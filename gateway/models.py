"""The gateway's own database: users, their sessions and failed logins."""
from sqlalchemy import Boolean, Column, Index, Integer, MetaData, String, Table, false

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
    # in every token; a change of role, password or status bumps it, and older tokens stop working
    Column("token_version", Integer, nullable=False, server_default="0"),
    Column("disabled", Boolean, nullable=False, server_default=false()),
)

sessions = Table(
    "sessions", metadata,
    Column("id", String(32), primary_key=True),
    Column("user_id", String(32), nullable=False, index=True),
    Column("refresh_jti", String(32), nullable=False),  # the one refresh token that may be used next
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("revoked_at", UtcDateTime()),
)

login_failures = Table(
    "login_failures", metadata,
    Column("username", String(64), nullable=False),
    Column("address", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Index("ix_login_failures_username_at", "username", "at"),
    Index("ix_login_failures_address_at", "address", "at"),
)
