"""Background jobs carry a heartbeat (branch h-ops, issue 8).

A job's runner updates ``heartbeat_at`` while it works; a running job whose heartbeat is older than
``SAR_JOB_STALE_SECONDS`` lost its worker and is failed, so it can be run again at once.

Revision ID: b7e4c1d9a2f0
Revises: 321d704d75f9
Create Date: 2026-12-06 18:10:00
"""

import sqlalchemy as sa
from alembic import op

import sar.models.base


revision = 'b7e4c1d9a2f0'
down_revision = '321d704d75f9'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('heartbeat_at', sar.models.base.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_column('heartbeat_at')
