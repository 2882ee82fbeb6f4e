"""PIPL erasure in the platform's own tables: the envelopes a service keeps in its outbox and its
failed events keep ids, kinds, times and amounts of an erased customer, never identity or free text.

    erase_customer_events(uow.session, metadata, customer_id)   # in every service's customer.erased handler
"""
from sqlalchemy import select, update

# Event data fields that name, describe or point at a person, or carry free text about them.
IDENTIFYING = frozenset({
    "name", "key_dates", "holdings", "phone", "wechat", "email", "address", "place", "note", "notes",
    "reason", "reasons", "override_reason", "outcome", "topic", "content", "description", "referrer_id",
    "customer_name", "feedback", "next_steps", "summary", "needs", "location", "purpose",
})


def scrubbed(envelope, identifying=IDENTIFYING):
    """The envelope with every identifying or free-text field of its data removed."""
    data = envelope.get("data")
    if not isinstance(data, dict):
        return envelope
    return {**envelope, "data": {key: value for key, value in data.items() if key not in identifying}}


def erase_customer_events(session, metadata, customer_id, identifying=IDENTIFYING):
    """Scrub the customer's published outbox envelopes and every failed event about them (the caller
    commits). An envelope still waiting for the relay leaves whole, as its consumers' contracts expect
    (its consumers then erase what they made of it: they receive `customer.erased` after it)."""
    outbox, failed = metadata.tables["outbox"], metadata.tables["failed_events"]
    about = _about(outbox, customer_id)
    for seq, envelope in session.execute(select(outbox.c.seq, outbox.c.envelope).where(
            about, outbox.c.published_at.is_not(None))).all():
        session.execute(update(outbox).where(outbox.c.seq == seq).values(envelope=scrubbed(envelope, identifying)))
    for row_id, envelope, error in session.execute(select(failed.c.id, failed.c.envelope, failed.c.error)
                                                   .where(_about(failed, customer_id))).all():
        session.execute(update(failed).where(failed.c.id == row_id).values(
            envelope=scrubbed(envelope, identifying), error=error.split(":", 1)[0] + ": (erased under PIPL)"))


def _about(table, customer_id):
    return table.c.envelope[("data", "customer_id")].as_string() == customer_id
