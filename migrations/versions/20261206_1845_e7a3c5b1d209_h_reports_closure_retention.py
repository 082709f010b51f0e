"""Closure records, teams, complaint cases, legal holds, disposal certificates, disclosure-log entries and report
indexes (branch h-reports).

The reports (issue 18) read closure records, status changes and clock events; the two indexes let
them select by period without scanning every request on PostgreSQL.

Revision ID: e7a3c5b1d209
Revises: a5c0e15f0b01
Create Date: 2026-12-06 18:45:00
"""

import sqlalchemy as sa
from alembic import op

from sar.models.base import UTCDateTime

revision = 'e7a3c5b1d209'
down_revision = 'a5c0e15f0b01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'closure_records',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('outcome', sa.String(length=20), nullable=False),
        sa.Column('codes', sa.JSON(), nullable=False),
        sa.Column('team', sa.String(length=100), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('recorded_at', UTCDateTime(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.CheckConstraint("outcome IN ('full','part','refused','not_held','ncnd','withdrawn','lapsed')",
                           name=op.f('ck_closure_records_outcome_known')),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_closure_records_recorded_by_id_users')),
        sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_closure_records_request_id_requests')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_closure_records')),
        sa.UniqueConstraint('request_id', name=op.f('uq_closure_records_request_id')),
    )
    with op.batch_alter_table('closure_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_closure_records_team'), ['team'], unique=False)

    op.create_table(
        'team_memberships',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('team', sa.String(length=100), nullable=False),
        sa.Column('set_at', UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_team_memberships_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_team_memberships')),
        sa.UniqueConstraint('user_id', name=op.f('uq_team_memberships_user_id')),
    )
    with op.batch_alter_table('team_memberships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_memberships_team'), ['team'], unique=False)

    op.create_table(
        'complaint_cases',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('opened_on', sa.Date(), nullable=False),
        sa.Column('closed_on', sa.Date(), nullable=True),
        sa.Column('outcome', sa.String(length=20), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('recorded_at', UTCDateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('internal_review','ico_complaint')", name=op.f('ck_complaint_cases_kind_known')),
        sa.CheckConstraint("outcome IN ('pending','upheld','partly_upheld','not_upheld','withdrawn')",
                           name=op.f('ck_complaint_cases_outcome_known')),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_complaint_cases_recorded_by_id_users')),
        sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_complaint_cases_request_id_requests')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_cases')),
    )
    with op.batch_alter_table('complaint_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_cases_request_id'), ['request_id'], unique=False)

    op.create_table(
        'legal_holds',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('placed_by_id', sa.Integer(), nullable=True),
        sa.Column('placed_at', UTCDateTime(), nullable=False),
        sa.Column('lifted_by_id', sa.Integer(), nullable=True),
        sa.Column('lifted_at', UTCDateTime(), nullable=True),
        sa.Column('lift_reason', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['lifted_by_id'], ['users.id'], name=op.f('fk_legal_holds_lifted_by_id_users')),
        sa.ForeignKeyConstraint(['placed_by_id'], ['users.id'], name=op.f('fk_legal_holds_placed_by_id_users')),
        sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_legal_holds_request_id_requests')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_holds')),
    )
    with op.batch_alter_table('legal_holds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legal_holds_request_id'), ['request_id'], unique=False)

    op.create_table(
        'disposal_certificates',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('reference', sa.String(length=40), nullable=False),
        sa.Column('rule', sa.String(length=100), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('approved_by_id', sa.Integer(), nullable=False),
        sa.Column('disposed_at', UTCDateTime(), nullable=False),
        sa.Column('documents_removed', sa.Integer(), nullable=False),
        sa.Column('packs_removed', sa.Integer(), nullable=False),
        sa.Column('detail', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'],
                                name=op.f('fk_disposal_certificates_approved_by_id_users')),
        sa.ForeignKeyConstraint(['request_id'], ['requests.id'],
                                name=op.f('fk_disposal_certificates_request_id_requests')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_disposal_certificates')),
        sa.UniqueConstraint('request_id', name=op.f('uq_disposal_certificates_request_id')),
    )

    op.create_table(
        'disclosure_entries',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('reference', sa.String(length=40), nullable=False),
        sa.Column('regime', sa.String(length=30), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('request_text', sa.Text(), nullable=False),
        sa.Column('response_text', sa.Text(), nullable=False),
        sa.Column('removed', sa.JSON(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('prepared_by_id', sa.Integer(), nullable=False),
        sa.Column('prepared_at', UTCDateTime(), nullable=False),
        sa.Column('approved_by_id', sa.Integer(), nullable=True),
        sa.Column('published_at', UTCDateTime(), nullable=True),
        sa.Column('withdrawn_by_id', sa.Integer(), nullable=True),
        sa.Column('withdrawn_at', UTCDateTime(), nullable=True),
        sa.Column('withdraw_reason', sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('draft','published','withdrawn')",
                           name=op.f('ck_disclosure_entries_status_known')),
        sa.CheckConstraint('approved_by_id IS NULL OR approved_by_id != prepared_by_id',
                           name=op.f('ck_disclosure_entries_no_self_approval')),
        sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'],
                                name=op.f('fk_disclosure_entries_approved_by_id_users')),
        sa.ForeignKeyConstraint(['prepared_by_id'], ['users.id'],
                                name=op.f('fk_disclosure_entries_prepared_by_id_users')),
        sa.ForeignKeyConstraint(['request_id'], ['requests.id'],
                                name=op.f('fk_disclosure_entries_request_id_requests')),
        sa.ForeignKeyConstraint(['withdrawn_by_id'], ['users.id'],
                                name=op.f('fk_disclosure_entries_withdrawn_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_disclosure_entries')),
    )
    with op.batch_alter_table('disclosure_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disclosure_entries_request_id'), ['request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_disclosure_entries_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_disclosure_entries_published_at'), ['published_at'], unique=False)

    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.create_index('ix_status_changes_to_status_at', ['to_status', 'at'], unique=False)
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.create_index('ix_requests_received_on', ['received_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.drop_index('ix_requests_received_on')
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_status_changes_to_status_at')
    with op.batch_alter_table('disclosure_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disclosure_entries_published_at'))
        batch_op.drop_index(batch_op.f('ix_disclosure_entries_status'))
        batch_op.drop_index(batch_op.f('ix_disclosure_entries_request_id'))
    op.drop_table('disclosure_entries')
    op.drop_table('disposal_certificates')
    with op.batch_alter_table('legal_holds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_legal_holds_request_id'))
    op.drop_table('legal_holds')
    with op.batch_alter_table('complaint_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_cases_request_id'))
    op.drop_table('complaint_cases')
    with op.batch_alter_table('team_memberships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_memberships_team'))
    op.drop_table('team_memberships')
    with op.batch_alter_table('closure_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_closure_records_team'))
    op.drop_table('closure_records')
