"""Demo customers, registered through the same use cases as the API (so their events flow too)."""
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from kam.clock import clock_from_env
from kam.identity import Actor
from kam.service import open_store
from services.customers.demo_data import LINKS, ORGANIZATIONS, PEOPLE, PLANS
from services.customers.handlers import development, files, network
from services.customers.models import customers, metadata
from services.customers.rules import load_rules
from services.customers.schemas.http import CustomerIn
from services.customers.sealing import Sealer


def load(demo):
    store = open_store("customers", metadata, demo.settings)
    try:
        with store.session() as session:
            existing = session.execute(select(customers.c.id, customers.c.name, customers.c.owner_id)).mappings().all()
        if existing:
            demo.provide("customers", [dict(row) for row in existing])
            return "already loaded"
        now = clock_from_env().now()
        context = {"sealer": Sealer(demo.settings), "rules": load_rules()}
        developers = demo.users["developer"]
        manager = Actor(demo.users["manager"][0]["id"], "manager")
        created = {}
        for entry in PEOPLE:
            owner = Actor(developers[entry[3] % len(developers)]["id"], "developer")
            with store.unit_of_work(actor=owner.as_dict()) as uow:
                created[entry[0]] = files.create_customer(uow, owner, now, data=_payload(entry, created, now), **context)
                uow.commit()
        _develop(store, created, manager, now)
        demo.provide("customers", [{"id": c["id"], "name": c["name"], "owner_id": c["owner_id"]}
                                    for c in created.values()])
        return f"{len(created)} customers, {len(LINKS)} links, {len(PLANS)} development plans"
    finally:
        store.close()


def _payload(entry, created, now):
    name, kind, category, _, referrer, phone, wechat, occupation, hobbies, holdings, anniversary_in = entry
    data = {"name": name, "kind": kind, "category": category, "phone": phone, "wechat": wechat,
            "source": {"channel": "friend" if referrer else "platform",
                       "referrer_id": created[referrer]["id"] if referrer else None,
                       "note": f"{referrer}介绍" if referrer else "商会活动结识"}}
    profile = {"hobbies": hobbies,
               "holdings": [{"piece": p, "style": s, "carat": c, "certificate": cert, "quantity": 1, "amount": a,
                             "bought_where": "上海恒隆广场专柜"} for p, s, c, cert, a in holdings]}
    if occupation:
        profile.update(occupation=occupation, personality="稳重，注重品质",
                       needs={"purchase": "结婚纪念日礼物", "style": "简约经典", "decision_habits": "与配偶商量后决定"},
                       sensitivity={"product": "high", "price": "medium", "setting": "high"})
    if kind == "organization":
        profile["organization"] = ORGANIZATIONS[name]
    data["profile"] = profile
    if anniversary_in is not None:
        day = (now + timedelta(days=anniversary_in)).date()
        data["key_dates"] = [{"kind": "wedding_anniversary", "date": day.replace(year=day.year - 10).isoformat(),
                              "note": "结婚十周年" if anniversary_in < 60 else None}]
    if name == "王丽":
        data["sensitive"] = {"family": "育有一子，在读高中", "finances": "家庭年收入约 150 万元"}
        data["consent"] = {"sensitive": True, "purpose": "为结婚纪念日推荐合适预算的定制款"}
    return CustomerIn().load({k: v for k, v in data.items() if v is not None})


def _develop(store, created, manager, now):
    for a, b, kind in LINKS:
        with store.unit_of_work(actor=manager.as_dict()) as uow:
            network.link_customers(uow, manager, now, customer_id=created[a]["id"],
                                   data={"to_customer_id": created[b]["id"], "kind": kind})
            uow.commit()
    for name, text, budget, status in PLANS:
        customer = created[name]
        owner = Actor(customer["owner_id"], "developer")
        with store.unit_of_work(actor=owner.as_dict()) as uow:
            development.record_assessment(uow, owner, now, customer_id=customer["id"], data={
                "expected_revenue": Decimal("180000"), "expected_profit": Decimal("54000"),
                "costs": {"staff": Decimal("4000"), "travel": Decimal("1500"), "pr": Decimal(budget),
                          "management": Decimal("800")}, "risk_factor": Decimal("0.4")})
            uow.commit()
        with store.unit_of_work(actor=owner.as_dict()) as uow:
            plan = development.create_development_plan(uow, owner, now, data={
                "customer_id": customer["id"], "methods": ["launch_invitation", "visit"], "plan": text,
                "budget": Decimal(budget)})
            uow.commit()
        steps = {"draft": [], "pending_approval": ["submit"], "approved": ["submit", "approve"],
                 "rejected": ["submit", "reject"]}[status]
        for action in steps:
            actor = owner if action == "submit" else manager
            with store.unit_of_work(actor=actor.as_dict()) as uow:
                development.move_development_plan(uow, actor, now, plan_id=plan["id"], action=action,
                                                  reason="预算偏高，请先电话沟通" if action == "reject" else None)
                uow.commit()
    for name, channel, topic in (("王丽", "wechat", "问候并分享珠宝保养知识"), ("周婷", "phone", "邀请参加医生沙龙"),
                                 ("韩雪", "email", "滑雪季问候")):
        owner = Actor(created[name]["owner_id"], "developer")
        with store.unit_of_work(actor=owner.as_dict()) as uow:
            development.log_contact(uow, owner, now, customer_id=created[name]["id"], data={
                "channel": channel, "topic": topic, "content": "天气转凉，问候近况", "outcome": "对方回复感谢，愿意进一步了解"})
            uow.commit()
