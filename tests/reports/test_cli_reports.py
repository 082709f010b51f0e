"""``sar report`` and ``sar retention`` as a user runs them: a real process against a committed database."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from datetime import UTC, date, datetime

import pymupdf
import pytest
from sqlalchemy.orm import Session

from sar.confidentiality import access
from sar.core.db import make_engine
from sar.core.settings import REPO_ROOT, Settings
from sar.models import AuditEvent, DisposalCertificate, Request, TeamMember, User
from sar.reports import closure
from sar.workflow.transitions import transition
from tests.factories import make_request, make_user
from tests.reports import dataset

SAR = str(REPO_ROOT / ".venv" / "bin" / "sar")


def run(*args, url, extra_env=None):
    env = {**os.environ, "SAR_DATABASE_URL": url, "SAR_ENV": "test", **(extra_env or {})}
    return subprocess.run([SAR, *args], capture_output=True, text=True, env=env, timeout=180)


@pytest.fixture
def committed(fresh_db_url, tmp_path):
    engine = make_engine(fresh_db_url)
    settings = Settings(database_url=fresh_db_url, storage_dir=tmp_path / "storage", environment="test")
    with Session(engine, expire_on_commit=False) as session:
        q = dataset.build(session, settings)
        # A FOI request withdrawn in June 2025, long enough ago for a one-year schedule.
        old = make_request(session, settings, actor=q.manager, regime="foi",
                           received_at=datetime(2025, 6, 2, 9, tzinfo=UTC), now=datetime(2025, 6, 2, 9, tzinfo=UTC))
        transition(session, old, "withdrawn", actor=q.manager, reason="test", now=datetime(2025, 6, 10, tzinfo=UTC))
        closure.record_closure(session, old, "withdrawn", actor=q.manager, now=datetime(2025, 6, 10, tzinfo=UTC))
        manager = make_user(session, "manager", email="approver@example.gov.uk")
        make_user(session, "officer", email="officer@example.gov.uk")
        session.commit()
        refs = {k: r.reference for k, r in q.requests.items()} | {"old": old.reference}
    engine.dispose()
    return fresh_db_url, refs, manager, tmp_path


def test_report_csv_has_the_hand_computed_rows(committed):
    url, _refs, _manager, _tmp = committed
    res = run("report", "timeliness", "--from", "2026-01-01", "--to", "2026-03-31", "--csv", url=url)
    assert res.returncode == 0, res.stderr
    rows = list(csv.reader(io.StringIO(res.stdout)))
    header = rows.index(["Timeliness by regime"]) + 1
    table = {r[0]: dict(zip(rows[header], r, strict=True)) for r in rows[header + 1:header + 4]}
    assert (table["foi"]["received"], table["foi"]["on time"], table["foi"]["% on time"]) == ("4", "2", "66.7")
    assert table["sar"]["days stopped"] == "4"
    text = run("report", "workload", "--from", "2026-01-01", "--to", "2026-03-31", "--team", dataset.TEAM_2, url=url)
    assert "Officer Two" in text.stdout and "Officer One" not in text.stdout


def test_report_pack_is_a_pdf_with_every_report(committed):
    url, _refs, _manager, tmp = committed
    out = tmp / "pack.pdf"
    res = run("report", "pack", "--from", "2026-01-01", "--to", "2026-03-31", "--out", str(out), url=url)
    assert res.returncode == 0, res.stderr
    with pymupdf.open(out) as doc:
        text = "".join(page.get_text() for page in doc)
        assert doc.page_count >= 8
    for title in ("Timeliness by regime", "Outcomes by regime", "Workload by officer", "FOIA-S40-2"):
        assert title in text


@pytest.mark.parametrize("args, message", [
    (("report", "timeliness", "--from", "2026-03-31", "--to", "2026-01-01"), "before it starts"),
    (("report", "timeliness", "--from", "2026-01-01", "--to", "2026-03-31", "--regime", "martian"), "unknown regime"),
    (("report", "pack", "--from", "2026-01-01", "--to", "2026-03-31"), "--out"),
])
def test_bad_report_arguments_exit_2(committed, args, message):
    res = run(*args, url=committed[0])
    assert res.returncode == 2 and message in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_retention_dry_run_then_manager_approved_disposal(committed):
    url, refs, _manager, tmp = committed
    schedule = tmp / "schedule.json"
    schedule.write_text(json.dumps({"rules": [{"name": "foi-1y", "regimes": ["foi"], "years_after_closure": 1}],
                                    "complaint": {"years_after_complaint_closed": 6}}))
    env = {"SAR_RETENTION_SCHEDULE": str(schedule), "SAR_STORAGE_DIR": str(tmp / "storage")}
    due = run("retention", "due", url=url, extra_env=env)
    assert due.returncode == 0 and refs["old"] in due.stdout and refs["A"] not in due.stdout
    dry = run("retention", "dispose", "--approved-by", "approver@example.gov.uk", url=url, extra_env=env)
    assert dry.returncode == 0 and "dry run" in dry.stdout
    officer = run("retention", "dispose", "--approved-by", "officer@example.gov.uk", "--confirm", url=url,
                  extra_env=env)
    assert officer.returncode == 1 and "manager" in officer.stderr
    done = run("retention", "dispose", "--approved-by", "approver@example.gov.uk", "--confirm", url=url,
               extra_env=env)
    assert done.returncode == 0, done.stderr
    assert f"disposed {refs['old']}" in done.stdout
    engine = make_engine(url)
    with Session(engine) as session:
        req = session.query(Request).filter_by(reference=refs["old"]).one()
        assert session.query(DisposalCertificate).filter_by(request_id=req.id).count() == 1
        assert req.received_on == date(2025, 6, 2) and req.status == "withdrawn"
        minimised = session.query(AuditEvent).filter(AuditEvent.request_id == req.id,
                                                     AuditEvent.minimised_at.is_not(None)).count()
        assert minimised >= 1
    engine.dispose()
    # Issue 18: the audit events stay, minimised, and the chain still verifies, saying so.
    verified = run("audit", "verify", url=url, extra_env=env)
    assert verified.returncode == 0, verified.stderr
    assert f"{minimised} rows minimised on disposal" in verified.stdout


def test_team_membership_from_the_cli(committed):
    url = committed[0]
    ok = run("team", "officer@example.gov.uk", "Adult Records", "--by", "approver@example.gov.uk", url=url)
    assert ok.returncode == 0 and "Adult Records" in ok.stdout
    res = run("report", "workload", "--from", "2026-01-01", "--to", "2026-03-31", "--team", "Adult Records", url=url)
    assert res.returncode == 0
    refused = run("team", "approver@example.gov.uk", "X", "--by", "officer@example.gov.uk", url=url)
    assert refused.returncode == 1 and "manager" in refused.stderr


def test_the_cli_and_the_teams_page_share_one_team_model(committed):
    """`sar team` writes the teams need to know uses (sar.confidentiality.access), and --remove undoes it."""
    url = committed[0]
    assert run("team", "officer@example.gov.uk", "Adult Records", "--by", "approver@example.gov.uk",
               url=url).returncode == 0
    engine = make_engine(url)

    def members():
        with Session(engine) as session:
            team = access.team_named(session, "adult records")
            return team, {session.get(User, m.user_id).email for m in
                          session.query(TeamMember).filter_by(team_id=team.id)} if team else set()

    team, emails = members()
    assert team is not None and emails == {"officer@example.gov.uk"}
    gone = run("team", "officer@example.gov.uk", "Adult Records", "--remove", "--by", "approver@example.gov.uk",
               url=url)
    assert gone.returncode == 0 and "no longer in Adult Records" in gone.stdout
    assert members()[1] == set()
    unknown = run("team", "officer@example.gov.uk", "Nowhere", "--remove", "--by", "approver@example.gov.uk", url=url)
    assert unknown.returncode == 1 and "no team called" in unknown.stderr
    engine.dispose()
