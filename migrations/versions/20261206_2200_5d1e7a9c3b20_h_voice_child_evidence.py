"""A party's stated age and looked-after status: more evidence that a data subject is a child (issue 16, T-4).

Revision ID: 5d1e7a9c3b20
Revises: d5c8a0f3e911
Create Date: 2026-12-06 22:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '5d1e7a9c3b20'
down_revision = 'd5c8a0f3e911'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('parties', schema=None) as batch_op:
        batch_op.add_column(sa.Column('age_years', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('looked_after', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('parties', schema=None) as batch_op:
        batch_op.drop_column('looked_after')
        batch_op.drop_column('age_years')
