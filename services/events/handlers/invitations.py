"""Invitations: invite by ids or by segment, the guests' answers, the door."""
from sqlalchemy import insert, or_, select, update

from kam.db import new_id
from kam.pagination import keyset_page
from kam.records import load, save
from services.events.domain import events as event_rules
from services.events.domain import invitations as rules
from services.events.models import events, invitations
from services.events.terms import INVITER_ROLES, READER_ROLES, RUNNER_ROLES


def as_output(actor, invitation, event, now):
    return {**invitation, "actions": rules.actions(actor, invitation, event, now)}


def invite_customers(uow, actor, now, *, event_id, data, customers):
    """Customers by id or by segment, both as the customers service shows them to the caller."""
    actor.require_role(*INVITER_ROLES)
    event = event_rules.SEEN.load(uow.session, events, actor, event_id)
    event_rules.ensure_invitable(event, now)
    if "segment" in data:
        candidates = customers.customers_in_segment(data["segment"])["items"]
    else:
        candidates = [customers.customer_summary(customer_id) for customer_id in dict.fromkeys(data["customer_ids"])]
    already = uow.session.scalars(select(invitations.c.customer_id).where(invitations.c.event_id == event_id))
    chosen, skipped = rules.choose_guests(candidates, set(already), actor)
    for customer in chosen:
        invitation, fact = rules.new_invitation(id=new_id(), event=event, customer=customer,
                                                invited_by=actor.user_id, now=now)
        uow.session.execute(insert(invitations).values(**invitation))
        uow.collect(fact)
    return {"invited": len(chosen), "skipped": skipped}


def list_invitations(session, actor, now, *, event_id, args):
    """The guest list; `q` finds a guest at the door by name or phone."""
    actor.require_role(*READER_ROLES)
    event = event_rules.SEEN.load(session, events, actor, event_id)
    query = select(invitations).where(invitations.c.event_id == event_id, rules.SEEN.where(actor, invitations))
    if args.get("status"):
        query = query.where(invitations.c.status == args["status"])
    if args.get("q"):
        pattern = f"%{args['q'].strip()}%"
        query = query.where(or_(invitations.c.customer_name.like(pattern), invitations.c.customer_phone.like(pattern)))
    return keyset_page(session, query, [invitations.c.created_at, invitations.c.id], limit=args.get("limit"),
                       cursor=args.get("cursor"), newest_first=False,
                       row_to_item=lambda row: as_output(actor, dict(row), event, now))


def answer_invitation(uow, actor, now, *, invitation_id, data):
    return _change(uow, actor, now, invitation_id, rules.ACTION_OF_RESPONSE[data["response"]],
                   lambda invitation, event: rules.answer(invitation, event, data["response"], now))


def check_in_guest(uow, actor, now, *, invitation_id):
    return _change(uow, actor, now, invitation_id, "check_in",
                   lambda invitation, event: rules.check_in(invitation, event, now))


def _change(uow, actor, now, invitation_id, action, decide):
    invitation = rules.SEEN.load(uow.session, invitations, actor, invitation_id, lock=True)
    if not any(step.action == action and step.by(actor, invitation) for step in rules.WORKFLOW.steps):
        actor.require_role(*RUNNER_ROLES)
    event = load(uow.session, events, invitation["event_id"], "event")
    changes, seat, fact = decide(invitation, event)
    if seat:
        _move_seat(uow.session, event, seat)
    uow.collect(fact)
    return as_output(actor, save(uow.session, invitations, invitation, changes), event, now)


def _move_seat(session, event, seat):
    """The seat is taken by one conditional UPDATE: of two guests after the last seat, one gets it."""
    condition = events.c.seats_taken < events.c.capacity if seat > 0 else events.c.seats_taken > 0
    taken = session.execute(update(events).where(events.c.id == event["id"], condition)
                            .values(seats_taken=events.c.seats_taken + seat))
    if seat > 0 and taken.rowcount == 0:
        raise rules.capacity_reached()
