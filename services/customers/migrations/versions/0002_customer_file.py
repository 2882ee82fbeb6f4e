"""The full customer file: profile, sensitive data, search tokens, history, network, contacts,
assessments, development plans, access log, timeline, classification state; trigram search on PostgreSQL.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NEW_CUSTOMER_COLUMNS = [
    sa.Column("phone", sa.String(40)),
    sa.Column("wechat", sa.String(100)),
    sa.Column("email", sa.String(200)),
    sa.Column("source_channel", sa.String(40)),
    sa.Column("referrer_id", sa.String(32)),
    sa.Column("source_note", sa.Text),
    sa.Column("key_dates", sa.JSON, nullable=False, server_default="[]"),
    sa.Column("profile", sa.JSON, nullable=False, server_default="{}"),
    sa.Column("sensitive_sealed", sa.Text),
    sa.Column("consent", sa.JSON),
    sa.Column("outreach_opt_out", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("score", sa.Integer),
    sa.Column("score_reasons", sa.JSON),
    sa.Column("rules_hash", sa.String(64)),
    sa.Column("erased_at", sa.DateTime(timezone=True)),
]
TRIGRAM_COLUMNS = ("name", "phone", "wechat")


def upgrade():
    with op.batch_alter_table("customers") as batch:
        for column in NEW_CUSTOMER_COLUMNS:
            batch.add_column(column)
    op.create_index("ix_customers_category_stage", "customers", ["category", "stage", "created_at", "id"])
    op.create_index("ix_customers_stage", "customers", ["stage", "created_at", "id"])
    op.create_index("ix_customers_created", "customers", ["created_at", "id"])
    op.create_index("ix_customers_referrer", "customers", ["referrer_id"])
    _create_tables()
    if op.get_bind().dialect.name == "postgresql":
        _trigram_indexes()


def _create_tables():
    op.create_table(
        "search_tokens",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("customer_id", sa.String(32), primary_key=True),
    )
    op.create_index("ix_search_tokens_customer", "search_tokens", ["customer_id"])
    op.create_table(
        "customer_history",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("customer_id", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(64)),
        sa.Column("changes", sa.JSON, nullable=False),
    )
    op.create_index("ix_customer_history_customer", "customer_history", ["customer_id", "at", "id"])
    op.create_table(
        "customer_links",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("from_id", sa.String(32), nullable=False, index=True),
        sa.Column("to_id", sa.String(32), nullable=False, index=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("created_by", sa.String(64)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("from_id", "to_id", "kind", name="uq_customer_links_pair"),
    )
    op.create_table(
        "deals",
        sa.Column("deal_id", sa.String(32), primary_key=True),
        sa.Column("customer_id", sa.String(32), nullable=False, index=True),
        sa.Column("total", sa.Numeric(12, 2), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("customer_id", sa.String(32), nullable=False),
        sa.Column("developer_id", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("topic", sa.Text),
        sa.Column("content", sa.Text),
        sa.Column("outcome", sa.Text),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_contacts_customer", "contacts", ["customer_id", "occurred_at", "id"])
    op.create_table(
        "assessments",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("customer_id", sa.String(32), nullable=False),
        sa.Column("developer_id", sa.String(64), nullable=False),
        sa.Column("expected_revenue", sa.Numeric(12, 2), nullable=False),
        sa.Column("expected_profit", sa.Numeric(12, 2), nullable=False),
        sa.Column("costs", sa.JSON, nullable=False),
        sa.Column("total_cost", sa.Numeric(12, 2), nullable=False),
        sa.Column("risk_factor", sa.Numeric(4, 3), nullable=False),
        sa.Column("risk_adjusted_profit", sa.Numeric(12, 2), nullable=False),
        sa.Column("worth_developing", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_assessments_customer", "assessments", ["customer_id", "created_at", "id"])
    op.create_table(
        "development_plans",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("customer_id", sa.String(32), nullable=False, index=True),
        sa.Column("developer_id", sa.String(64), nullable=False),
        sa.Column("methods", sa.JSON, nullable=False),
        sa.Column("plan", sa.Text),
        sa.Column("budget", sa.Numeric(12, 2), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("decided_by", sa.String(64)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_development_plans_developer", "development_plans", ["developer_id", "created_at", "id"])
    op.create_index("ix_development_plans_created", "development_plans", ["created_at", "id"])
    op.create_table(
        "access_log",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("customer_id", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(64)),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("purpose", sa.Text),
    )
    op.create_index("ix_access_log_customer", "access_log", ["customer_id", "at", "id"])
    op.create_table(
        "timeline",
        sa.Column("event_id", sa.String(32), primary_key=True),
        sa.Column("customer_id", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(100), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("source_type", sa.String(50)),
        sa.Column("source_id", sa.String(64)),
    )
    op.create_index("ix_timeline_customer", "timeline", ["customer_id", "at", "event_id"])
    op.create_table(
        "classification_state",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("rules_hash", sa.String(64), nullable=False),
        sa.Column("evaluated_at", sa.DateTime(timezone=True), nullable=False),
    )


def _trigram_indexes():
    """GIN trigram indexes serve LIKE '%...%' of three characters or more; two-character Chinese names go
    through search_tokens (a btree), since a pattern that short yields no trigram to look up."""
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema = op.get_bind().execute(sa.text(
        "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'")).scalar()
    for column in TRIGRAM_COLUMNS:
        op.execute(f"CREATE INDEX ix_customers_{column}_trgm ON customers USING gin ({column} {schema}.gin_trgm_ops)")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for column in TRIGRAM_COLUMNS:
            op.execute(f"DROP INDEX IF EXISTS ix_customers_{column}_trgm")
    for table in ("classification_state", "timeline", "access_log", "development_plans", "assessments",
                  "contacts", "deals", "customer_links", "customer_history", "search_tokens"):
        op.drop_table(table)
    for name in ("ix_customers_referrer", "ix_customers_created", "ix_customers_stage", "ix_customers_category_stage"):
        op.drop_index(name, table_name="customers")
    with op.batch_alter_table("customers") as batch:
        for column in reversed(NEW_CUSTOMER_COLUMNS):
            batch.drop_column(column.name)
