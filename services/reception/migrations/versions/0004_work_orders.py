"""Custom-centre work orders: their money and dates on the ticket, every step in a history table,
pictures; existing custom design, repair and resale tickets moved to their kind's statuses.

open → brief / received / valued; in_progress → in_design / in_repair / listed; resolved → handed_over /
picked_up / paid_out. Nothing is dropped: each moved ticket gets a `migrate` step naming its old status.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

MONEY = ("quote", "deposit", "deposit_paid", "estimate", "asking_price", "sale_price", "commission", "payout")
MOVES = {
    "custom_design": {"open": "brief", "in_progress": "in_design", "resolved": "handed_over"},
    "repair": {"open": "received", "in_progress": "in_repair", "resolved": "picked_up"},
    "resale": {"open": "valued", "in_progress": "listed", "resolved": "paid_out"},
}

tickets = sa.table("service_tickets", sa.column("id", sa.String), sa.column("kind", sa.String),
                   sa.column("status", sa.String), sa.column("owner_id", sa.String),
                   sa.column("updated_at", sa.DateTime(timezone=True)))
steps = sa.table("service_ticket_steps", sa.column("ticket_id", sa.String), sa.column("action", sa.String),
                 sa.column("from_status", sa.String), sa.column("to_status", sa.String),
                 sa.column("by", sa.String), sa.column("by_role", sa.String),
                 sa.column("at", sa.DateTime(timezone=True)), sa.column("figures", sa.JSON))


def upgrade():
    with op.batch_alter_table("service_tickets") as batch:
        batch.add_column(sa.Column("notify_channel", sa.String(20)))
        for name in MONEY:
            batch.add_column(sa.Column(name, sa.Numeric(12, 2)))
        batch.add_column(sa.Column("commission_rate", sa.Numeric(5, 4)))
        batch.add_column(sa.Column("due_date", sa.Date))
        batch.add_column(sa.Column("until", sa.Date))
        batch.add_column(sa.Column("buyer_customer_id", sa.String(32)))
        batch.add_column(sa.Column("deal_id", sa.String(32)))
    op.create_table(
        "service_ticket_steps",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ticket_id", sa.String(32), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=False),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("by", sa.String(64)),
        sa.Column("by_role", sa.String(20)),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("figures", sa.JSON, nullable=False),
    )
    op.create_index("ix_service_ticket_steps_ticket_id", "service_ticket_steps", ["ticket_id"])
    op.create_table(
        "service_ticket_images",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("ticket_id", sa.String(32), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("filename", sa.String(255)),
        sa.Column("content_type", sa.String(50), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("stored_as", sa.String(300), nullable=False),
        sa.Column("thumbnail_as", sa.String(300), nullable=False),
        sa.Column("uploaded_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_service_ticket_images_ticket_id", "service_ticket_images", ["ticket_id"])
    _move_statuses()


def _move_statuses():
    connection = op.get_bind()
    for kind, moves in MOVES.items():
        for old, new in moves.items():
            moved = connection.execute(sa.select(tickets.c.id, tickets.c.owner_id, tickets.c.updated_at).where(
                tickets.c.kind == kind, tickets.c.status == old)).all()
            if not moved:
                continue
            connection.execute(steps.insert(), [
                {"ticket_id": row.id, "action": "migrate", "from_status": old, "to_status": new, "by": None,
                 "by_role": "system", "at": row.updated_at, "figures": {"previous_status": old}}
                for row in moved])
            connection.execute(tickets.update().where(tickets.c.kind == kind, tickets.c.status == old)
                               .values(status=new))


def downgrade():
    connection = op.get_bind()
    for kind, moves in MOVES.items():
        for old, new in moves.items():
            connection.execute(tickets.update().where(tickets.c.kind == kind, tickets.c.status == new)
                               .values(status=old))
        for statuses, old in ((("quoted", "in_production", "ready", "estimated", "sold"), "in_progress"),
                              (("returned",), "resolved")):
            connection.execute(tickets.update().where(tickets.c.kind == kind, tickets.c.status.in_(statuses))
                               .values(status=old))
    op.drop_table("service_ticket_images")
    op.drop_table("service_ticket_steps")
    with op.batch_alter_table("service_tickets") as batch:
        for name in ("deal_id", "buyer_customer_id", "until", "due_date", "commission_rate", *MONEY,
                     "notify_channel"):
            batch.drop_column(name)
