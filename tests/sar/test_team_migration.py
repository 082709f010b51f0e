"""The one-team-model migration (b5d2e8f3a611) keeps every team and membership, both ways."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from sar.core import migrate
from sar.core.db import make_engine

BEFORE = "c0f1d3e14a01"
AFTER = "b5d2e8f3a611"
AT = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _user(conn, n: int) -> int:
    conn.execute(text("INSERT INTO users (email, name, role, is_active, created_at, password_hash, security_stamp) "
                      "VALUES (:e, :n, 'officer', :a, :t, 'x', 's')"),
                 {"e": f"u{n}@example.gov.uk", "n": f"User {n}", "a": True, "t": AT})
    return conn.execute(text("SELECT id FROM users WHERE email = :e"), {"e": f"u{n}@example.gov.uk"}).scalar()


def test_team_memberships_move_into_teams_and_come_back(fresh_db_url):
    migrate.downgrade(fresh_db_url, BEFORE)
    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        u1, u2, u3 = (_user(conn, n) for n in (1, 2, 3))
        # An issue-14 team already exists under another spelling; u3 is already in it.
        conn.execute(text("INSERT INTO teams (name, created_at) VALUES ('Records Unit', :t)"), {"t": AT})
        tid = conn.execute(text("SELECT id FROM teams")).scalar()
        conn.execute(text("INSERT INTO team_members (team_id, user_id) VALUES (:t, :u)"), {"t": tid, "u": u3})
        for uid, team in ((u1, "records unit"), (u2, "Adult Records"), (u3, "Records Unit")):
            conn.execute(text("INSERT INTO team_memberships (user_id, team, set_at) VALUES (:u, :t, :s)"),
                         {"u": uid, "t": team, "s": AT})
    engine.dispose()

    migrate.upgrade(fresh_db_url, AFTER)
    engine = make_engine(fresh_db_url)
    with engine.connect() as conn:
        rows = set(conn.execute(text("SELECT t.name, m.user_id FROM team_members m JOIN teams t ON t.id = m.team_id")))
        assert rows == {("Records Unit", u1), ("Adult Records", u2), ("Records Unit", u3)}
        assert "team_memberships" not in conn.dialect.get_table_names(conn)
    engine.dispose()

    migrate.downgrade(fresh_db_url, BEFORE)
    engine = make_engine(fresh_db_url)
    with engine.connect() as conn:
        back = set(conn.execute(text("SELECT user_id, team FROM team_memberships")))
        assert back == {(u1, "Records Unit"), (u2, "Adult Records"), (u3, "Records Unit")}
        assert conn.execute(text("SELECT count(*) FROM team_members")).scalar() == 3  # kept, nothing lost
    engine.dispose()
    migrate.upgrade(fresh_db_url)
