"""Every character of a name is a search token, not only the surname: a single middle character (婉 of
上官婉宁) finds the customer. Existing customers get the tokens they lack.

Revision ID: 0012
Revises: 0011
"""
import re

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade():
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        op.execute(r"""INSERT INTO search_tokens (token, customer_id)
                       SELECT DISTINCT character, id FROM customers,
                              regexp_split_to_table(lower(regexp_replace(name, '\s', '', 'g')), '') AS character
                       WHERE erased_at IS NULL AND character <> ''
                       ON CONFLICT DO NOTHING""")
        return
    rows = connection.execute(sa.text("SELECT id, name FROM customers WHERE erased_at IS NULL")).all()
    tokens = [{"token": character, "customer_id": customer_id}
              for customer_id, name in rows for character in set(re.sub(r"\s+", "", name or "").lower())]
    insert = sa.text("INSERT OR IGNORE INTO search_tokens (token, customer_id) VALUES (:token, :customer_id)")
    for start in range(0, len(tokens), BATCH):
        connection.execute(insert, tokens[start:start + BATCH])


def downgrade():
    """The single characters stay: they are tokens like the others, and the surname was one before."""
