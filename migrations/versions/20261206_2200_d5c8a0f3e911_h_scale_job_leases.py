"""Job leases, retries with backoff, dead letter and per-document child jobs (branch h-scale, issue 11).

Revision ID: d5c8a0f3e911
Revises: d0e5a1c7f3b2
Create Date: 2026-12-06 22:00:00
"""

import sqlalchemy as sa
from alembic import op

import sar.models.base

revision = 'd5c8a0f3e911'
down_revision = 'd0e5a1c7f3b2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parent_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('max_attempts', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('run_after', sar.models.base.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('lease_until', sar.models.base.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('locked_by', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('last_error', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_jobs_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index('ix_jobs_claim', ['status', 'kind', 'id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_jobs_parent_id_jobs'), 'jobs', ['parent_id'], ['id'])
        batch_op.drop_constraint(batch_op.f('ck_jobs_status_known'), type_='check')
        batch_op.create_check_constraint(
            batch_op.f('ck_jobs_status_known'), "status IN ('queued','running','done','failed','dead')")


def downgrade() -> None:
    op.execute("UPDATE jobs SET status = 'failed' WHERE status = 'dead'")
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_jobs_status_known'), type_='check')
        batch_op.create_check_constraint(
            batch_op.f('ck_jobs_status_known'), "status IN ('queued','running','done','failed')")
        batch_op.drop_constraint(batch_op.f('fk_jobs_parent_id_jobs'), type_='foreignkey')
        batch_op.drop_index('ix_jobs_claim')
        batch_op.drop_index(batch_op.f('ix_jobs_parent_id'))
        batch_op.drop_column('last_error')
        batch_op.drop_column('locked_by')
        batch_op.drop_column('lease_until')
        batch_op.drop_column('run_after')
        batch_op.drop_column('max_attempts')
        batch_op.drop_column('attempts')
        batch_op.drop_column('parent_id')
