"""Migration 0004 on PostgreSQL: tickets written under 0003 keep every field and move to their kind's
statuses, each with a `migrate` step in its history; the other kinds are left as they were."""
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import text

from kam import migrate, testing
from kam.config import Settings
from kam.db import make_engine
from services.reception.plugin import plugin

AT = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
OLD = [("t-design-open", "custom_design", "open", "brief"), ("t-design-busy", "custom_design", "in_progress", "in_design"),
       ("t-design-done", "custom_design", "resolved", "handed_over"), ("t-repair-open", "repair", "open", "received"),
       ("t-repair-busy", "repair", "in_progress", "in_repair"), ("t-repair-done", "repair", "resolved", "picked_up"),
       ("t-resale-open", "resale", "open", "valued"), ("t-resale-busy", "resale", "in_progress", "listed"),
       ("t-resale-done", "resale", "resolved", "paid_out"), ("t-care", "care", "in_progress", "in_progress")]


@pytest.fixture
def database():
    url = testing.create_database(testing.unique_name("kam_reception_0004"))
    yield url
    testing.drop_database(url)


def test_existing_tickets_move_to_their_kinds_statuses_without_losing_data(database):
    settings = Settings(database_url=database)
    migrate.upgrade("reception", plugin.migrations, settings, revision="0003")
    engine = make_engine(*settings.database_for("reception"))
    try:
        with engine.begin() as connection:
            for ticket_id, kind, status, _ in OLD:
                connection.execute(text(
                    "INSERT INTO service_tickets (id, customer_id, owner_id, kind, status, description, piece, "
                    "intake_notes, resale_mode, valuation, opened_at, updated_at) VALUES (:id, 'c-1', 'dev-1', "
                    ":kind, :status, '客户的需求', '{\"description\": \"铂金钻戒\"}', '爪口磨损', :mode, :valuation, "
                    ":at, :at)"), {"id": ticket_id, "kind": kind, "status": status, "at": AT,
                                   "mode": "consignment" if kind == "resale" else None,
                                   "valuation": Decimal("42000.00") if kind == "resale" else None})
        migrate.upgrade("reception", plugin.migrations, settings)
        with engine.connect() as connection:
            rows = {row.id: row for row in connection.execute(text("SELECT * FROM service_tickets"))}
            steps = connection.execute(text(
                "SELECT ticket_id, action, from_status, to_status FROM service_ticket_steps")).all()
    finally:
        engine.dispose()
    assert {ticket_id: rows[ticket_id].status for ticket_id, *_ in OLD} == {t: new for t, _, _, new in OLD}
    assert all(row.description == "客户的需求" and row.piece == {"description": "铂金钻戒"} for row in rows.values())
    assert rows["t-resale-busy"].valuation == Decimal("42000.00") and rows["t-resale-busy"].resale_mode == "consignment"
    assert sorted(steps) == sorted((t, "migrate", old, new) for t, kind, old, new in OLD if kind != "care")
