"""Demo receptions, deals, service tickets and return visits, written through the same use cases as the
API (so their events flow too), for the customers the customers' demo provided."""
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select

from kam.db import utcnow
from kam.errors import NotFound
from kam.identity import Actor
from kam.service import open_store
from services.reception.handlers import deals, receptions, return_visits, tickets, work_orders
from services.reception.models import metadata
from services.reception.models import receptions as reception_table
from services.reception.terms import GENERAL_TICKET_STATUSES, TICKET_KINDS, WORK_ORDER_STATUSES

RECEPTION_PATH = ("reported", "approved", "pending_approval", "rejected", "draft", "reported")
NEEDS = ["结婚十周年，想看1克拉以上钻戒", "为母亲七十大寿挑选翡翠手镯", "公司年会答谢礼品团购",
         "订婚对戒，偏好简约款", "收藏级彩色宝石，了解投资价值", "女儿成年礼，珍珠项链"]
ITEMS = [
    {"sku": "D-1.20-GIA", "description": "1.20克拉钻石戒指 GIA证书", "quantity": 1, "unit_price": Decimal("68800.00")},
    {"sku": "B-PT950-P", "description": "PT950情侣对戒", "quantity": 2, "unit_price": Decimal("3600.00")},
    {"sku": "J-BG-A", "description": "A货冰种翡翠手镯", "quantity": 1, "unit_price": Decimal("38000.00")},
    {"sku": "P-AKY-8", "description": "日本Akoya珍珠项链 8-8.5mm", "quantity": 1, "unit_price": Decimal("12800.00")},
    {"sku": "G-18K-GIFT", "description": "18K金生肖吊坠（答谢礼品）", "quantity": 20, "unit_price": Decimal("1880.00")},
]
TICKET_TEXT = {
    "custom_design": ("结婚十周年定制对戒，刻双方姓名缩写", None),
    "appraisal": ("祖传翡翠挂件品鉴", {"description": "翡翠观音挂件", "material": "翡翠"}),
    "care": ("钻戒年度保养：清洗、查爪", {"description": "1.20克拉钻石戒指", "certificate_no": "GIA 2141438167"}),
    "repair": ("项链搭扣损坏", {"description": "Akoya珍珠项链", "material": "18K金搭扣"}),
    "resale": ("旧款钻石耳钉寄售", {"description": "0.50克拉钻石耳钉一对", "certificate_no": "NGTC A1234567"}),
    "knowledge": ("钻石4C知识私享课", None),
    "event": ("邀请参加春季新品品鉴会", None),
}
# Each work order's road (API.md); the demo leaves one work order at each stage along it, and one down
# each side road (a declined estimate, a consignment returned).
DESIGN_ROAD = (("quote", {"amount": "38000.00", "deposit": "10000.00"}), ("pay-deposit", {"amount": "10000.00"}),
               ("approve-design", {"note": "客户确认设计稿：铂金对戒，内圈刻字"}),
               ("quality-check", {"passed": True, "note": "镶口、刻字、抛光均合格"}), ("hand-over", {}))
REPAIR_ROAD = (("estimate", {"amount": "880.00", "due_days": 7}), ("accept-estimate", {}),
               ("finish", {"note": "更换18K金搭扣并清洗"}), ("pick-up", {}))
RESALE_ROAD = (("agree", {"asking_price": "12800.00", "commission_rate": "0.15", "mode": "consignment",
                          "until_days": 90}), ("sell", {"price": "11800.00", "buyer_customer_id": None}),
               ("pay-out", {}))
WORK_ORDER_ROADS = {
    "custom_design": [DESIGN_ROAD[:n] for n in range(len(DESIGN_ROAD) + 1)],
    "repair": [REPAIR_ROAD[:n] for n in range(len(REPAIR_ROAD) + 1)] + [REPAIR_ROAD[:1] + (("decline-estimate", {}),)],
    "resale": [RESALE_ROAD[:n] for n in range(len(RESALE_ROAD) + 1)] + [RESALE_ROAD[:1] + (("return", {}),)],
}
RESOLUTIONS = {"open": None, "in_progress": None, "resolved": "已按客户要求完成并回访确认"}


class DemoCatalog:
    """The demo's deals sell things the department does not stock: every item stays free text."""

    def claim_items_for_deal(self, deal_id, customer_id, items):
        return {"deal_id": deal_id, "items": [{"sku": item["sku"], "in_catalog": False} for item in items]}

    def release_deal_items(self, deal_id):
        return {"deal_id": deal_id, "released": 0}


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
        return "no demo customers to receive"
    store = open_store("reception", metadata, demo.settings)
    try:
        with store.session() as session:
            if session.scalar(select(func.count()).select_from(reception_table)):
                return "already loaded"
        names = {user["id"]: user["display_name"] for users in demo.users.values() for user in users}
        manager = Actor(demo.users["manager"][0]["id"], "manager")
        loader = Loader(store, DemoCustomers(customers), manager, names)
        for index, customer in enumerate(customers):
            loader.customer(index, customer)
        loader.tickets(customers)
        return loader.summary()
    finally:
        store.close()


class Loader:
    def __init__(self, store, directory, manager, names):
        self.store, self.directory, self.manager, self.names = store, directory, manager, names
        self.now = utcnow()
        self.counts = {"receptions": 0, "deals": 0, "tickets": 0, "return visits": 0}

    def change(self, actor, use_case, at=None, **params):
        with self.store.unit_of_work(actor=actor.as_dict()) as uow:
            result = use_case(uow, actor, at or self.now, **params)
            uow.commit()
            return result

    def customer(self, index, customer):
        host = Actor(customer["owner_id"], "developer")
        status = RECEPTION_PATH[index % len(RECEPTION_PATH)]
        reception = self.reception(index, customer, host, status)
        if status in ("reported", "approved"):
            self.deals(index, customer, host, reception)

    def reception(self, index, customer, host, status):
        past = status in ("reported", "approved", "rejected")
        # past ones far enough back that their deal, delivery, return visit and repeat sale are past too
        scheduled = self.now + timedelta(days=-(14 + index % 26) if past else 5 + index % 20)
        meal = {"venue": "香格里拉夏宫", "accompanying_leader": "刘总", "standard": "公司标准"} if index % 2 else None
        data = {"customer_id": customer["id"], "scheduled_at": scheduled, "party_size": 1 + index % 4,
                "needs": NEEDS[index % len(NEEDS)], "location": "公司总部",
                "hosts": [self.names.get(self.manager.user_id, "部门经理"), self.names.get(host.user_id, "客户经理")],
                "arrangements": {"business_lounge": f"{1 + index % 3}号商务室", "refreshments": ["茶水", "甜点"],
                                 "meal_out": meal, "note": None}}
        created = self.change(host, receptions.create_reception, data=data, customers=self.directory,
                              at=scheduled - timedelta(days=7))
        self.counts["receptions"] += 1
        if status == "draft":
            if index == len(RECEPTION_PATH) - 2:  # the first draft: its host took it back (撤回)
                return self.change(host, receptions.withdraw_reception, reception_id=created["id"],
                                   at=scheduled - timedelta(days=6))
            return created
        self.change(host, receptions.submit_reception, reception_id=created["id"], at=scheduled - timedelta(days=6))
        if status == "pending_approval":
            return created
        decided = scheduled - timedelta(days=5)
        if status == "rejected":
            return self.change(self.manager, receptions.reject_reception, reception_id=created["id"],
                               data={"reason": "与总部年检时间冲突，请改期"}, at=decided)
        approved = self.change(self.manager, receptions.approve_reception, reception_id=created["id"],
                               data={"funded_amount": Decimal("2000.00") + 500 * index}, at=decided,
                               customers=self.directory, visits=None)  # no meal per head here: no cap to ask
        if status == "approved":
            return approved
        reported = self.change(host, receptions.report_reception, reception_id=created["id"], data={
            "experience": "客户准时到达，商务室品鉴前先沟通需求，对服务与环境评价很高",
            "products_viewed": [{"sku": item["sku"], "description": item["description"], "interest": "high"}
                                for item in ITEMS[:2]],
            "outcome": "deal", "notes": "客户希望周年纪念日前送达"}, at=scheduled + timedelta(hours=3))
        if index % 3:  # the others wait in the manager's review queue (接待报告的审查)
            return reported
        return self.change(self.manager, receptions.review_reception, reception_id=created["id"],
                           data={"decision": "accepted"}, at=scheduled + timedelta(days=1))

    def deals(self, index, customer, host, reception):
        origin = {"type": "reception", "id": reception["id"]}
        closed_at = reception["scheduled_at"] + timedelta(hours=2)
        first = self.change(host, deals.create_deal, customers=self.directory, visits=None, catalog=DemoCatalog(), data={
            "customer_id": customer["id"], "origin": origin, "items": [ITEMS[index % 2], ITEMS[3]],
            "discount": Decimal("3800.00"),
            "delivery": {"method": "home_delivery", "address": "上海市徐汇区衡山路8号", "date": closed_at.date()}},
            at=closed_at)
        self.change(host, deals.deliver_deal, deal_id=first["id"], at=closed_at + timedelta(days=3))
        self.change(host, return_visits.create_return_visit, customers=self.directory, data={
            "customer_id": customer["id"], "task_id": None, "occurred_at": closed_at + timedelta(days=10),
            "method": "phone", "content": "回访佩戴感受与售后需求", "feedback": "非常满意，夫人每天佩戴",
            "next_steps": "结婚纪念日前一个月推荐对戒"}, at=closed_at + timedelta(days=10))
        self.change(host, deals.create_deal, customers=self.directory, visits=None, catalog=DemoCatalog(), data={
            "customer_id": customer["id"], "origin": origin, "items": [ITEMS[2 + index % 3]], "discount": None,
            "delivery": {"method": "pickup", "address": None, "date": None}}, at=closed_at + timedelta(days=12))
        self.counts["deals"] += 2
        self.counts["return visits"] += 1

    def tickets(self, customers):
        general = [(kind, status) for kind in TICKET_KINDS if kind not in WORK_ORDER_STATUSES
                   for status in GENERAL_TICKET_STATUSES]
        roads = [(kind, road) for kind, kind_roads in WORK_ORDER_ROADS.items() for road in kind_roads]
        for number, (kind, status_or_road) in enumerate(general + roads):
            customer = customers[number % len(customers)]
            owner = Actor(customer["owner_id"], "developer")
            description, piece = TICKET_TEXT[kind]
            data = {"customer_id": customer["id"], "kind": kind, "description": description, "piece": piece,
                    "intake_notes": "收货检查：主体完好" if kind == "repair" else None,
                    "resale_mode": ("consignment" if number % 2 else "resale") if kind == "resale" else None,
                    "valuation": Decimal("9800.00") if kind == "resale" else None,
                    "scheduled_at": self.now + timedelta(days=14) if kind in ("knowledge", "event") else None}
            data["notify_channel"] = "wechat" if customer.get("wechat") else None
            opened_at = self.now - timedelta(days=20)
            ticket = self.change(owner, tickets.create_ticket, customers=self.directory, data=data, at=opened_at)
            self.counts["tickets"] += 1
            if kind in WORK_ORDER_STATUSES:
                self.work_order(owner, ticket, status_or_road, opened_at)
                continue
            status = status_or_road
            if status != "open":
                self.change(owner, tickets.start_ticket, ticket_id=ticket["id"])
            if status == "resolved":
                self.change(owner, tickets.resolve_ticket, ticket_id=ticket["id"], data={"resolution": RESOLUTIONS[status]})

    def work_order(self, owner, ticket, road, opened_at):
        """Walk the road a day a step, from three weeks ago: the dates the steps promise lie ahead of them."""
        for day, (action, body) in enumerate(road, start=1):
            at = opened_at + timedelta(days=day)
            body = dict(body)
            if "due_days" in body:
                body["due_date"] = (at + timedelta(days=body.pop("due_days"))).date().isoformat()
            if "until_days" in body:
                body["until"] = (at + timedelta(days=body.pop("until_days"))).date().isoformat()
            self.change(owner, work_orders.advance_work_order, ticket_id=ticket["id"], action=action, data=body,
                        customers=self.directory, at=at)

    def summary(self):
        return ", ".join(f"{count} {what}" for what, count in self.counts.items())
