"""Records in other formats, and the search log (branch h-formats, issue 17).

``documents.source_sha256`` / ``source_media_type``: the original of a document converted to PDF
(kept unchanged in the file store). ``bundle_items.attached_to_id``: the e-mail an attachment came
with. ``jobs.params``: what a background job works on (a conversion's stored originals).
``search_records``: the search on record (rulebook G-6), append-only. ``duplicate_proposals``:
near-duplicate pages and quoted e-mails proposed for a reviewer to confirm. ``record_calls``: calls
for records to other teams, chased by the worker.

Revision ID: f0c7a11e1717
Revises: a5d17c0e0b15
Create Date: 2026-12-06 19:00:00
"""

import sqlalchemy as sa
from alembic import op

import sar.models.base

revision = 'f0c7a11e1717'
down_revision = 'a5d17c0e0b15'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'record_calls',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('team', sa.String(length=200), nullable=False),
        sa.Column('what', sa.Text(), nullable=False),
        sa.Column('contact_email', sa.String(length=254), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sar.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column('last_chased_on', sa.Date(), nullable=True),
        sa.Column('chase_count', sa.Integer(), nullable=False),
        sa.Column('answered_by_id', sa.Integer(), nullable=True),
        sa.Column('answered_at', sar.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column('answer_note', sa.Text(), nullable=False),
        sa.CheckConstraint("status IN ('open','answered','withdrawn')", name=op.f('ck_record_calls_status_known')),
        sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_record_calls_request_id_requests')),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_record_calls_created_by_id_users')),
        sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_record_calls_answered_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_record_calls')),
    )
    with op.batch_alter_table('record_calls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_calls_request_id'), ['request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_record_calls_due_on'), ['due_on'], unique=False)

    op.create_table(
        'search_records',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('place', sa.String(length=40), nullable=False),
        sa.Column('place_detail', sa.String(length=200), nullable=False),
        sa.Column('terms', sa.Text(), nullable=False),
        sa.Column('date_from', sa.Date(), nullable=True),
        sa.Column('date_to', sa.Date(), nullable=True),
        sa.Column('searched_on', sa.Date(), nullable=False),
        sa.Column('searched_by_id', sa.Integer(), nullable=False),
        sa.Column('result', sa.String(length=20), nullable=False),
        sa.Column('found_count', sa.Integer(), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=False),
        sa.Column('recorded_at', sar.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("result IN ('found','none_found')", name=op.f('ck_search_records_result_known')),
        sa.CheckConstraint('found_count >= 0', name=op.f('ck_search_records_found_count_not_negative')),
        sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_search_records_request_id_requests')),
        sa.ForeignKeyConstraint(['searched_by_id'], ['users.id'], name=op.f('fk_search_records_searched_by_id_users')),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_search_records_recorded_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_search_records')),
    )
    with op.batch_alter_table('search_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_records_request_id'), ['request_id'], unique=False)

    op.create_table(
        'duplicate_proposals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('bundle_item_id', sa.Integer(), nullable=False),
        sa.Column('page', sa.Integer(), nullable=False),
        sa.Column('of_item_id', sa.Integer(), nullable=False),
        sa.Column('of_page', sa.Integer(), nullable=False),
        sa.Column('score', sa.Float(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('created_at', sar.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.Column('decided_at', sar.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('proposed','confirmed','rejected')",
                           name=op.f('ck_duplicate_proposals_status_known')),
        sa.CheckConstraint("kind IN ('page','quoted')", name=op.f('ck_duplicate_proposals_kind_known')),
        sa.ForeignKeyConstraint(['request_id'], ['requests.id'],
                                name=op.f('fk_duplicate_proposals_request_id_requests')),
        sa.ForeignKeyConstraint(['bundle_item_id'], ['bundle_items.id'],
                                name=op.f('fk_duplicate_proposals_bundle_item_id_bundle_items')),
        sa.ForeignKeyConstraint(['of_item_id'], ['bundle_items.id'],
                                name=op.f('fk_duplicate_proposals_of_item_id_bundle_items')),
        sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'],
                                name=op.f('fk_duplicate_proposals_decided_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_duplicate_proposals')),
    )
    with op.batch_alter_table('duplicate_proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duplicate_proposals_request_id'), ['request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duplicate_proposals_bundle_item_id'), ['bundle_item_id'], unique=False)

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_sha256', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('source_media_type', sa.String(length=100), nullable=True))
        batch_op.create_index(batch_op.f('ix_documents_source_sha256'), ['source_sha256'], unique=False)

    with op.batch_alter_table('bundle_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attached_to_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_bundle_items_attached_to_id'), ['attached_to_id'], unique=False)
        batch_op.create_foreign_key('fk_bundle_items_attached_to_id_bundle_items', 'bundle_items',
                                    ['attached_to_id'], ['id'])

    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('params', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('record_calls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_calls_due_on'))
        batch_op.drop_index(batch_op.f('ix_record_calls_request_id'))
    op.drop_table('record_calls')

    with op.batch_alter_table('duplicate_proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duplicate_proposals_bundle_item_id'))
        batch_op.drop_index(batch_op.f('ix_duplicate_proposals_request_id'))
    op.drop_table('duplicate_proposals')

    with op.batch_alter_table('search_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_records_request_id'))
    op.drop_table('search_records')

    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_column('params')

    with op.batch_alter_table('bundle_items', schema=None) as batch_op:
        batch_op.drop_constraint('fk_bundle_items_attached_to_id_bundle_items', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_bundle_items_attached_to_id'))
        batch_op.drop_column('attached_to_id')

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_source_sha256'))
        batch_op.drop_column('source_sha256')
        batch_op.drop_column('source_media_type')
