"""Keyed audit chain and the client of each event (branch h-auditops).

``audit_events.key_id``: the id of the ``SAR_AUDIT_KEY`` key whose HMAC-SHA256 signs the row.
``audit_events.client_ip`` / ``user_agent``: who (which browser, from where) caused the event.

Existing rows are not re-signed: they keep ``key_id`` NULL and their plain SHA-256 hash, and
``sar audit verify`` checks them by hash only, as an unbroken prefix before the first keyed row
(a NULL-key row after a keyed row is reported as tampering). Re-signing them would need the key
inside the migration and would overwrite the very hashes that prove they were not altered; leaving
them as they are keeps the history exactly as it was written. The first keyed row links to the last
legacy hash, so the whole history stays one chain.

Revision ID: a5d17c0e0b15
Revises: e7a3c5b1d209
Create Date: 2026-12-06 18:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = 'a5d17c0e0b15'
down_revision = 'e7a3c5b1d209'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key_id', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('client_ip', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('user_agent', sa.String(length=400), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('user_agent')
        batch_op.drop_column('client_ip')
        batch_op.drop_column('key_id')
