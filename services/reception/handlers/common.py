"""What every use case of the service shares: the caller's customer and list pages."""
from sqlalchemy import select

from kam.pagination import keyset_page
from services.reception.domain.access import ensure_reader, ensure_writer


def customer_of_caller(customers, actor, customer_id):
    """The customer's summary (no sensitive field, no access-log entry), as the customers service shows it
    to the caller: unseen customers are 404 there."""
    ensure_writer(actor)
    return customers.customer_summary(customer_id)


def list_page(session, actor, table, seen, *, order_column, filters, args, to_item):
    ensure_reader(actor)
    query = select(table).where(seen.where(actor, table))
    for name, value in filters.items():
        if value is not None:
            query = query.where(table.c[name] == value)
    return keyset_page(session, query, [order_column, table.c.id], limit=args.get("limit"),
                       cursor=args.get("cursor"), row_to_item=to_item)
