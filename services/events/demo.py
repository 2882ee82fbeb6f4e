"""Demo events written through the same use cases as the API (so their events flow too): a past club
evening with attendance and its report, an approved salon ahead with answers, and a draft."""
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select

from kam.db import utcnow
from kam.errors import NotFound
from kam.identity import Actor
from kam.service import open_store
from services.events.handlers import events, invitations
from services.events.models import events as event_table
from services.events.models import metadata

PAST = {"title": "钻石鉴赏俱乐部之夜", "kind": "club", "venue": "总部三楼品鉴厅", "capacity": 20,
        "budget": Decimal("18000.00"), "description": "GIA 钻石分级讲解与晚宴，答谢老客户"}
AHEAD = {"title": "春季高级珠宝品鉴会", "kind": "appraisal_salon", "venue": "外滩华尔道夫酒店宴会厅", "capacity": 30,
         "budget": Decimal("45000.00"), "description": "1克拉以上钻石与彩色宝石新品品鉴"}
DRAFT = {"title": "珠宝保养知识培训课", "kind": "training", "venue": "总部二楼培训室", "capacity": 15,
         "budget": Decimal("5000.00"), "description": "珍珠与翡翠的日常保养"}


class DemoCustomers:
    """The customers service's answer, from the customers' demo (no RPC while loading)."""

    def __init__(self, customers):
        self.by_id = {customer["id"]: customer for customer in customers}

    def customer_summary(self, customer_id):
        if customer_id not in self.by_id:
            raise NotFound("no such customer")
        return self.by_id[customer_id]


def load(demo):
    customers = demo.provided("customers") or []
    if not customers:
        return "no demo customers to invite"
    store = open_store("events", metadata, demo.settings)
    try:
        with store.session() as session:
            if session.scalar(select(func.count()).select_from(event_table)):
                return "already loaded"
        planner = Actor(demo.users["planner"][0]["id"], "planner")
        manager = Actor(demo.users["manager"][0]["id"], "manager")
        return Loader(store, DemoCustomers(customers), planner, manager).run([c["id"] for c in customers])
    finally:
        store.close()


class Loader:
    def __init__(self, store, directory, planner, manager):
        self.store, self.directory, self.planner, self.manager = store, directory, planner, manager
        self.now = utcnow().replace(minute=0, second=0, microsecond=0)

    def change(self, actor, use_case, at, **params):
        with self.store.unit_of_work(actor=actor.as_dict()) as uow:
            result = use_case(uow, actor, at, **params)
            uow.commit()
            return result

    def run(self, customer_ids):
        past = self.event(PAST, self.now - timedelta(days=21), funded=Decimal("16000.00"))
        guests = self.invite(past, customer_ids[:8])
        for guest in guests[:6]:
            self.answer(guest, "accepted", at=past["starts_at"] - timedelta(days=3))
        for guest in guests[:5]:
            self.change(self.planner, invitations.check_in_guest, past["starts_at"], invitation_id=guest["id"])
        self.change(self.planner, events.report_event, past["ends_at"] + timedelta(hours=12), event_id=past["id"],
                    data={"summary": "五位客户到场，现场预约两次私人品鉴", "highlights": ["GIA 分级讲解反响热烈"],
                          "attendance_notes": "一位客户因出差未到"})
        ahead = self.event(AHEAD, self.now + timedelta(days=14), funded=Decimal("40000.00"))
        upcoming = self.invite(ahead, customer_ids[2:10])
        for guest, response in zip(upcoming, ("accepted",) * 4 + ("declined",), strict=False):
            self.answer(guest, response, at=self.now)
        self.change(self.planner, events.create_event, self.now,
                    data={**DRAFT, **self.times(self.now + timedelta(days=40))})
        return f"3 events, {len(guests) + len(upcoming)} invitations"

    def times(self, starts_at):
        return {"starts_at": starts_at, "ends_at": starts_at + timedelta(hours=3)}

    def event(self, data, starts_at, funded):
        planned_at = starts_at - timedelta(days=20)
        created = self.change(self.planner, events.create_event, planned_at, data={**data, **self.times(starts_at)})
        self.change(self.planner, events.submit_event, planned_at, event_id=created["id"])
        return self.change(self.manager, events.approve_event, planned_at + timedelta(days=1), event_id=created["id"],
                           data={"funded_amount": funded})

    def invite(self, event, customer_ids):
        at = min(event["starts_at"] - timedelta(days=10), self.now)
        self.change(self.planner, invitations.invite_customers, at, event_id=event["id"],
                    data={"customer_ids": customer_ids}, customers=self.directory)
        with self.store.session() as session:
            return invitations.list_invitations(session, self.planner, at, event_id=event["id"],
                                                args={"limit": 100})["items"]

    def answer(self, guest, response, at):
        self.change(self.planner, invitations.answer_invitation, at, invitation_id=guest["id"],
                    data={"response": response})
