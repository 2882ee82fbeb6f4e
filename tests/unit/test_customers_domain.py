from datetime import UTC, datetime

from services.customers.domain import register_customer


def test_a_new_customer_starts_as_a_prospect_owned_by_its_registrar():
    now = datetime(2026, 11, 27, tzinfo=UTC)
    customer = register_customer(id="c1", name="  王丽 ", kind=None, category="high_value", owner_id="u1", now=now)
    assert (customer.name, customer.kind, customer.stage, customer.owner_id) == ("王丽", "person", "prospect", "u1")
