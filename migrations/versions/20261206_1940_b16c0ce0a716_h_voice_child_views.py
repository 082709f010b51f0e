"""Communication needs on parties, children's competence and views, case tasks (branch h-voice, issue 16).

Revision ID: b16c0ce0a716
Revises: c4a57e11b0aa
Create Date: 2026-12-06 19:40:00
"""

import sqlalchemy as sa
from alembic import op

import sar.models.base


revision = 'b16c0ce0a716'
down_revision = 'c4a57e11b0aa'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('parties', schema=None) as batch_op:
        batch_op.add_column(sa.Column('preferred_language', sa.String(length=35), nullable=True))
        batch_op.add_column(sa.Column('interpreter_needed', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('interpreter_language', sa.String(length=35), nullable=True))
        batch_op.add_column(sa.Column('preferred_format', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('preferred_channel', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('advocate_name', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('advocate_contact', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('advocate_email', sa.String(length=320), nullable=True))
        batch_op.add_column(sa.Column('advocate_copy', sa.Boolean(), nullable=False, server_default=sa.false()))

    op.create_table('child_assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('age', sa.Integer(), nullable=False),
    sa.Column('competent', sa.Boolean(), nullable=False),
    sa.Column('understanding', sa.Text(), nullable=False),
    sa.Column('views', sa.String(length=20), nullable=False),
    sa.Column('views_text', sa.Text(), nullable=False),
    sa.Column('not_to_share', sa.Text(), nullable=False),
    sa.Column('no_parent_contact', sa.Boolean(), nullable=False),
    sa.Column('best_interests', sa.Text(), nullable=False),
    sa.Column('assessed_by_id', sa.Integer(), nullable=True),
    sa.Column('assessed_at', sar.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("views IN ('consents','refuses','partial','not_sought')", name=op.f('ck_child_assessments_views_known')),
    sa.ForeignKeyConstraint(['assessed_by_id'], ['users.id'], name=op.f('fk_child_assessments_assessed_by_id_users')),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_child_assessments_request_id_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child_assessments'))
    )
    with op.batch_alter_table('child_assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_assessments_request_id'), ['request_id'], unique=False)

    op.create_table('case_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sar.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('done_at', sar.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('done_note', sa.Text(), nullable=True),
    sa.CheckConstraint("kind IN ('interpreter_booking','accessible_format')", name=op.f('ck_case_tasks_task_kind_known')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_case_tasks_created_by_id_users')),
    sa.ForeignKeyConstraint(['party_id'], ['parties.id'], name=op.f('fk_case_tasks_party_id_parties')),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_case_tasks_request_id_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_tasks'))
    )
    with op.batch_alter_table('case_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_tasks_request_id'), ['request_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('case_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_tasks_request_id'))
    op.drop_table('case_tasks')
    with op.batch_alter_table('child_assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_assessments_request_id'))
    op.drop_table('child_assessments')
    with op.batch_alter_table('parties', schema=None) as batch_op:
        for name in ('advocate_copy', 'advocate_email', 'advocate_contact', 'advocate_name', 'preferred_channel', 'preferred_format',
                     'interpreter_language', 'interpreter_needed', 'preferred_language'):
            batch_op.drop_column(name)
