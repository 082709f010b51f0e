"""The worker's anchor job writes the audit chain's head to the anchor file (issue 15)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sar.core import audit, audit_anchor
from sar.core.db import make_engine, make_session_factory
from sar.core.settings import Settings
from worker import jobs

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_anchor_job_appends_the_head_only_when_it_moved(fresh_db_url, tmp_path):
    anchors = tmp_path / "anchors" / "audit.jsonl"
    settings = replace(Settings(), environment="test", database_url=fresh_db_url, audit_anchor_path=anchors)
    engine = make_engine(fresh_db_url)
    factory = make_session_factory(engine)
    saved = jobs._runtime
    try:
        jobs.configure(settings, factory)
        assert jobs.anchor_audit_log() == 0  # empty chain: nothing to anchor
        with factory.begin() as s:
            audit.record(s, "request.view", actor=None, now=NOW)
            audit.record(s, "request.view", actor=None, now=NOW)
        assert jobs.anchor_audit_log() == 1
        assert jobs.anchor_audit_log() == 0  # head has not moved
        with factory.begin() as s:
            audit.record(s, "request.view", actor=None, now=NOW)
        assert jobs.anchor_audit_log() == 1
        assert [a.seq for a in audit_anchor.read_anchors(anchors)] == [2, 3]
        # Anchoring switched off: the job does nothing.
        jobs.configure(replace(settings, audit_anchor_path=None), factory)
        assert jobs.anchor_audit_log() == 0
    finally:
        jobs._runtime = saved
        engine.dispose()
