"""The inbox (notifications to a user or to their role, read state per user), channel preferences, and
sending what waits for other channels."""
import logging

from sqlalchemy import and_, or_, select, update

from kam.db import utcnow
from kam.errors import NotFound
from kam.pagination import keyset_page
from services.notifications.channels import Message
from services.notifications.models import notification_reads, notifications, outgoing, preferences
from services.notifications.repository import insert_once

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
DEFAULT_PREFERENCES = {"channels": ["in_app"], "email": None, "phone": None, "wechat": None, "digest": True}


def _addressed_to(actor):
    return or_(notifications.c.recipient_id == actor.user_id,
               and_(notifications.c.recipient_id.is_(None), notifications.c.recipient_role == actor.role))


def _with_read_state(actor):
    joined = notifications.outerjoin(notification_reads, and_(
        notification_reads.c.notification_id == notifications.c.id, notification_reads.c.user_id == actor.user_id))
    return select(*notifications.c, notification_reads.c.read_at).select_from(joined).where(_addressed_to(actor))


def _view(row):
    subject = {"type": row["subject_type"], "id": row["subject_id"]} if row["subject_type"] else None
    return {**{key: row[key] for key in ("id", "kind", "title", "body", "task_id", "customer_id", "created_at")},
            "subject": subject, "read": row["read_at"] is not None}


def list_notifications(session, actor, now, *, args):
    query = _with_read_state(actor)
    if args.get("unread"):
        query = query.where(notification_reads.c.read_at.is_(None))
    return keyset_page(session, query, [notifications.c.created_at, notifications.c.id], args.get("limit"),
                       args.get("cursor"), row_to_item=_view)


def mark_read(uow, actor, now, *, notification_id):
    """Reading is per user, also for a notification sent to the whole role; reading twice is harmless."""
    query = _with_read_state(actor).where(notifications.c.id == notification_id)
    found = uow.session.execute(query).mappings().first()
    if found is None:
        raise NotFound("no such notification")
    insert_once(uow.session, notification_reads, {"notification_id": notification_id, "user_id": actor.user_id,
                                                  "read_at": now}, keys=("notification_id", "user_id"))
    return {**_view(found), "read": True}


def get_preferences(session, actor, now=None):
    row = session.execute(select(preferences).where(preferences.c.user_id == actor.user_id)).mappings().first()
    return {key: row[key] for key in DEFAULT_PREFERENCES} if row else dict(DEFAULT_PREFERENCES)


def set_preferences(uow, actor, now, *, data):
    """In-app is always on: the inbox is the record of every notification."""
    session = uow.session
    values = {**DEFAULT_PREFERENCES, **data, "role": actor.role, "updated_at": now,
              "channels": ["in_app", *sorted(set(data["channels"]) - {"in_app"})]}
    exists = session.execute(select(preferences.c.user_id).where(preferences.c.user_id == actor.user_id)).first()
    if exists:
        session.execute(update(preferences).where(preferences.c.user_id == actor.user_id).values(**values))
    else:
        session.execute(preferences.insert().values(user_id=actor.user_id, **values))
    return get_preferences(session, actor)


def dispatch_outgoing(session, channels, limit=100):
    """Send waiting messages, each claimed by one instance; a failure is retried on later ticks."""
    query = (select(outgoing, notifications.c.title, notifications.c.body)
             .join(notifications, notifications.c.id == outgoing.c.notification_id)
             .where(outgoing.c.sent_at.is_(None), outgoing.c.attempts < MAX_ATTEMPTS)
             .order_by(outgoing.c.created_at, outgoing.c.id).limit(limit))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=outgoing, skip_locked=True)
    sent = 0
    for row in session.execute(query).mappings().all():
        channel = channels.get(row["channel"])
        try:
            if channel is None:
                raise LookupError(f"channel {row['channel']!r} is not configured")
            channel.send(row["address"], Message(row["title"], row["body"]))
            changes = {"sent_at": utcnow(), "error": None}
            sent += 1
        except Exception as error:  # noqa: BLE001 - any failure of a channel is kept and retried
            log.warning("sending %s over %s failed: %s", row["id"], row["channel"], type(error).__name__)
            changes = {"error": f"{type(error).__name__}: {error}"[:2000]}
        session.execute(update(outgoing).where(outgoing.c.id == row["id"])
                        .values(attempts=outgoing.c.attempts + 1, **changes))
    session.commit()
    return sent
