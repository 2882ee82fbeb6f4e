import pytest
from marshmallow import fields

from kam.errors import ContractViolation
from kam.events import AnyEvent, ConsumedContract, Contract, make_envelope, read_envelope


class ThingHappened(Contract):
    event_type = "thing.happened"
    name = fields.String(required=True)
    amount = fields.Decimal(as_string=True, required=True)


class ThingAsRead(ConsumedContract):
    event_type = "thing.happened"
    name = fields.String(required=True)


def envelope(**data):
    return make_envelope(ThingHappened, {"name": "王丽", "amount": "12800.00", **data}, producer="things",
                         actor={"user_id": "u1", "role": "developer"}, request_id="r1")


def test_envelope_carries_type_version_producer_actor_and_request_id():
    event = envelope()
    assert {"id", "type", "version", "occurred_at", "producer", "actor", "data"} <= set(event)
    assert (event["type"], event["version"], event["producer"]) == ("thing.happened", 1, "things")
    assert event["actor"] == {"user_id": "u1", "role": "developer"} and event["request_id"] == "r1"
    assert event["data"] == {"name": "王丽", "amount": "12800.00"}


def test_an_event_that_breaks_its_contract_is_refused_on_publish():
    with pytest.raises(ContractViolation):
        make_envelope(ThingHappened, {"amount": "1.00"}, producer="things")


def test_a_consumer_reads_only_what_its_own_contract_names():
    event = read_envelope(envelope(), {("thing.happened", 1): ThingAsRead})
    assert event["data"] == {"name": "王丽"}


def test_a_consumer_refuses_an_event_that_breaks_its_contract():
    broken = envelope()
    del broken["data"]["name"]
    with pytest.raises(ContractViolation):
        read_envelope(broken, {("thing.happened", 1): ThingAsRead})


def test_a_consumer_refuses_a_version_it_has_no_contract_for():
    newer = {**envelope(), "version": 2}
    with pytest.raises(ContractViolation):
        read_envelope(newer, {("thing.happened", 1): ThingAsRead})


def test_a_malformed_envelope_is_refused():
    with pytest.raises(ContractViolation):
        read_envelope({"type": "thing.happened"}, {("#", 1): AnyEvent})


def test_a_catch_all_consumer_keeps_the_data_as_it_came():
    event = read_envelope(envelope(), {("#", 1): AnyEvent})
    assert event["data"] == {"name": "王丽", "amount": "12800.00"}
