"""TOTP secrets sealed at rest; audit chain format 2 (minimisable personal details) (branch h-ops).

``users.totp_secret`` widens to 255 characters and every plain secret is sealed (AES-256-GCM under the
current ``SAR_STORAGE_KEY`` key, bound to the user's id: ``sar.accounts.sealed_secrets``). Run the
upgrade with ``SAR_STORAGE_KEY`` set; without a key the secrets stay plain (still readable: the app
reads both) and a warning says so; a later enrolment seals that user's new secret.

``audit_events.fmt`` (existing rows: 1), ``personal_digest`` and ``minimised_at``: rows written from
now on are format 2, whose MAC covers a keyed digest of the personal details instead of the details,
so disposal can minimise them (``sar.core.audit``). Existing rows are not re-signed (see a5d17c0e0b15):
they keep format 1 and verify as before.

Revision ID: d0e5a1c7f3b2
Revises: b16c0ce0a716
Create Date: 2026-12-06 22:00:00
"""

import logging

import sqlalchemy as sa
from alembic import op

from sar.accounts import sealed_secrets
from sar.core.settings import Settings
from sar.core.storage import parse_storage_keys
from sar.models.base import UTCDateTime

revision = 'd0e5a1c7f3b2'
down_revision = 'b16c0ce0a716'
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")


def _ring() -> dict[str, bytes]:
    settings = Settings.from_env()
    return parse_storage_keys(settings.storage_keys) if settings.storage_keys else {}


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('totp_secret', existing_type=sa.String(length=64), type_=sa.String(length=255),
                              existing_nullable=True)
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fmt', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('personal_digest', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('minimised_at', UTCDateTime(), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL")).all()
    plain = [(uid, secret) for uid, secret in rows if not sealed_secrets.is_sealed(secret)]
    if not plain:
        return
    ring = _ring()
    if not ring:
        log.warning("SAR_STORAGE_KEY is not set: %d two-factor secret(s) left unsealed", len(plain))
        return
    for uid, secret in plain:
        bind.execute(sa.text("UPDATE users SET totp_secret = :s WHERE id = :id"),
                     {"s": sealed_secrets.seal_text(secret, f"totp:{uid}", ring), "id": uid})


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL")).all()
    sealed = [(uid, secret) for uid, secret in rows if sealed_secrets.is_sealed(secret)]
    ring = _ring() if sealed else {}
    for uid, secret in sealed:
        bind.execute(sa.text("UPDATE users SET totp_secret = :s WHERE id = :id"),
                     {"s": sealed_secrets.open_text(secret, f"totp:{uid}", ring), "id": uid})
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('minimised_at')
        batch_op.drop_column('personal_digest')
        batch_op.drop_column('fmt')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('totp_secret', existing_type=sa.String(length=255), type_=sa.String(length=64),
                              existing_nullable=True)
