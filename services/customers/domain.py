"""The customer file: entities, stages and the rules that move them."""
from dataclasses import dataclass
from datetime import datetime

KINDS = ("person", "organization")
CATEGORIES = ("important", "high_value", "group_purchase", "strategic", "potential")
STAGES = ("prospect", "developing", "contacted", "visited", "received", "won", "after_sales")


@dataclass
class Customer:
    id: str
    name: str
    kind: str
    category: str | None
    stage: str
    owner_id: str
    created_at: datetime
    updated_at: datetime


def register_customer(*, id, name, kind, category, owner_id, now):
    """A new key-account file starts as a prospect owned by whoever registers it."""
    return Customer(id=id, name=name.strip(), kind=kind or "person", category=category,
                    stage="prospect", owner_id=owner_id, created_at=now, updated_at=now)
