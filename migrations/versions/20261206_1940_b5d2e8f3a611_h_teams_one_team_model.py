"""One team model (branch h-teams): reports' team_memberships move into teams / team_members.

Issue 18's reports kept a free-text team per member of staff (team_memberships); issue 14's need to know
keeps teams (teams) and their members (team_members). The house rule is one definition of every concept, so
team_members, which need to know already uses, stays: each team_memberships row becomes a team (matched by
name, case-insensitively, or created) and a membership with its date (new column team_members.joined_at);
then team_memberships is dropped. Downgrade rebuilds team_memberships from each member's home team (their
earliest membership) and keeps every team and membership, so nothing is lost either way.

Revision ID: b5d2e8f3a611
Revises: c0f1d3e14a01
Create Date: 2026-12-06 19:40:00
"""

import sqlalchemy as sa
from alembic import op

from sar.models.base import UTCDateTime

revision = "b5d2e8f3a611"
down_revision = "c0f1d3e14a01"
branch_labels = None
depends_on = None

_teams = sa.table("teams", sa.column("id", sa.Integer), sa.column("name", sa.String),
                  sa.column("created_at", UTCDateTime()))
_members = sa.table("team_members", sa.column("id", sa.Integer), sa.column("team_id", sa.Integer),
                    sa.column("user_id", sa.Integer), sa.column("joined_at", UTCDateTime()))
_old = sa.table("team_memberships", sa.column("id", sa.Integer), sa.column("user_id", sa.Integer),
                sa.column("team", sa.String), sa.column("set_at", UTCDateTime()))


def upgrade() -> None:
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("joined_at", UTCDateTime(), nullable=True))
    conn = op.get_bind()
    for user_id, name, set_at in conn.execute(sa.select(_old.c.user_id, _old.c.team, _old.c.set_at)
                                              .order_by(_old.c.id)).all():
        name = (name or "").strip()
        if not name:
            continue
        team_id = conn.execute(sa.select(_teams.c.id).where(sa.func.lower(_teams.c.name) == name.lower())).scalar()
        if team_id is None:
            conn.execute(_teams.insert().values(name=name, created_at=set_at))
            team_id = conn.execute(sa.select(_teams.c.id).where(_teams.c.name == name)).scalar()
        there = conn.execute(sa.select(_members.c.id).where(_members.c.team_id == team_id,
                                                            _members.c.user_id == user_id)).scalar()
        if there is None:
            conn.execute(_members.insert().values(team_id=team_id, user_id=user_id, joined_at=set_at))
    with op.batch_alter_table("team_memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_memberships_team"))
    op.drop_table("team_memberships")
    # A closure record copies a team's name, which may now be as long as teams.name.
    with op.batch_alter_table("closure_records", schema=None) as batch_op:
        batch_op.alter_column("team", existing_type=sa.String(length=100), type_=sa.String(length=120),
                              existing_nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("closure_records", schema=None) as batch_op:
        batch_op.alter_column("team", existing_type=sa.String(length=120), type_=sa.String(length=100),
                              existing_nullable=True)
    op.create_table(
        "team_memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.Column("set_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_team_memberships_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_memberships")),
        sa.UniqueConstraint("user_id", name=op.f("uq_team_memberships_user_id")),
    )
    with op.batch_alter_table("team_memberships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_memberships_team"), ["team"], unique=False)
    conn = op.get_bind()
    first = sa.select(sa.func.min(_members.c.id)).group_by(_members.c.user_id)
    rows = conn.execute(sa.select(_members.c.user_id, _teams.c.name, _members.c.joined_at, _teams.c.created_at)
                        .join(_teams, _teams.c.id == _members.c.team_id)
                        .where(_members.c.id.in_(first)).order_by(_members.c.user_id)).all()
    for user_id, name, joined_at, created_at in rows:
        conn.execute(_old.insert().values(user_id=user_id, team=name[:100], set_at=joined_at or created_at))
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.drop_column("joined_at")
