"""Events: the envelope every fact travels in, and the contracts that check it on both ends.

A publishing service declares a `Contract` per event type it raises; a consuming service declares its
own `Contract` for what it reads (with `unknown = EXCLUDE`), so no service imports another.
"""
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from marshmallow import EXCLUDE, INCLUDE, Schema, ValidationError, fields

from kam.db import new_id, utcnow
from kam.errors import ContractViolation

EXCHANGE = "kam.events"
ENVELOPE_KEYS = ("id", "type", "version", "occurred_at", "producer", "actor", "data")


class Contract(Schema):
    """The data of one event type at one version."""

    event_type: str = ""
    version: int = 1

    @classmethod
    def of(cls, data, occurred_at=None):
        """This event, raised by the domain; the unit of work collects it and the outbox sends it."""
        return Fact(cls, data, occurred_at)


@dataclass(frozen=True)
class Fact:
    """An event the domain raised, not yet recorded."""

    contract: type
    data: dict
    occurred_at: datetime | None = None
    wire: dict | None = None  # the data already checked against the contract, as the envelope carries it

    def checked(self):
        """This fact with its data checked now (where it was made: an import's reading process), so that
        recording it later only wraps it."""
        return Fact(self.contract, self.data, self.occurred_at, checked_payload(self.contract, self.data))


class ConsumedContract(Contract):
    """What a consumer reads of an event: extra fields are tolerated, missing ones are not."""

    class Meta:
        unknown = EXCLUDE


class AnyEvent(Contract):
    """For a consumer of every event (an event store, a timeline): the data is kept as it came."""

    event_type = "#"

    class Meta:
        unknown = INCLUDE


def routing_key(contract):
    return contract.event_type


class _Actor(Schema):
    user_id = fields.String(allow_none=True, load_default=None)
    role = fields.String(allow_none=True, load_default=None)


class EnvelopeSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    id = fields.String(required=True)
    type = fields.String(required=True)
    version = fields.Integer(required=True)
    occurred_at = fields.String(required=True)
    producer = fields.String(required=True)
    actor = fields.Nested(_Actor, required=True)
    request_id = fields.String(allow_none=True, load_default=None)
    data = fields.Dict(required=True)


_ENVELOPE = EnvelopeSchema()


@cache
def schema_of(schema_cls):
    """One instance of a schema class, made once: building a Schema costs more than using it."""
    return schema_cls()


def checked_payload(contract, data):
    payload = schema_of(contract).dump(data)
    errors = schema_of(contract).validate(payload)
    if errors:
        raise ContractViolation(f"{contract.event_type} v{contract.version}: {errors}")
    return payload


def make_envelope(contract, data, *, producer, actor=None, request_id=None, occurred_at=None, wire=None):
    """Check `data` against `contract` (unless `wire` says it was) and wrap it for the bus."""
    payload = checked_payload(contract, data) if wire is None else wire
    return {
        "id": new_id(),
        "type": contract.event_type,
        "version": contract.version,
        "occurred_at": (occurred_at or utcnow()).isoformat(),
        "producer": producer,
        "actor": {"user_id": (actor or {}).get("user_id"), "role": (actor or {}).get("role")},
        "request_id": request_id,
        "data": payload,
    }


def read_envelope(body, contracts):
    """Validate an envelope received from the bus and load its data with the consumer's contract."""
    try:
        envelope = _ENVELOPE.load(body)
    except ValidationError as error:
        raise ContractViolation(f"malformed envelope: {error.messages}") from error
    contract = contracts.get((envelope["type"], envelope["version"])) or contracts.get(("#", 1))
    if contract is None:
        raise ContractViolation(f"no contract for {envelope['type']} v{envelope['version']}")
    try:
        envelope["data"] = schema_of(contract).load(envelope["data"])
    except ValidationError as error:
        raise ContractViolation(f"{envelope['type']} v{envelope['version']}: {error.messages}") from error
    return envelope
