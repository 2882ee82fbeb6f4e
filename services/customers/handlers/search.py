"""The customer search query: tokens for short and pinyin queries, trigram LIKE for longer ones."""
from sqlalchemy import select, union

from services.customers.domain.search import lookup_plan
from services.customers.models import customers, search_tokens

LISTED = (customers.c.id, customers.c.name, customers.c.kind, customers.c.category, customers.c.stage,
          customers.c.owner_id, customers.c.phone, customers.c.wechat, customers.c.created_at)

def search_query(session, *, q=None, category=None, stage=None, owner_id=None, ids=None):
    """Live (not erased) customers matching every given filter; ordered and paged by the caller."""
    query = select(*LISTED).where(customers.c.erased_at.is_(None))
    if ids is not None:
        query = query.where(customers.c.id.in_(ids))
    if category:
        query = query.where(customers.c.category == category)
    if stage:
        query = query.where(customers.c.stage == stage)
    if owner_id:
        query = query.where(customers.c.owner_id == owner_id)
    matches = _matching_ids(q, session.get_bind().dialect.name)
    if matches is not None:
        query = query.where(customers.c.id.in_(matches))
    return query

def _matching_ids(q, dialect):
    """A UNION of index-friendly lookups, each planned on its own index."""
    branches = []
    for how, text in lookup_plan(q):
        if how == "tokens":
            branches.append(select(search_tokens.c.customer_id.label("id")).where(search_tokens.c.token == text))
        elif how == "name":
            branches.append(select(customers.c.id).join(search_tokens, search_tokens.c.customer_id == customers.c.id)
                            .where(search_tokens.c.token == text[:2], customers.c.name.ilike(_anywhere(text), escape="\\")))
        elif how == "tail":  # digits only: nothing to escape; GLOB is SQLite's prefix match on a binary index
            tail = customers.c.phone_tail
            branches.append(select(customers.c.id).where(
                tail.like(f"{text}%") if dialect == "postgresql" else tail.op("GLOB")(f"{text}*")))
        else:
            columns = (customers.c.wechat, customers.c.phone) if text.isdigit() else (customers.c.wechat,)
            branches += [select(customers.c.id).where(column.ilike(_anywhere(text), escape="\\")) for column in columns]
    if not branches:
        return None
    return union(*branches).scalar_subquery() if len(branches) > 1 else branches[0].scalar_subquery()


def _anywhere(text):
    return f"%{_escape(text)}%"


def _escape(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
