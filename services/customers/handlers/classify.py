"""Classification: the rules decide `potential`; a change of category is published with its reasons."""
from sqlalchemy import insert, select, update

from services.customers.contracts import CustomerClassified
from services.customers.domain.classification import category_after_scoring, is_candidate, score_customer
from services.customers.models import classification_state, customers

RULES_STATE = "potential"


def classify(uow, row, rules, referrer, requested_category, previous=None):
    """Set the category a person chose, or the one the rules give an unclassified or potential customer;
    `row` is updated in place and `customer.classified` is published when the category changes."""
    previous = row["category"] if previous is None else previous
    decided = classification_of(row, rules, referrer, requested_category)
    uow.session.execute(update(customers).where(customers.c.id == row["id"]).values(**decided))
    row.update(decided)
    if row["category"] != previous:
        uow.collect(classified(row, previous))


def classification_of(row, rules, referrer, requested_category):
    """The columns the rules (or the person's own choice) give this customer."""
    category, score, reasons = requested_category, None, None
    if is_candidate(requested_category):
        scored = score_customer(rules, row, referrer)
        category = category_after_scoring(requested_category, scored)
        score, reasons = scored.score, scored.reasons
    return {"category": category, "score": score, "score_reasons": reasons, "rules_hash": rules.hash}


def classified(row, previous):
    return CustomerClassified.of({"customer_id": row["id"], "category": row["category"],
                                  "previous_category": previous, "score": row["score"],
                                  "reasons": row["score_reasons"] or ["由开发人员或管理人员指定"]})


def rules_changed(session, rules):
    stored = session.execute(select(classification_state.c.rules_hash)
                             .where(classification_state.c.name == RULES_STATE)).scalar()
    return stored != rules.hash


def reclassify_if_the_rules_changed(uow, rules, now):
    """When the rules file's content changed, score the candidates again."""
    return reclassify_customers(uow, rules, now) if rules_changed(uow.session, rules) else 0


def reclassify_customers(uow, rules, now, batch=500):
    """Score again every live candidate whose score came from other rules; remember the rules' hash."""
    changed = 0
    while True:
        rows = uow.session.execute(
            select(customers).where(customers.c.erased_at.is_(None),
                                    customers.c.category.is_(None) | (customers.c.category == "potential"),
                                    customers.c.rules_hash.is_distinct_from(rules.hash))
            .order_by(customers.c.id).limit(batch)
            .with_for_update(skip_locked=True)).mappings().all()  # another instance's timer takes the rest
        if not rows:
            break
        referrers = _referrers(uow.session, {row["referrer_id"] for row in rows if row["referrer_id"]})
        for row in rows:
            row = dict(row)
            before = row["category"]
            classify(uow, row, rules, referrers.get(row["referrer_id"]), before)
            changed += row["category"] != before
    _remember(uow.session, rules, now)
    uow.commit()
    return changed


def _referrers(session, ids):
    if not ids:
        return {}
    rows = session.execute(select(customers.c.id, customers.c.category).where(customers.c.id.in_(ids))).mappings()
    return {row["id"]: dict(row) for row in rows}


def _remember(session, rules, now):
    moved = session.execute(update(classification_state).where(classification_state.c.name == RULES_STATE)
                            .values(rules_hash=rules.hash, evaluated_at=now)).rowcount
    if not moved:
        session.execute(insert(classification_state).values(name=RULES_STATE, rules_hash=rules.hash,
                                                            evaluated_at=now))
