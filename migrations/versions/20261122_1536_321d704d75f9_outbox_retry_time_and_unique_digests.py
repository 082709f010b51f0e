"""Outbox retry/claim time and unique digests.

A mailer claims a row by setting ``next_attempt_at`` (a lease) and, after a failure, sets it to the
backoff time. Reminders about no request (digests) get a partial unique index on (kind, key),
because NULL request ids never collide in ``uq_reminders_once``.

Revision ID: 321d704d75f9
Revises: ab519c0346d4
Create Date: 2026-11-22 15:36:57.299652
"""

import sqlalchemy as sa
from alembic import op

import sar.models.base


revision = '321d704d75f9'
down_revision = 'ab519c0346d4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_attempt_at', sar.models.base.UTCDateTime(timezone=True), nullable=True))

    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.create_index('uq_reminders_once_global', ['kind', 'key'], unique=True, sqlite_where=sa.text('request_id IS NULL'), postgresql_where=sa.text('request_id IS NULL'))


def downgrade() -> None:
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.drop_index('uq_reminders_once_global', sqlite_where=sa.text('request_id IS NULL'), postgresql_where=sa.text('request_id IS NULL'))

    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('next_attempt_at')
