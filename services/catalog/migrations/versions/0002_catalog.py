"""Products and their pictures, reservations, what deals drew from stock, gift rules and handouts.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

from kam.db import UtcDateTime

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('deal_claims',
    sa.Column('deal_id', sa.String(length=32), nullable=False),
    sa.Column('product_id', sa.String(length=32), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('tracking', sa.String(length=10), nullable=False),
    sa.Column('released', sa.Boolean(), nullable=False),
    sa.Column('claimed_at', UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('deal_id', 'product_id', name=op.f('pk_deal_claims'))
    )
    op.create_table('gift_handouts',
    sa.Column('visit_id', sa.String(length=32), nullable=False),
    sa.Column('product_id', sa.String(length=32), nullable=False),
    sa.Column('customer_id', sa.String(length=32), nullable=True),
    sa.Column('category', sa.String(length=20), nullable=True),
    sa.Column('led_to_deal', sa.Boolean(), nullable=False),
    sa.Column('handed_out_at', UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('visit_id', name=op.f('pk_gift_handouts'))
    )
    with op.batch_alter_table('gift_handouts', schema=None) as batch_op:
        batch_op.create_index('ix_gift_handouts_customer', ['customer_id'], unique=False)

    op.create_table('gift_rules',
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('product_id', sa.String(length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('category', name=op.f('pk_gift_rules'))
    )
    op.create_table('product_images',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('product_id', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('content_type', sa.String(length=40), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('stored_as', sa.String(length=300), nullable=False),
    sa.Column('thumbnail_as', sa.String(length=300), nullable=False),
    sa.Column('uploaded_by', sa.String(length=64), nullable=True),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_images'))
    )
    with op.batch_alter_table('product_images', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_images_product_id'), ['product_id'], unique=False)

    op.create_table('products',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('tracking', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('reorder_level', sa.Integer(), nullable=True),
    sa.Column('list_price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('carat', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('cut', sa.String(length=40), nullable=True),
    sa.Column('color', sa.String(length=20), nullable=True),
    sa.Column('clarity', sa.String(length=20), nullable=True),
    sa.Column('metal', sa.String(length=60), nullable=True),
    sa.Column('certificate_lab', sa.String(length=40), nullable=True),
    sa.Column('certificate_number', sa.String(length=60), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.Column('updated_at', UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products'))
    )
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.create_index('ix_products_certificate', ['certificate_number'], unique=False)
        batch_op.create_index('ix_products_created', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_products_kind_status', ['kind', 'status'], unique=False)
        batch_op.create_index('uq_products_sku', ['sku'], unique=True)

    op.create_table('reservations',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('product_id', sa.String(length=32), nullable=False),
    sa.Column('subject_type', sa.String(length=20), nullable=False),
    sa.Column('subject_id', sa.String(length=32), nullable=False),
    sa.Column('customer_id', sa.String(length=32), nullable=True),
    sa.Column('developer_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('subject_at', UtcDateTime(), nullable=True),
    sa.Column('due_back_at', UtcDateTime(), nullable=True),
    sa.Column('checked_out_at', UtcDateTime(), nullable=True),
    sa.Column('returned_at', UtcDateTime(), nullable=True),
    sa.Column('overdue_at', UtcDateTime(), nullable=True),
    sa.Column('checked_out_by', sa.String(length=64), nullable=True),
    sa.Column('returned_by', sa.String(length=64), nullable=True),
    sa.Column('release_reason', sa.String(length=60), nullable=True),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.Column('updated_at', UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reservations'))
    )
    with op.batch_alter_table('reservations', schema=None) as batch_op:
        batch_op.create_index('ix_reservations_created', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_reservations_customer', ['customer_id'], unique=False)
        batch_op.create_index('ix_reservations_status_due', ['status', 'due_back_at'], unique=False)
        batch_op.create_index('ix_reservations_subject', ['subject_type', 'subject_id'], unique=False)
        batch_op.create_index('uq_reservations_held_piece', ['product_id'], unique=True, sqlite_where=sa.text("status IN ('reserved', 'checked_out')"), postgresql_where=sa.text("status IN ('reserved', 'checked_out')"))



def downgrade():
    for table in ("reservations", "products", "product_images", "gift_rules", "gift_handouts", "deal_claims"):
        op.drop_table(table)
