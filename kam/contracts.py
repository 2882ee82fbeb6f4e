"""What a service promises and what it relies on, declared once in its own `contracts.py`:

    PUBLISHED = (VisitCompleted, ...)          # event Contracts it raises
    CONSUMED = (TaskCompleted, ...)            # ConsumedContracts it reads of others' events
    OFFERS = {"get_visit": Method(VisitOut, visit_id=Id())}   # its RPC methods
    CALLS = (Calls("customers", "get_customer", CustomerSeen),)  # what it reads of others' replies

`check_plugins` holds every consumer to its producer and every caller to its callee.
"""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from marshmallow import EXCLUDE, INCLUDE, Schema, ValidationError, fields, validate

from kam.errors import Invalid


def Id(**kwargs):  # noqa: N802 - used like a field class
    """An opaque record id in an RPC payload (an id too long to exist is simply not found: 404)."""
    return fields.String(required=True, validate=validate.Length(min=1), **kwargs)


def wire(value):
    """A payload as JSON would carry it, whatever the RPC serializer restored (datetimes, decimals)."""
    if isinstance(value, dict):
        return {key: wire(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [wire(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


class Method:
    """One RPC method a service offers: its parameters as marshmallow fields, in call order, and the
    schema its reply is dumped with. The service checks every call against it, whoever the caller."""

    def __init__(self, reply=None, **params):
        self.params = params
        self.reply = reply
        self._request = Schema.from_dict(params, name="Request")()
        self._reply = reply() if reply else None

    def bind(self, args, kwargs):
        names = list(self.params)
        if len(args) > len(names):
            raise Invalid("too many arguments", errors={"_schema": [f"takes {len(names)} arguments"]})
        return {**dict(zip(names, args, strict=False)), **kwargs}

    def load(self, args, kwargs):
        try:
            return self._request.load(wire(self.bind(args, kwargs)))
        except ValidationError as error:
            raise Invalid("some fields are invalid", errors=error.messages) from error

    def dump(self, result):
        return self._reply.dump(result) if self._reply else wire(result)


class Reads(Schema):
    """What a caller reads of another service's reply: fields it does not name are left out."""

    class Meta:
        unknown = EXCLUDE


class Held(Reads):
    """All a service holds on one customer (its PIPL export), read as it came."""

    class Meta:
        unknown = INCLUDE


# The RPC methods every service has from ServiceBase, whether or not its OFFERS names them.
PLATFORM_OFFERS = {"export_customer": Method(Held, customer_id=Id())}


@dataclass(frozen=True)
class Calls:
    """An RPC this service makes, and the schema (a `Reads`) of what it uses of the reply."""

    service: str
    method: str
    reads: type[Schema]

    def load(self, reply):
        schema = self.reads(many=isinstance(reply, list))
        return schema.load(wire(reply))


class ContractMismatch(AssertionError):
    pass


# A consumer's field type accepts what the producer's field types put on the wire.
_ACCEPTS = {
    fields.String: (fields.String, fields.DateTime, fields.Date, fields.Decimal, fields.Email, fields.UUID),
    fields.Dict: (fields.Dict, fields.Nested),
    fields.Number: (fields.Number,),
    fields.Float: (fields.Number,),
}


def compatible(reader, writer):
    if isinstance(reader, fields.Raw) and type(reader) is fields.Raw:
        return True
    if isinstance(reader, fields.List) and isinstance(writer, fields.List):
        return compatible(reader.inner, writer.inner)
    if isinstance(reader, fields.Nested) and isinstance(writer, fields.Nested):
        return not _missing_fields(reader.schema, writer.schema, require=False)
    for reader_type, writer_types in _ACCEPTS.items():
        if type(reader) is reader_type:
            return isinstance(writer, writer_types)
    return isinstance(writer, type(reader))


def _missing_fields(reader, writer, require, other="producer"):
    """What `reader` needs that `writer` does not promise, as readable lines."""
    problems = []
    for name, field in reader.fields.items():
        if field.load_only:
            continue
        key = field.data_key or name
        needed = field.required or not require
        written = next((f for n, f in writer.fields.items() if (f.data_key or n) == key and not f.load_only), None)
        if written is None:
            if needed:
                problems.append(f"{key}: required here, not in the {other}'s contract")
            continue
        if require and field.required and not written.required:
            problems.append(f"{key}: required here, optional in the producer's contract")
        if require and field.required and not field.allow_none and written.allow_none:
            problems.append(f"{key}: may be null in the producer's contract")
        if not compatible(field, written):
            problems.append(f"{key}: {type(field).__name__} here, {type(written).__name__} in the {other}'s")
    return problems


def check_consumer(consumed, published):
    """Lines saying what `consumed` (a ConsumedContract) needs that `published` does not guarantee."""
    return _missing_fields(consumed(), published(), require=True)


def check_caller(call, method):
    """Lines saying what `call.reads` uses that the callee's `method.reply` does not give."""
    if method.reply is None:
        return [f"{call.service}.{call.method} declares no reply schema"]
    return _missing_fields(call.reads(), method.reply(), require=False, other="callee")
