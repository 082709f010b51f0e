"""Outcomes (the closure record), letters as sent, requester replies / case notes, linked cases (branch h-outcomes).

outcomes: the decision on a request and, once issued, whether it was on time (issue 13).
letters: every stage and outcome letter exactly as sent. case_messages: portal replies and
staff-only notes. clock_events.until: the estimate of a FOIA public-interest extension (F-3).
case_links: internal reviews, reconsiderations and complaints linked to a request.

Revision ID: e3a7c2b9f104
Revises: f0c7a11e1717
Create Date: 2026-12-06 19:13:19.015844
"""

import sqlalchemy as sa
from alembic import op

import sar.models.base


revision = 'e3a7c2b9f104'
down_revision = 'f0c7a11e1717'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('clock_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('until', sa.Date(), nullable=True))

    op.create_table('case_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('linked_request_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('external_reference', sa.String(length=100), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sar.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sar.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint("kind IN ('internal_review','reconsideration','sar_complaint','ico_complaint','ico_decision')", name=op.f('ck_case_links_kind_known')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_case_links_created_by_id_users')),
    sa.ForeignKeyConstraint(['linked_request_id'], ['requests.id'], name=op.f('fk_case_links_linked_request_id_requests')),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_case_links_request_id_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_links'))
    )
    with op.batch_alter_table('case_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_links_linked_request_id'), ['linked_request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_links_request_id'), ['request_id'], unique=False)

    op.create_table('case_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('visibility', sa.String(length=10), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('item_ids', sa.JSON(), nullable=False),
    sa.Column('clock_event_ids', sa.JSON(), nullable=False),
    sa.Column('created_at', sar.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("visibility IN ('requester','staff')", name=op.f('ck_case_messages_visibility_known')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_case_messages_author_id_users')),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_case_messages_request_id_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_messages'))
    )
    with op.batch_alter_table('case_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_messages_request_id'), ['request_id'], unique=False)

    op.create_table('outcomes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('held', sa.String(length=20), nullable=False),
    sa.Column('exemptions', sa.JSON(), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('search', sa.JSON(), nullable=True),
    sa.Column('advice', sa.Text(), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('supplementary', sa.Boolean(), nullable=False),
    sa.Column('letter_text', sa.Text(), nullable=False),
    sa.Column('pack_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sar.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('issued_at', sar.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('on_time', sa.Boolean(), nullable=True),
    sa.Column('days_late', sa.Integer(), nullable=True),
    sa.CheckConstraint("held IN ('held','part_held','not_held','not_applicable')", name=op.f('ck_outcomes_held_known')),
    sa.CheckConstraint("status IN ('draft','submitted','issued','superseded')", name=op.f('ck_outcomes_status_known')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_outcomes_created_by_id_users')),
    sa.ForeignKeyConstraint(['pack_id'], ['response_packs.id'], name=op.f('fk_outcomes_pack_id_response_packs')),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_outcomes_request_id_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcomes'))
    )
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcomes_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_outcomes_request_id'), ['request_id'], unique=False)

    op.create_table('letters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('template', sa.String(length=80), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.Column('dispatch', sa.String(length=10), nullable=False),
    sa.Column('posted_on', sa.Date(), nullable=True),
    sa.Column('email_id', sa.Integer(), nullable=True),
    sa.Column('clock_event_id', sa.Integer(), nullable=True),
    sa.Column('outcome_id', sa.Integer(), nullable=True),
    sa.Column('sent_by_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', sar.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("dispatch IN ('email','post')", name=op.f('ck_letters_dispatch_known')),
    sa.ForeignKeyConstraint(['clock_event_id'], ['clock_events.id'], name=op.f('fk_letters_clock_event_id_clock_events')),
    sa.ForeignKeyConstraint(['email_id'], ['outbox.id'], name=op.f('fk_letters_email_id_outbox')),
    sa.ForeignKeyConstraint(['outcome_id'], ['outcomes.id'], name=op.f('fk_letters_outcome_id_outcomes')),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_letters_request_id_requests')),
    sa.ForeignKeyConstraint(['sent_by_id'], ['users.id'], name=op.f('fk_letters_sent_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letters'))
    )
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letters_request_id'), ['request_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('clock_events', schema=None) as batch_op:
        batch_op.drop_column('until')

    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letters_request_id'))

    op.drop_table('letters')
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcomes_request_id'))
        batch_op.drop_index(batch_op.f('ix_outcomes_kind'))

    op.drop_table('outcomes')
    with op.batch_alter_table('case_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_messages_request_id'))

    op.drop_table('case_messages')
    with op.batch_alter_table('case_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_links_request_id'))
        batch_op.drop_index(batch_op.f('ix_case_links_linked_request_id'))

    op.drop_table('case_links')
