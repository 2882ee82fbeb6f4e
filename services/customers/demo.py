"""Demo customers, registered through the same use case as the API (so their events flow too)."""
from sqlalchemy import func, select

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


def load(settings, users_by_role):
    developers = users_by_role["developer"]
    store = open_store("customers", metadata, settings)
    try:
        with store.session() as session:
            if session.scalar(select(func.count()).select_from(customers)):
                return "already loaded"
        for index, (name, kind, category) in enumerate(DEMO_CUSTOMERS):
            owner = developers[index % len(developers)]
            actor = Actor(owner["id"], "developer")
            with store.unit_of_work(actor=actor.as_dict()) as uow:
                handlers.create_customer(uow, actor, {"name": name, "kind": kind, "category": category})
        return f"{len(DEMO_CUSTOMERS)} customers"
    finally:
        store.close()
