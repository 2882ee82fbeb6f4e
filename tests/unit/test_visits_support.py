"""Raising a visit's level (提升拜访等级): the event planner or a manager supports a visit still to come;
the visitor sees it on the visit. Rules and handlers on a fake unit of work, no broker."""
from datetime import UTC, datetime, timedelta

import pytest

from kam.errors import Conflict, Forbidden, Invalid, InvalidTransition, NotFound
from kam.fakes import FakeRemote, FakeUnitOfWork
from kam.identity import Actor
from services.visits.domain import visits as rules
from services.visits.handlers import support
from services.visits.handlers import visits as visit_handlers
from services.visits.models import metadata, visits

NOW = datetime(2026, 5, 10, 8, 0, tzinfo=UTC)
PLANNER = Actor("planner-1", "planner")
MANAGER = Actor("m-1", "manager")
VISITOR = Actor("dev-1", "developer")
EVENT = {"id": "ev1", "planner_id": "planner-1", "status": "approved", "funded_amount": None,
         "ends_at": NOW + timedelta(days=10)}


def a_visit(status="approved"):
    return {"id": "v1", "status": status}


def events(found=EVENT):
    def get_event(event_id):
        if found is None:
            raise NotFound("no such event")
        return found

    return FakeRemote(get_event=get_event)


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as uow:
        uow.session.execute(visits.insert().values(
            id="v1", customer_id="c1", customer_name="王丽", visitor_id="dev-1", status="approved", planned_at=NOW,
            method="in_person", preparation={}, companions=[], created_at=NOW, updated_at=NOW))
        yield uow


def test_a_senior_leader_joining_names_the_leader():
    item = rules.support_item(a_visit(), {"kind": "senior_leader", "leader_name": " 周总 ", "note": "带新品图册"},
                              id="s1", added_by="planner-1", now=NOW)
    assert (item["kind"], item["leader_name"], item["note"], item["event_id"]) == ("senior_leader", "周总", "带新品图册",
                                                                                  None)
    with pytest.raises(Invalid) as refused:
        rules.support_item(a_visit(), {"kind": "senior_leader"}, id="s1", added_by="planner-1", now=NOW)
    assert list(refused.value.errors) == ["leader_name"]


def test_an_event_invitation_names_the_event_and_nothing_else_does():
    with pytest.raises(Invalid) as refused:
        rules.support_item(a_visit(), {"kind": "event_invitation"}, id="s1", added_by="p", now=NOW)
    assert list(refused.value.errors) == ["event_id"]
    with pytest.raises(Invalid) as refused:
        rules.support_item(a_visit(), {"kind": "headquarters_invitation", "event_id": "ev1", "leader_name": "周总"},
                           id="s1", added_by="p", now=NOW)
    assert sorted(refused.value.errors) == ["event_id", "leader_name"]


def test_a_visit_is_supported_only_before_it_is_made():
    for status in ("draft", "pending_approval", "approved"):
        rules.support_item(a_visit(status), {"kind": "headquarters_invitation"}, id="s1", added_by="p", now=NOW)
    for status in ("completed", "summarized", "rejected"):
        with pytest.raises(InvalidTransition):
            rules.support_item(a_visit(status), {"kind": "headquarters_invitation"}, id="s1", added_by="p", now=NOW)


def test_the_customer_is_invited_only_to_an_approved_event_still_to_come():
    rules.ensure_invitable_event(EVENT, NOW)
    for event in ({**EVENT, "status": "pending_approval"}, {**EVENT, "status": "cancelled"},
                  {**EVENT, "ends_at": NOW - timedelta(minutes=1)}):
        with pytest.raises(Conflict) as refused:
            rules.ensure_invitable_event(event, NOW)
        assert refused.value.error_code == "event_not_open"


def test_the_planner_and_managers_raise_a_visits_level_and_developers_do_not():
    assert rules.VISIT.actions(PLANNER, {"status": "approved"}) == ["support"]
    assert "support" not in rules.VISIT.actions(Actor("dev-1", "developer"), {"visitor_id": "dev-1",
                                                                               "status": "approved"})
    assert rules.VISIT.actions(PLANNER, {"status": "completed"}) == []


def test_a_developer_cannot_add_support(uow):
    with pytest.raises(Forbidden):
        support.add_support(uow, VISITOR, NOW, visit_id="v1", data={"kind": "headquarters_invitation"},
                            events=events())


def test_the_visitor_sees_the_support_on_the_visit(uow):
    added = support.add_support(uow, PLANNER, NOW, visit_id="v1", events=events(),
                                data={"kind": "event_invitation", "event_id": "ev1", "note": "邀请参加品鉴会"})
    support.add_support(uow, MANAGER, NOW + timedelta(minutes=1), visit_id="v1", events=events(),
                        data={"kind": "senior_leader", "leader_name": "周总"})
    seen = visit_handlers.get_visit(uow.session, VISITOR, NOW, visit_id="v1")
    assert [(s["kind"], s["added_by"]) for s in seen["support"]] == [("event_invitation", "planner-1"),
                                                                   ("senior_leader", "m-1")]
    assert seen["support"][0] == added and seen["actions"] == ["check_in", "record"]
    listed = visit_handlers.list_visits(uow.session, VISITOR, NOW, args={})
    assert [len(v["support"]) for v in listed["items"]] == [2]


def test_an_unknown_event_is_not_found_and_nothing_is_added(uow):
    with pytest.raises(NotFound):
        support.add_support(uow, PLANNER, NOW, visit_id="v1", events=events(None),
                            data={"kind": "event_invitation", "event_id": "nope"})
    assert visit_handlers.get_visit(uow.session, VISITOR, NOW, visit_id="v1")["support"] == []


def test_an_erased_customers_visits_keep_their_support_without_its_notes(uow, tmp_path):
    from kam.storage import FileStore
    from services.visits.handlers import privacy

    support.add_support(uow, PLANNER, NOW, visit_id="v1", events=events(),
                        data={"kind": "headquarters_invitation", "note": "王丽女士喜欢珍珠"})
    privacy.erase_customer(uow, {"data": {"customer_id": "c1"}}, FileStore(tmp_path / "receipts"))
    kept = visit_handlers.get_visit(uow.session, MANAGER, NOW, visit_id="v1")["support"]
    assert [(s["kind"], s["note"]) for s in kept] == [("headquarters_invitation", None)]
