"""Document titles for released packs, and outbox rows that carry a download link slot (branch h-disclosure).

``bundle_items.title``: the staff-entered title a document is released under (NULL: "Document N");
the uploaded file name never leaves the council. ``outbox.download_link_id``: the download link whose
token the mailer mints at send time, so no plain token is ever stored.

Revision ID: d15c105e0a01
Revises: b7e4c1d9a2f0
Create Date: 2026-12-06 18:15:00
"""

import sqlalchemy as sa
from alembic import op

revision = 'd15c105e0a01'
down_revision = 'b7e4c1d9a2f0'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('bundle_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('title', sa.String(length=200), nullable=True))

    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('download_link_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_outbox_download_link_id_download_links', 'download_links',
                                    ['download_link_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_constraint('fk_outbox_download_link_id_download_links', type_='foreignkey')
        batch_op.drop_column('download_link_id')

    with op.batch_alter_table('bundle_items', schema=None) as batch_op:
        batch_op.drop_column('title')
