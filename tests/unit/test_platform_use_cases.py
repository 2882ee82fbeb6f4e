"""The platform's use-case layer, records, workflows and fakes, without a broker."""
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from marshmallow import Schema, fields
from sqlalchemy import Column, MetaData, String, Table

from kam.contracts import Id, Method
from kam.errors import Forbidden, Invalid, InvalidTransition, NotFound
from kam.events import Contract
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from kam.records import Visibility, load, save
from kam.usecase import UseCase, command, declare_entrypoints, query
from kam.workflow import Step, Workflow, owner, role

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
metadata = MetaData()
things = Table("things", metadata, Column("id", String, primary_key=True), Column("owner_id", String),
               Column("status", String))
DEV = Actor("dev-1", "developer")
MANAGER = Actor("m-1", "manager")


class ThingDone(Contract):
    event_type = "thing.done"
    thing_id = fields.String(required=True)


class ThingOut(Schema):
    id = fields.String()
    amount = fields.Decimal(as_string=True)


class FakeStore:
    def __init__(self):
        self.uow = FakeUnitOfWork(metadata)

    def unit_of_work(self):
        return self.uow

    @contextmanager
    def session(self):
        yield self.uow.session


def service_with(**use_cases):
    class Clock:
        def now(self):
            return NOW

    cls = type("Service", (), {"offers": {
        "do_thing": Method(ThingOut, thing_id=Id(), amount=fields.Decimal(required=True)),
        "read_thing": Method(thing_id=Id()),
    }, **use_cases})
    declare_entrypoints(cls)
    instance = cls()
    instance.db, instance.actor, instance.clock, instance.helper = FakeStore(), DEV, Clock(), "a dependency"
    return instance


def test_a_command_loads_its_call_by_contract_runs_in_a_unit_of_work_and_dumps_its_reply():
    seen = {}

    def do_thing(uow, actor, now, *, thing_id, amount, helper):
        seen.update(actor=actor, now=now, amount=amount, helper=helper)
        uow.collect(ThingDone.of({"thing_id": thing_id}))
        return {"id": thing_id, "amount": amount, "secret": "not in the reply"}

    service = service_with(do_thing=command(do_thing, uses=("helper",)))
    assert service.do_thing("t-1", "12.50") == {"id": "t-1", "amount": "12.50"}
    assert seen == {"actor": DEV, "now": NOW, "amount": Decimal("12.50"), "helper": "a dependency"}
    assert service.db.uow.published_types() == ["thing.done"] and service.db.uow.commits == 1


def test_a_call_that_breaks_its_contract_is_refused_field_by_field_before_the_handler_runs():
    service = service_with(do_thing=command(lambda *a, **k: pytest.fail("ran")))
    with pytest.raises(Invalid) as refused:
        service.do_thing("", "lots", extra=1)
    assert set(refused.value.errors) == {"thing_id", "amount", "extra"}


def test_a_query_reads_in_a_session_and_commits_nothing():
    service = service_with(read_thing=query(lambda session, actor, now, *, thing_id: {"id": thing_id}))
    assert service.read_thing(thing_id="t-2") == {"id": "t-2"}
    assert service.db.uow.commits == 0


def test_a_use_case_without_a_contract_stops_the_service_class_at_import():
    with pytest.raises(TypeError, match="no Method"):
        declare_entrypoints(type("Service", (), {"offers": {}, "undeclared": UseCase(print, False)}))


def test_hidden_means_404_and_only_the_owner_acts():
    uow = FakeUnitOfWork(metadata)
    uow.session.execute(things.insert().values(id="t", owner_id="dev-1", status="draft"))
    visibility = Visibility("thing", everyone=("manager",))
    assert visibility.load(uow.session, things, DEV, "t")["owner_id"] == "dev-1"
    assert visibility.load(uow.session, things, MANAGER, "t")
    with pytest.raises(NotFound):
        visibility.load(uow.session, things, Actor("dev-2", "developer"), "t")
    with pytest.raises(NotFound):
        load(uow.session, things, "missing", "thing")
    with pytest.raises(Forbidden):
        visibility.ensure_owner(MANAGER, {"owner_id": "dev-1"})
    assert save(uow.session, things, {"id": "t", "status": "draft"}, {"status": "done"})["status"] == "done"


WORK = Workflow(
    Step("submit", "draft", "pending", by=owner("owner_id")),
    Step("approve", "pending", "approved", by=role("manager")),
    Step("reject", "pending", "rejected", by=role("manager")),
)


def test_a_workflow_moves_only_by_its_steps_and_says_what_the_caller_may_do_now():
    assert WORK.target("draft", "submit") == "pending"
    with pytest.raises(InvalidTransition):
        WORK.target("approved", "approve")
    assert WORK.actions(DEV, {"status": "draft", "owner_id": "dev-1"}) == ["submit"]
    assert WORK.actions(MANAGER, {"status": "draft", "owner_id": "dev-1"}) == []
    assert WORK.actions(MANAGER, {"status": "pending", "owner_id": "dev-1"}) == ["approve", "reject"]
    assert WORK.statuses == ["draft", "pending", "approved", "rejected"]
