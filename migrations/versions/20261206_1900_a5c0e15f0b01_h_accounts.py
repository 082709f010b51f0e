"""Accounts (branch h-accounts, issue 15): two-factor, single-use links, login throttles, token expiry.

``users``: ``security_stamp`` (carried in sessions; replaced to end them), ``email_verified_at``,
``password_changed_at``, TOTP columns; the old per-account lock columns go (replaced by
``login_throttles``, which count per account+address and per address). ``api_tokens.expires_at``.
New tables ``recovery_codes``, ``account_links``, ``login_throttles``; ``outbox.account_link_id``.
Existing accounts keep working: they get a random stamp, and are taken as verified (they were made
before checks existed, by staff or by a requester who has since been dealt with by e-mail).

Revision ID: a5c0e15f0b01
Revises: d15c105e0a01
Create Date: 2026-12-06 19:00:00
"""

import sqlalchemy as sa
from alembic import op

from sar.models.base import UTCDateTime

revision = 'a5c0e15f0b01'
down_revision = 'd15c105e0a01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'account_links',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('purpose', sa.String(length=10), nullable=False),
        sa.Column('token_sha256', sa.String(length=64), nullable=False),
        sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('expires_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('used_at', UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint("purpose IN ('reset','verify')", name=op.f('ck_account_links_purpose_known')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_account_links_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_account_links')),
        sa.UniqueConstraint('token_sha256', name=op.f('uq_account_links_token_sha256')),
    )
    op.create_index(op.f('ix_account_links_user_id'), 'account_links', ['user_id'], unique=False)
    op.create_table(
        'recovery_codes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('code_hash', sa.String(length=255), nullable=False),
        sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('used_at', UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_recovery_codes_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_recovery_codes')),
    )
    op.create_index(op.f('ix_recovery_codes_user_id'), 'recovery_codes', ['user_id'], unique=False)
    op.create_table(
        'login_throttles',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=400), nullable=False),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('last_failure_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('blocked_until', UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_login_throttles')),
        sa.UniqueConstraint('key', name=op.f('uq_login_throttles_key')),
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('security_stamp', sa.String(length=32), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('email_verified_at', UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('password_changed_at', UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('totp_secret', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('totp_enabled_at', UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('totp_last_step', sa.Integer(), nullable=True))
        batch_op.drop_column('failed_logins')
        batch_op.drop_column('locked_until_at')
    op.execute("UPDATE users SET email_verified_at = created_at")
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', UTCDateTime(timezone=True), nullable=True))
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('account_link_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_outbox_account_link_id_account_links', 'account_links',
                                    ['account_link_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_constraint('fk_outbox_account_link_id_account_links', type_='foreignkey')
        batch_op.drop_column('account_link_id')
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_column('expires_at')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locked_until_at', UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), nullable=False, server_default='0'))
        batch_op.drop_column('totp_last_step')
        batch_op.drop_column('totp_enabled_at')
        batch_op.drop_column('totp_secret')
        batch_op.drop_column('password_changed_at')
        batch_op.drop_column('email_verified_at')
        batch_op.drop_column('security_stamp')
    op.drop_table('login_throttles')
    op.drop_index(op.f('ix_recovery_codes_user_id'), table_name='recovery_codes')
    op.drop_table('recovery_codes')
    op.drop_index(op.f('ix_account_links_user_id'), table_name='account_links')
    op.drop_table('account_links')
