"""Every consumer against its producer, every caller against its callee, and the catalog page."""
from pathlib import Path

import pytest
from marshmallow import fields

from kam.catalog import markdown, problems
from kam.contracts import Calls, Held, Method, Reads, check_caller, check_consumer
from kam.events import ConsumedContract, Contract
from kam.plugins import discover

PLUGINS = discover()


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_a_consumer_requires_only_what_its_producer_guarantees(name):
    assert [line for line in problems(PLUGINS) if line.startswith(name + " ")] == []


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_every_rpc_entrypoint_of_a_service_has_its_contract(name):
    service = PLUGINS[name].load_service()
    offered = PLUGINS[name].contracts_of("OFFERS")
    entrypoints = {attr for attr in dir(service)
                   if any(type(e).__name__ == "Rpc" for e in getattr(getattr(service, attr), "nameko_entrypoints", ()))}
    assert sorted(entrypoints - set(offered) - {"health", "export_customer"}) == []


def test_the_event_catalog_is_generated_from_the_contracts():
    page = Path(__file__).parents[2] / "docs" / "EVENTS.md"
    assert page.read_text(encoding="utf-8") == markdown(PLUGINS), "run: kam plugins --markdown > docs/EVENTS.md"


class Produced(Contract):
    event_type = "thing.done"
    thing_id = fields.String(required=True)
    at = fields.DateTime(required=True)
    note = fields.String(allow_none=True)


def test_a_required_field_the_producer_does_not_guarantee_is_found():
    class NeedsMore(ConsumedContract):
        event_type = "thing.done"
        thing_id = fields.String(required=True)
        owner_id = fields.String(required=True)
        note = fields.String(required=True)

    assert check_consumer(NeedsMore, Produced) == [
        "owner_id: required here, not in the producer's contract",
        "note: required here, optional in the producer's contract",
        "note: may be null in the producer's contract",
    ]


def test_a_type_that_does_not_match_is_found_and_text_reads_anything():
    class WrongType(ConsumedContract):
        event_type = "thing.done"
        thing_id = fields.Integer(required=True)
        at = fields.String(required=True)

    assert check_consumer(WrongType, Produced) == ["thing_id: Integer here, String in the producer's"]


def test_a_caller_reads_only_what_the_callee_replies():
    class Out(Reads):
        id = fields.String()
        status = fields.String()

    class Seen(Reads):
        id = fields.String()
        owner_id = fields.String()

    assert check_caller(Calls("x", "get", Seen), Method(Out, thing_id=fields.String())) == [
        "owner_id: required here, not in the callee's contract"]


def test_every_service_offers_its_pipl_export_from_the_platform():
    class Exporter:
        name = "x"

        def contracts_of(self, kind):
            return {"OFFERS": {}, "CALLS": (Calls("y", "export_customer", Held),)}.get(kind, ())

    class Holder(Exporter):
        name = "y"

        def contracts_of(self, kind):
            return {} if kind == "OFFERS" else ()

    assert problems({"x": Exporter(), "y": Holder()}) == []
