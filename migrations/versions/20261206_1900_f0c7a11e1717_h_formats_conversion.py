"""Records in other formats (branch h-formats, issue 17).

``documents.source_sha256`` / ``source_media_type``: the original of a document converted to PDF
(kept unchanged in the file store). ``bundle_items.attached_to_id``: the e-mail an attachment came
with. ``jobs.params``: what a background job works on (a conversion's stored originals).

Revision ID: f0c7a11e1717
Revises: d15c105e0a01
Create Date: 2026-12-06 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = 'f0c7a11e1717'
down_revision = 'd15c105e0a01'
branch_labels = None
depends_on = None


def upgrade() -> None:
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
