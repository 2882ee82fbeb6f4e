"""What every use case of the service shares: loading a record, the caller's customer, list pages."""
from sqlalchemy import or_, select, true

from kam.errors import NotFound
from kam.pagination import keyset_page
from services.reception.domain.workflow import ensure_reader, ensure_writer, sees_everything


def load_row(session, table, record_id, what, for_update=False):
    query = select(table).where(table.c.id == record_id)
    row = session.execute(query.with_for_update() if for_update else query).mappings().first()
    if row is None:
        raise NotFound(f"no such {what}")
    return dict(row)


def customer_of_caller(customers, actor, customer_id):
    """The customer, as the customers service shows it to the caller: unseen customers are 404 there."""
    ensure_writer(actor)
    return customers.get_customer(customer_id)


def visible_rows(actor, table, owner_column):
    """What a developer may list: their own records and those hanging off their customers."""
    if sees_everything(actor):
        return true()
    return or_(owner_column == actor.user_id, table.c.customer_owner_id == actor.user_id)


def list_page(session, actor, table, *, owner_column, order_column, filters, args, to_item):
    ensure_reader(actor)
    query = select(table).where(visible_rows(actor, table, owner_column))
    for name, value in filters.items():
        if value is not None:
            query = query.where(table.c[name] == value)
    return keyset_page(session, query, [order_column, table.c.id], limit=args.get("limit"),
                       cursor=args.get("cursor"), row_to_item=to_item)
