"""Demo visits in every state for the demo customers, with a pre-visit discussion, summaries, and expense
claims in every state, all written through the service's own use cases (so their events flow too)."""
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select

from kam.db import utcnow
from kam.identity import Actor
from kam.service import open_store
from services.visits.handlers import claims, discussion, hospitality, visits
from services.visits.models import metadata
from services.visits.models import visits as visits_table
from services.visits.policy import DEFAULT_MAX_DISCOUNT

PLANS = [  # (state, days from now, place, objectives, products, discount, company car, companions)
    ("draft", 9, "客户家中", "了解结婚十周年纪念礼物的想法", ["1克拉结婚周年钻戒"], "0.05", False, []),
    ("pending_approval", 5, "客户公司会议室", "介绍企业团购定制方案", ["定制徽章胸针", "珍珠项链"], "0.08", True, ["王芳"]),
    ("approved", 2, "国贸三期咖啡厅", "带iPad展示克拉钻新款，约定到店品鉴", ["1.5克拉结婚周年钻戒", "钻石耳钉"], "0.10", True,
     ["王芳"]),
    ("rejected", -3, "高尔夫球会", "球会活动中初次接触", ["彩宝手链"], "0.05", False, []),
    ("completed", -4, "客户办公室", "回访上次的选款意见", ["铂金对戒"], "0.06", True, []),
    ("summarized", -12, "客户家中", "介绍结婚周年克拉钻与私人定制服务", ["1克拉结婚周年钻戒", "私人定制设计稿"], "0.10", True,
     ["赵磊"]),
]
RECORD = {"talking_points": "介绍了结婚周年克拉钻系列和私人定制流程；客户对1克拉圆钻很感兴趣",
          "customer_feedback": "希望在结婚纪念日前拿到戒指，预算在八万元左右", "next_steps": "准备三款设计稿，邀请到店品鉴"}
SUMMARY = "客户购买意向明确，决策人为夫妻双方；下一步邀请到公司商务室品鉴，并请策划同事准备纪念日惊喜方案。"
# 规格根据公司规定: party, government and military customers (重要客户) get modest gifts and meals.
CAPS = {"important": {"gift_value": Decimal("200.00"), "meal_per_head": Decimal("150.00")}}
CLAIMS = [  # (final state, items)
    ("draft", [("travel", "86.00", "往返出租车")]),
    ("submitted", [("travel", "120.00", "公司车油费"), ("meal", "260.00", "与客户午餐")]),
    ("approved", [("gift", "380.00", "珍珠胸针礼盒")]),
    ("rejected", [("pr", "1200.00", "高尔夫球会场地费")]),
    ("reimbursed", [("travel", "64.00", "停车费"), ("other", "30.00", "资料打印")]),
]


class DemoCustomers:
    """The customers the customers' demo provided, answered as `customers.customer_summary` would."""

    def __init__(self, shared):
        self.by_id = {customer["id"]: customer for customer in shared}

    def customer_summary(self, customer_id):
        return {**self.by_id[customer_id], "category": None}


class HouseGiftsOnly:
    """The catalog as it is before its own demo has run (it builds on these visits): no gift rules yet, so
    visits take the house gift, as they would for a category the analyst has not ruled on."""

    def suggest_gift(self, category):
        return {"category": category}


def load(demo):
    customers = demo.provided("customers") or []
    if not customers:
        return "no demo customers to visit"
    store = open_store("visits", metadata, demo.settings)
    try:
        with store.session() as session:
            if session.scalar(select(func.count()).select_from(visits_table)):
                demo.provide("visits", [dict(row) for row in session.execute(select(
                    visits_table.c.id, visits_table.c.status, visits_table.c.visitor_id,
                    visits_table.c.customer_id)).mappings()])
                return "already loaded"
        manager = Actor(demo.users["manager"][0]["id"], "manager")
        now = utcnow()
        _run(store, manager, now, hospitality.set_hospitality_policy, policy={"caps": CAPS})
        summarized, planned = [], []
        for index, plan in enumerate(PLANS):
            customer = customers[index % len(customers)]
            visit = _visit_in_state(store, DemoCustomers(customers), customer, manager, plan, now)
            planned.append({key: visit[key] for key in ("id", "status", "visitor_id", "customer_id")})
            if visit["status"] == "summarized":
                summarized.append(visit)
        demo.provide("visits", planned)
        claim_count = _claims_in_every_state(store, summarized[0], manager, now) if summarized else 0
        return f"{len(PLANS)} visits, {claim_count} expense claims"
    finally:
        store.close()


def _visit_in_state(store, directory, customer, manager, plan, now):
    state, days, place, objectives, products, discount, company_car, companions = plan
    developer = Actor(customer["owner_id"], "developer")
    planned_at = now + timedelta(days=days, hours=2)
    data = {"customer_id": customer["id"], "planned_at": planned_at, "place": place, "method": "in_person",
            "objectives": objectives, "companions": companions, "budget": Decimal("800.00"),
            "preparation": {"products": products, "offers": [{"product": products[0], "discount": Decimal(discount)}],
                            "transport": {"company_car": company_car, "note": "需提前一天预约公司车" if company_car else None}}}
    earlier = min(now, planned_at) - timedelta(days=3)
    visit = _run(store, developer, earlier, visits.plan_visit, data=data, customers=directory,
                 catalog=HouseGiftsOnly())
    _run(store, manager, earlier, discussion.add_advice, visit_id=visit["id"],
         data={"advisor": "张敏", "text": "先聊客户的纪念日安排，再展示产品，不要急于报价。"})
    steps = ["submit", "approve", "record", "summarize"] if state != "rejected" else ["submit", "reject"]
    wanted = {"draft": 0, "pending_approval": 1, "approved": 2, "rejected": 2, "completed": 3, "summarized": 4}[state]
    for step in steps[:wanted]:
        visit = _step(store, step, visit, developer, manager, planned_at, now)
    return visit


def _run(store, actor, now, use_case, **params):
    """One use case in its own unit of work, committed, as its entrypoint would run it."""
    with store.unit_of_work(actor=actor.as_dict()) as uow:
        result = use_case(uow, actor, now, **params)
        uow.commit()
        return result


def _step(store, step, visit, developer, manager, planned_at, now):
    actor = manager if step in ("approve", "reject") else developer
    if step == "submit":
        return _run(store, actor, now, visits.submit_visit, visit_id=visit["id"], max_discount=DEFAULT_MAX_DISCOUNT)
    if step == "approve":
        return _run(store, actor, now, visits.approve_visit, visit_id=visit["id"], funded_amount=Decimal("600.00"),
                    catalog=HouseGiftsOnly())
    if step == "reject":
        return _run(store, actor, now, visits.reject_visit, visit_id=visit["id"], reason="球会场合不宜首次拜访，请改为电话初次沟通")
    if step == "record":
        form = {**RECORD, "occurred_at": planned_at, "next_visit_at": planned_at + timedelta(days=14)}
        return _run(store, actor, now, visits.record_visit, visit_id=visit["id"], form=form)
    return _run(store, actor, now, visits.summarize_visit, visit_id=visit["id"], text=SUMMARY)


def _claims_in_every_state(store, visit, manager, now):
    """The visit's report is accepted first (报告检查): its claims are approved only then. The other
    recorded visits wait in the manager's review queue."""
    developer = Actor(visit["visitor_id"], "developer")
    _run(store, manager, now, visits.review_visit, visit_id=visit["id"], data={"decision": "accepted"})
    for state, items in CLAIMS:
        data = {"subject": {"type": "visit", "id": visit["id"]},
                "items": [{"category": c, "amount": Decimal(a), "note": n} for c, a, n in items]}
        claim = _run(store, developer, now, claims.open_claim, data=data, customers=None, reception=None, events=None)
        if state == "draft":
            continue
        _run(store, developer, now, claims.submit_claim, claim_id=claim["id"], customers=None, reception=None, events=None)
        decisions = {"approved": ["approve"], "rejected": ["reject"], "reimbursed": ["approve", "reimburse"]}
        for decision in decisions.get(state, []):
            if decision == "approve":
                _run(store, manager, now, claims.approve_claim, claim_id=claim["id"],
                     override_reason="客户关系重要，超出部分同意报销", reception=None)
            elif decision == "reject":
                _run(store, manager, now, claims.reject_claim, claim_id=claim["id"], reason="与本次拜访无关的费用")
            else:
                _run(store, manager, now, claims.reimburse_claim, claim_id=claim["id"])
    return len(CLAIMS)
