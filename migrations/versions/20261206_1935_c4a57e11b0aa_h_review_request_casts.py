"""The officer's confirmed cast of a request's bundle, and an index for review order (branch h-review, issue 11).

Revision ID: c4a57e11b0aa
Revises: b5d2e8f3a611
Create Date: 2026-12-06 19:35:00
"""

import sqlalchemy as sa
from alembic import op

import sar.models.base


revision = 'c4a57e11b0aa'
down_revision = 'b5d2e8f3a611'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('request_casts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('people', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sar.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', sar.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_request_casts_request_id_requests')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_request_casts_updated_by_id_users')),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['users.id'],
                            name=op.f('fk_request_casts_confirmed_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_casts')),
    )
    with op.batch_alter_table('request_casts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_casts_request_id'), ['request_id'], unique=True)
    # "Next undecided proposal" on every key press of a review (sar.bundle.navigation).
    with op.batch_alter_table('redactions', schema=None) as batch_op:
        batch_op.create_index('ix_redactions_review_order', ['bundle_item_id', 'status', 'page', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('redactions', schema=None) as batch_op:
        batch_op.drop_index('ix_redactions_review_order')
    with op.batch_alter_table('request_casts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_request_casts_request_id'))
    op.drop_table('request_casts')
