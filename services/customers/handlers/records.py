"""Saving and showing customer rows: what every use case shares."""
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import delete, insert

from kam.contracts import wire
from kam.db import new_id
from services.customers.domain.customer import holdings_summary
from services.customers.domain.search import name_tokens
from services.customers.models import customer_history, search_tokens
from services.customers.schemas.profile import Profile

_PROFILE = Profile()  # built once: a Schema costs more to build than to use


def save_tokens(session, customer_id, name):
    session.execute(delete(search_tokens).where(search_tokens.c.customer_id == customer_id))
    tokens = name_tokens(name)
    if tokens:
        session.execute(insert(search_tokens), [{"token": t, "customer_id": customer_id} for t in sorted(tokens)])


def record_history(session, customer_id, user_id, changes, now):
    if changes:
        session.execute(insert(customer_history).values(id=new_id(), customer_id=customer_id, at=now,
                                                        user_id=user_id, changes=wire(changes)))


def typed_key_dates(key_dates):
    """The stored key dates (checked when they came in, kept as ISO text) with their dates typed again."""
    return [{"kind": item["kind"], "date": date.fromisoformat(item["date"]), "note": item.get("note")}
            for item in key_dates or []]


def event_data(row):
    """The customer as `customer.created` / `customer.updated` carry it (never sensitive data)."""
    return {"customer_id": row["id"], "name": row["name"], "kind": row["kind"], "category": row["category"],
            "stage": row["stage"], "owner_id": row["owner_id"], "source_channel": row["source_channel"],
            "referrer_id": row["referrer_id"], "key_dates": typed_key_dates(row["key_dates"]),
            "holdings": holdings_summary(row["profile"]), "outreach_opt_out": row["outreach_opt_out"]}


def view(row, sensitive=None):
    """The customer as the API shows it; `sensitive` only when the caller may see it."""
    out = {key: row[key] for key in ("id", "name", "kind", "category", "stage", "owner_id", "phone", "wechat",
                                     "email", "outreach_opt_out", "score", "score_reasons", "erased_at",
                                     "created_at", "updated_at")}
    out.update(source={"channel": row["source_channel"], "referrer_id": row["referrer_id"],
                       "note": row["source_note"]},
               key_dates=typed_key_dates(row["key_dates"]), profile=_PROFILE.load(row["profile"] or {}),
               consent=_typed_consent(row["consent"]), revenue=row.get("revenue") or Decimal(0), erased=row["erased_at"] is not None)
    if sensitive is not None:
        out["sensitive"] = sensitive
    return out


def _typed_consent(consent):
    if not consent:
        return None
    given_at = consent.get("given_at")
    return {**consent, "given_at": datetime.fromisoformat(given_at) if given_at else None}
