"""The customer file: what a new file holds, how it changes, how far it has come, and erasure."""
from decimal import Decimal

from kam.errors import Conflict, Invalid
from services.customers.terms import ERASED_NAME, STAGES

IDENTITY_FIELDS = ("name", "phone", "wechat", "email", "source_note")
STAGE_REACHED_BY = {"development_plan.approved": "developing", "contact.logged": "contacted",
                    "visit.completed": "visited", "reception.reported": "received", "deal.closed": "won",
                    "deal.delivered": "after_sales", "guest.checked_in": "contacted"}
EDITABLE_FIELDS = ("name", "kind", "category", "phone", "wechat", "email", "source_channel", "referrer_id",
                   "source_note", "key_dates", "profile", "outreach_opt_out")


def check_consent(sensitive, consent):
    """Sensitive personal information (PIPL) is kept only with consent and a stated purpose."""
    if not sensitive:
        return
    if not (consent or {}).get("sensitive"):
        raise Invalid("sensitive data needs the customer's consent",
                      errors={"consent": ["consent.sensitive must be true to keep sensitive data"]})
    if not (consent.get("purpose") or "").strip():
        raise Invalid("sensitive data needs a stated purpose", errors={"consent": ["purpose is required"]})


def new_customer(*, id, data, owner_id, now):
    """A new key-account file starts as a prospect owned by whoever registers it."""
    check_consent(data.get("sensitive"), data.get("consent"))
    source = data.get("source") or {}
    return {
        "id": id, "name": data["name"].strip(), "kind": data.get("kind") or "person",
        "category": data.get("category"), "stage": "prospect", "owner_id": owner_id,
        "created_at": now, "updated_at": now,
        "phone": _clean(data.get("phone")), "wechat": _clean(data.get("wechat")), "email": _clean(data.get("email")),
        "source_channel": source.get("channel"), "referrer_id": source.get("referrer_id"),
        "source_note": source.get("note"),
        "key_dates": _key_dates(data.get("key_dates")), "profile": data.get("profile") or {},
        "outreach_opt_out": bool(data.get("outreach_opt_out")), "erased_at": None,
    }


def changes_from(data):
    """A PATCH body as column values (the `source` object spreads over three columns)."""
    values = {key: data[key] for key in EDITABLE_FIELDS if key in data}
    if "source" in data:
        source = data["source"] or {}
        values.update(source_channel=source.get("channel"), referrer_id=source.get("referrer_id"),
                      source_note=source.get("note"))
    if "name" in values:
        values["name"] = values["name"].strip()
    for key in ("phone", "wechat", "email"):
        if key in values:
            values[key] = _clean(values[key])
    if "key_dates" in values:
        values["key_dates"] = _key_dates(values["key_dates"])
    return values


def diff(before, values):
    """{field: {"before", "after"}} of the values that really change: the file's history."""
    return {key: {"before": before.get(key), "after": value}
            for key, value in values.items() if before.get(key) != value}


def ensure_not_erased(row):
    if row["erased_at"] is not None:
        raise Conflict("the customer's data was erased", code="customer_erased")


def further_stage(current, reached):
    """The stage is the furthest step reached: it never moves back, and it may skip steps."""
    return reached if STAGES.index(reached) > STAGES.index(current) else None


def erased_values(now):
    """Identity and sensitive data go; the id and anonymous figures (category, stage, dates) stay."""
    return {"name": ERASED_NAME, "phone": None, "wechat": None, "phone_key": None, "phone_tail": None, "wechat_key": None,
            "email": None, "source_note": None,
            "key_dates": [], "profile": {}, "sensitive_sealed": None, "consent": None,
            "outreach_opt_out": True, "erased_at": now, "updated_at": now}


def holdings(profile):
    return [h for h in (profile or {}).get("holdings") or [] if isinstance(h, dict)]


def holdings_summary(profile):
    """What events carry of the holdings: piece, style, carat, amount."""
    return [{"piece": h.get("piece") or "", "style": h.get("style"), "carat": _decimal(h.get("carat")),
             "amount": _decimal(h.get("amount"))} for h in holdings(profile)]


def _decimal(value):
    return None if value in (None, "") else Decimal(str(value))


def _clean(value):
    value = (value or "").strip()
    return value or None


def _key_dates(key_dates):
    return [{"kind": item["kind"], "date": str(item["date"]), "note": item.get("note")} for item in key_dates or []]
