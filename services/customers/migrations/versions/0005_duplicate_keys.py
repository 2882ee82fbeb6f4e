"""A person is entered once: the phone and WeChat as compared (normalised keys), unique where not null.

Existing rows are backfilled oldest first (by created_at, then id). Where old data already holds the
same person twice, the key stays on the oldest customer and the later ones keep their phone or WeChat
as written but get a null key: they are not refused retroactively, and a manager can merge or erase
them; any new or changed file with that phone or WeChat is refused as a duplicate of the oldest.
Erased customers get no keys. The normalisation is frozen here as it was when this ran.

Revision ID: 0005
Revises: 0004
"""
import re

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NOT_NULL = {"phone_key": "phone_key IS NOT NULL", "wechat_key": "wechat_key IS NOT NULL"}


def phone_key(phone):
    digits = re.sub(r"[\s\-.()（）]", "", phone or "")
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            return digits[len(prefix):] or None
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits or None


def wechat_key(wechat):
    return re.sub(r"\s", "", wechat or "").lower() or None


def upgrade():
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("phone_key", sa.String(40)))
        batch.add_column(sa.Column("wechat_key", sa.String(100)))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, phone, wechat FROM customers WHERE erased_at IS NULL "
                                      "ORDER BY created_at, id")).all()
    taken = {"phone_key": set(), "wechat_key": set()}
    for customer_id, phone, wechat in rows:
        keys = {}
        for column, key in (("phone_key", phone_key(phone)), ("wechat_key", wechat_key(wechat))):
            if key and key not in taken[column]:
                taken[column].add(key)
                keys[column] = key
        if keys:
            assignments = ", ".join(f"{column} = :{column}" for column in keys)
            connection.execute(sa.text(f"UPDATE customers SET {assignments} WHERE id = :id"), {**keys, "id": customer_id})
    for column, condition in NOT_NULL.items():
        op.create_index(f"uq_customers_{column}", "customers", [column], unique=True,
                        postgresql_where=sa.text(condition), sqlite_where=sa.text(condition))


def downgrade():
    for column in NOT_NULL:
        op.drop_index(f"uq_customers_{column}", table_name="customers")
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("wechat_key")
        batch.drop_column("phone_key")
