"""Demo customers, registered through the same use case as the API (so their events flow too)."""
from sqlalchemy import select

from kam.identity import Actor
from kam.service import open_store
from services.customers import handlers
from services.customers.models import customers, metadata

DEMO_CUSTOMERS = [
    ("王丽", "person", "high_value"),
    ("刘建国", "person", "important"),
    ("华信科技有限公司", "organization", "group_purchase"),
    ("周婷", "person", "potential"),
    ("金鼎集团", "organization", "strategic"),
    ("陈晓东", "person", "high_value"),
]


def load(demo):
    developers = demo.users["developer"]
    store = open_store("customers", metadata, demo.settings)
    try:
        with store.session() as session:
            existing = session.execute(select(customers.c.id, customers.c.name, customers.c.owner_id)).mappings().all()
        if existing:
            demo.shared["customers"] = [dict(row) for row in existing]
            return "already loaded"
        created = []
        for index, (name, kind, category) in enumerate(DEMO_CUSTOMERS):
            owner = developers[index % len(developers)]
            actor = Actor(owner["id"], "developer")
            with store.unit_of_work(actor=actor.as_dict()) as uow:
                customer = handlers.create_customer(uow, actor, {"name": name, "kind": kind, "category": category})
            created.append({"id": customer["id"], "name": name, "owner_id": owner["id"]})
        demo.shared["customers"] = created
        return f"{len(created)} customers"
    finally:
        store.close()
