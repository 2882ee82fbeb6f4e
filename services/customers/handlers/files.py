"""The customer file: register, read (logging every read of sensitive data), change, list, history."""
from sqlalchemy import insert, select, update

from kam.contracts import wire
from kam.db import new_id
from kam.errors import KamError
from kam.pagination import keyset_page
from services.customers.contracts import CustomerCreated, CustomerUpdated
from services.customers.domain.access import CUSTOMERS, ensure_may_change, ensure_may_list, sees_sensitive
from services.customers.domain.classification import is_candidate
from services.customers.domain.customer import (
    changes_from,
    check_consent,
    diff,
    ensure_not_erased,
    new_customer,
)
from services.customers.domain.duplicates import keys_of
from services.customers.domain.search import name_tokens
from services.customers.domain.transfer import customer_actions
from services.customers.handlers.classify import classification_of, classified, classify
from services.customers.handlers.duplicates import holders, refuse_if_held, write_unique
from services.customers.handlers.records import event_data, record_history, save_tokens, view
from services.customers.handlers.search import search_query
from services.customers.models import access_log, customer_history, customers, search_tokens
from services.customers.terms import SENSITIVE_FIELDS


def register_customer(uow, actor, data, *, now, sealer, rules):
    """Save a new file and its events; the caller commits (an import commits many at once)."""
    ensure_may_change(actor)
    referrer = _referrer(uow.session, actor, (data.get("source") or {}).get("referrer_id"))
    row = _new_row(actor, data, now, sealer)
    keys = keys_of(row)
    write_unique(uow.session, actor, insert(customers).values(**row, **keys), keys)
    save_tokens(uow.session, row["id"], row["name"])
    requested_category = row["category"]
    chosen_by_hand = None if is_candidate(requested_category) else requested_category
    row["category"] = chosen_by_hand  # `customer.created` carries it; only the rules' decision is news
    classify(uow, row, rules, referrer, requested_category)
    uow.collect(CustomerCreated.of(event_data(row)))
    return row


def register_customers(uow, actor, candidates, *, now, sealer, rules):
    """Many new files at once (an import's batch): [(key, data, prepared or None)] → {key: the saved row, or
    the KamError that refuses it}, decided as `register_customer` would, with one lookup a key for all.
    `prepared` is `prepared_customer`'s, made beforehand (by the import's reading process). The caller holds
    a savepoint: a registration racing one of these rows makes the insert raise IntegrityError."""
    ensure_may_change(actor)
    outcome, ready = {}, []
    for key, data, prepared in candidates:
        try:
            ready.append((key, prepared or _prepared_here(uow.session, actor, data, now, sealer, rules)))
        except KamError as error:
            outcome[key] = error
    claimed = holders(uow.session, [prepared["keys"] for _, prepared in ready])
    saved = []
    for key, prepared in ready:
        row, keys = prepared["row"], prepared["keys"]
        try:
            refuse_if_held(actor, claimed, keys)
        except KamError as error:
            outcome[key] = error
            continue
        claimed.update({(column, value): row for column, value in keys.items() if value})
        saved.append(prepared)
        outcome[key] = row
    if saved:
        _write_batch(uow, saved)
    return outcome


def prepared_customer(actor, data, *, now, sealer, rules, referrer=None):
    """A new file as far as it is decided without the database: its row and keys, its search tokens and
    its events (`customer.created`, then `customer.classified` when the rules give it a category)."""
    row = _new_row(actor, data, now, sealer)
    requested_category = row["category"]
    chosen_by_hand = None if is_candidate(requested_category) else requested_category
    facts = [CustomerCreated.of(event_data({**row, "category": chosen_by_hand}))]
    row.update(classification_of(row, rules, referrer, requested_category))
    if row["category"] != chosen_by_hand:
        facts.append(classified(row, chosen_by_hand))
    return {"row": row, "keys": keys_of(row), "tokens": sorted(name_tokens(row["name"])),
            "facts": [fact.checked() for fact in facts]}


def _prepared_here(session, actor, data, now, sealer, rules):
    referrer = _referrer(session, actor, (data.get("source") or {}).get("referrer_id"))
    return prepared_customer(actor, data, now=now, sealer=sealer, rules=rules, referrer=referrer)


def _write_batch(uow, prepared):
    uow.session.execute(insert(customers), [{**item["row"], **item["keys"]} for item in prepared])
    tokens = [{"token": token, "customer_id": item["row"]["id"]} for item in prepared for token in item["tokens"]]
    if tokens:
        uow.session.execute(insert(search_tokens), tokens)
    uow.collect(*(fact for item in prepared for fact in item["facts"]))


def create_customer(uow, actor, now, *, data, sealer, rules):
    row = register_customer(uow, actor, data, now=now, sealer=sealer, rules=rules)
    return view(row, sensitive=data.get("sensitive"))


def get_customer(uow, actor, now, *, customer_id, sealer):
    """The file; its sensitive part only for the owner and managers, and every such read is logged."""
    row = CUSTOMERS.load(uow.session, customers, actor, customer_id)
    sensitive = None
    if sees_sensitive(actor, row) and row["sensitive_sealed"]:
        sensitive = sealer.open(row["sensitive_sealed"])
        read = [name for name in SENSITIVE_FIELDS if sensitive.get(name)]
        uow.session.execute(insert(access_log).values(id=new_id(), customer_id=customer_id, at=now,
                                                      user_id=actor.user_id, fields=read,
                                                      purpose=(row["consent"] or {}).get("purpose")))
    shown = {**view(row, sensitive), "actions": customer_actions(actor, row)}
    if shown["consent"] and not sees_sensitive(actor, row):
        shown["consent"] = {key: value for key, value in shown["consent"].items() if key != "purpose"}
    return shown


def customer_summary(session, actor, now, *, customer_id):
    """Whose the customer is and what to call them, for a service recording work on them; the caller
    must see the customer (404 otherwise). Nothing sensitive is read, so nothing is logged."""
    return CUSTOMERS.load(session, customers, actor, customer_id)


def update_customer(uow, actor, now, *, customer_id, data, sealer, rules):
    row = ensure_may_change(actor, CUSTOMERS.load(uow.session, customers, actor, customer_id))
    ensure_not_erased(row)
    values = changes_from(data)
    if "profile" in values:
        values["profile"] = wire(values["profile"])
    referrer = _referrer(uow.session, actor, values.get("referrer_id", row["referrer_id"]))
    changes = diff(row, values)
    if "sensitive" in data or "consent" in data:
        values.update(_resealed(row, data, sealer, now))
        changes["sensitive"] = {"before": "（已加密）", "after": "（已加密）"}
    if not changes:
        return view(row)
    values["updated_at"] = now
    keys = keys_of(values)
    write_unique(uow.session, actor, update(customers).where(customers.c.id == customer_id).values(**values, **keys),
                 keys, customer_id)
    if "name" in changes:
        save_tokens(uow.session, customer_id, values["name"])
    record_history(uow.session, customer_id, actor.user_id, changes, now)
    requested = values.get("category", row["category"])
    row.update(values)
    classify(uow, row, rules, referrer, requested, previous=changes.get("category", {}).get("before", row["category"]))
    uow.collect(CustomerUpdated.of({**event_data(row), "changed": sorted(changes)}))
    return view(row)


def list_customers(session, actor, now, *, args):
    ensure_may_list(actor)
    query = search_query(session, q=args.get("q"), category=args.get("category"), stage=args.get("stage"),
                         owner_id=args.get("owner_id"), ids=args.get("ids"))
    return keyset_page(session, query.where(CUSTOMERS.where(actor, customers)),
                       [customers.c.created_at, customers.c.id], args.get("limit"), args.get("cursor"))


def customer_history_page(session, actor, now, *, customer_id, limit=None, cursor=None):
    CUSTOMERS.load(session, customers, actor, customer_id)
    query = select(customer_history).where(customer_history.c.customer_id == customer_id)
    return keyset_page(session, query, [customer_history.c.at, customer_history.c.id], limit, cursor)


def _referrer(session, actor, referrer_id):
    return CUSTOMERS.load(session, customers, actor, referrer_id) if referrer_id else None


def _new_row(actor, data, now, sealer):
    row = new_customer(id=new_id(), data=data, owner_id=actor.user_id, now=now)
    row["profile"] = wire(row["profile"])
    row.update(_sealed(data, sealer, now), score=None, score_reasons=None, rules_hash=None)
    return row


def _sealed(data, sealer, now):
    sensitive = {k: v for k, v in (data.get("sensitive") or {}).items() if v}
    check_consent(sensitive, data.get("consent"))
    consent = data.get("consent")
    return {"sensitive_sealed": sealer.seal(sensitive),
            "consent": {**wire(consent), "given_at": now.isoformat()} if consent else None}


def _resealed(row, data, sealer, now):
    """New sensitive data needs consent; consent withdrawn takes the sensitive data with it."""
    consent = data.get("consent", row["consent"])
    if "sensitive" in data:
        return _sealed({"sensitive": data["sensitive"], "consent": consent}, sealer, now)
    if not (consent or {}).get("sensitive"):
        return {"sensitive_sealed": None, "consent": {**wire(consent), "given_at": now.isoformat()}}
    return {"consent": {**wire(consent), "given_at": now.isoformat()}}
