"""Review at scale (issue 11): does a reviewer's key press cost the same on a 360- and a 5,760-page bundle?

usage: .venv/bin/python bench/review_speed.py [--sizes 360,1440,5760] [--per-page 3] [--url DATABASE_URL]

For each size, in its own forked child (so peak memory is per size), builds a throw-away database
(SQLite in a temporary directory unless --url names a PostgreSQL server, then a new database on it),
one request whose bundle is one PDF of that many distinct pages, and --per-page engine proposals on
every page (inserted directly: this measures review, not detection; bench/redaction_speed.py
measures detection). Then times, in CPU-seconds and wall-seconds:

- ``next undecided``: :func:`sar.bundle.navigation.next_undecided` from 200 random positions
  (median ms per key press);
- ``decide``: :func:`sar.bundle.redactions.decide_redaction` on 100 proposals (median ms);
- ``search``: :func:`sar.bundle.navigation.search_bundle` for a string on every page, first (text
  extraction included) and second (cached) call, with pages/s;
- peak resident memory of the child (MB).

A flat curve means the per-key-press cost does not grow with the bundle. Nothing is asserted; the
machine is shared, so repeat a run before trusting one figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
# A throw-away database: the published development audit key and fast password hashing will do.
os.environ.setdefault("SAR_ENV", "test")
os.environ.setdefault("SAR_PASSWORD_HASH_COST", "fast")

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from redaction.pdf_compose import text_pdf  # noqa: E402
from sar.accounts import users  # noqa: E402
from sar.bundle import documents, navigation, redactions  # noqa: E402
from sar.core import migrate  # noqa: E402
from sar.core.db import make_engine, make_session_factory, utcnow  # noqa: E402
from sar.core.settings import Settings  # noqa: E402
from sar.intake import requests as req_uc  # noqa: E402
from sar.models import Redaction  # noqa: E402

#: Synthetic, generic page text: a running number makes every page distinct.
WORDS = ("visit", "meeting", "plan", "review", "school", "health", "contact", "family", "support", "notes")


def _page(n: int) -> str:
    rnd = random.Random(n)
    body = " ".join(rnd.choice(WORDS) for _ in range(120))
    return f"Record {n}\nReference token Q{n:05d}X and Ayla Testperson attended.\n{body}\nMarker lanternfish.\n"


def _database(url: str | None, tmp: Path) -> tuple[str, callable]:
    if not url:
        return f"sqlite:///{tmp / 'bench.db'}", lambda: None
    base = make_url(url)
    name = f"bench_review_{uuid.uuid4().hex[:8]}"
    admin = make_engine(base.render_as_string(hide_password=False), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return base.set(database=name).render_as_string(hide_password=False), drop


def _timed(fn) -> tuple[float, float]:
    c0, w0 = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c0, time.perf_counter() - w0


def run_size(pages: int, per_page: int, url: str | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db_url, drop = _database(url, tmp)
        try:
            migrate.upgrade(db_url)
            settings = replace(Settings(), database_url=db_url, storage_dir=tmp / "storage", environment="test",
                               secret_key="bench", smtp_port=0)
            engine = make_engine(db_url)
            factory = make_session_factory(engine)
            now = utcnow()
            with factory() as session:
                officer = users.create_user(session, email="bench.officer@example.org", name="Bench Officer",
                                            password="bench-password-123456", role="officer", now=now)
                req = req_uc.open_request(session, actor=officer, now=now, settings=settings,
                                          description="Please send me a copy of my records.",
                                          requester=req_uc.PersonIn(name="Bench Requester",
                                                                    email="bench@example.org"),
                                          channel="email", regime="sar", assigned_officer=officer)
                pdf = text_pdf([_page(n) for n in range(pages)])
                item = documents.add_document(session, req, pdf, "bundle.pdf", actor=officer, now=now,
                                              settings=settings)
                session.add_all(Redaction(bundle_item_id=item.id, page=p, start=0, end=5, boxes=[[50, 50, 90, 60]],
                                          text=f"name {p}-{k}", entity_type="PERSON", code="SCH2-P16-THIRD-PARTY",
                                          reason="third party", source="engine", status="proposed", created_at=now)
                                for p in range(item.document.page_count) for k in range(per_page))
                session.commit()
                rows = [r.id for r in session.query(Redaction.id)]
                rnd = random.Random(1)
                key_presses = []
                for _ in range(200):
                    page = rnd.randrange(item.document.page_count)
                    cpu, _wall = _timed(lambda page=page: navigation.next_undecided(
                        session, req, actor=officer, item_id=item.id, page=page, redaction_id=0))
                    key_presses.append(cpu * 1000)
                decides = []
                for rid in rnd.sample(rows, min(100, len(rows))):
                    red = session.get(Redaction, rid)
                    cpu, _wall = _timed(lambda red=red: redactions.decide_redaction(
                        session, red, "accepted", reason=None, code=None, actor=officer, now=now))
                    decides.append(cpu * 1000)
                session.commit()
                first = _timed(lambda: navigation.search_bundle(session, req, "lanternfish", actor=officer, now=now,
                                                                settings=settings))
                second = _timed(lambda: navigation.search_bundle(session, req, "lanternfish", actor=officer,
                                                                 now=now, settings=settings))
                session.rollback()
            engine.dispose()
        finally:
            drop()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pages": pages, "proposals": len(rows), "next_ms": statistics.median(key_presses),
            "decide_ms": statistics.median(decides), "search_first_cpu": first[0],
            "search_first_pps": pages / max(first[0], 1e-9), "search_cached_cpu": second[0], "peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="360,1440,5760")
    parser.add_argument("--per-page", type=int, default=3)
    parser.add_argument("--url", default=None, help="a PostgreSQL server URL (default: SQLite in a temp dir)")
    args = parser.parse_args()
    print(f"{'pages':>6} {'proposals':>9} {'next ms':>8} {'decide ms':>9} {'search CPU-s':>12} "
          f"{'pages/CPU-s':>11} {'cached CPU-s':>12} {'peak MB':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child measures one size, so its peak memory is that size's alone
            os.close(read)
            out = run_size(size, args.per_page, args.url)
            os.write(write, json.dumps(out).encode())
            os._exit(0)
        os.close(write)
        with os.fdopen(read) as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        r = json.loads(data)
        print(f"{r['pages']:>6} {r['proposals']:>9} {r['next_ms']:>8.2f} {r['decide_ms']:>9.2f} "
              f"{r['search_first_cpu']:>12.2f} {r['search_first_pps']:>11.0f} {r['search_cached_cpu']:>12.3f} "
              f"{r['peak_mb']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
