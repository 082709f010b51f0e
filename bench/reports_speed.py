"""Report speed over 100,000 requests on PostgreSQL (issue 18: each report in under a second).

usage: .venv/bin/python bench/reports_speed.py [--requests 100000] [--runs 5] [--keep | --reuse DATABASE]
                                               [--url postgresql+psycopg://postgres@127.0.0.1:5432/test]

Creates a throw-away database next to the one in --url, migrates it to head, and seeds it with COPY:
--requests requests received over two years across every regime (about 80% finished: released,
refused, withdrawn or closed; the rest open), their status changes, clock stops and extensions,
closure records with outcomes and codes, complaint cases, teams, and for one request in ten a bundle
item with accepted redactions, decisions and a withheld page. Then times each report (and the PDF
pack) for one quarter and for a whole year, five runs each after one warm-up, and prints the median
and the worst run. Everything is computed from the rows, as in production; nothing is cached.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from deadlines.rules import REGIMES  # noqa: E402
from sar.core import migrate  # noqa: E402
from sar.core.db import make_engine  # noqa: E402
from sar.reports import REPORTS, ReportFilter  # noqa: E402
from sar.reports.render import chart_svg, to_csv, to_pdf  # noqa: E402

START = date(2025, 1, 1)
CODES = ("FOIA-S40-2", "FOIA-S43-2", "FOIA-S31", "SCH2-P16-THIRD-PARTY", "SCH3-P11-SERIOUS-HARM", "EIR-R12-5-E")
OUTCOMES = ("full", "part", "refused", "not_held", "ncnd")
TEAMS = ("Information Rights", "Childrens Records", "Adult Records")


def _copy(conn, table: str, columns: tuple[str, ...], rows) -> int:
    n = 0
    quoted = ', '.join(f'"{c}"' for c in columns)
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
    return n


def seed(engine, n_requests: int, rng: random.Random) -> None:
    raw = engine.raw_connection()
    conn = raw.driver_connection
    now = datetime(2027, 1, 4, 10, tzinfo=UTC)
    officers = list(range(1, 31))
    _copy(conn, "users", ("id", "email", "name", "role", "password_hash", "is_active", "failed_logins", "created_at"),
          [(i, f"officer{i}@bench.invalid", f"Officer {i}", "officer" if i > 2 else "manager", "x", True, 0, now)
           for i in officers])
    _copy(conn, "teams", ("id", "name", "created_at"), [(n + 1, name, now) for n, name in enumerate(TEAMS)])
    _copy(conn, "team_members", ("team_id", "user_id", "joined_at"), [(i % 3 + 1, i, now) for i in officers])
    requests, changes, events, closures, complaints = [], [], [], [], []
    items, redactions, decisions, marks = [], [], [], []
    red_id = 0
    for rid in range(1, n_requests + 1):
        regime = rng.choice(REGIMES)
        received = START + timedelta(days=rng.randrange(730))
        received_at = datetime(received.year, received.month, received.day, 9, tzinfo=UTC)
        due = received + timedelta(days=28 + rng.randrange(10))
        officer = rng.choice(officers)
        finished = rng.random() < 0.8
        taken = rng.randrange(5, 60)
        answered_on = received + timedelta(days=taken)
        status = "in_progress"
        released_at = closed_at = None
        path = [("received", "in_progress", received_at + timedelta(hours=1))]
        if finished and answered_on < date(2027, 1, 1):
            at = datetime(answered_on.year, answered_on.month, answered_on.day, 15, tzinfo=UTC)
            end = rng.choices(("released", "refused", "withdrawn", "closed"), (70, 15, 10, 5))[0]
            if end == "released":
                path += [("in_progress", "in_review", at - timedelta(days=2)),
                         ("in_review", "awaiting_approval", at - timedelta(days=1)),
                         ("awaiting_approval", "approved", at - timedelta(hours=3)), ("approved", "released", at)]
            elif end == "closed":
                path += [("in_progress", "on_hold", at - timedelta(days=3)), ("on_hold", "closed", at)]
            else:
                path.append(("in_progress", end, at))
            status = end
            released_at = at if end == "released" else None
            closed_at = at if end in ("withdrawn", "closed") else None
            outcome = {"refused": "refused", "withdrawn": "withdrawn", "closed": "lapsed"}.get(
                end, rng.choice(("full", "part", "part", "not_held", "ncnd")))
            closures.append((rid, outcome, f'["{rng.choice(CODES)}"]' if outcome in ("refused", "ncnd") else "[]",
                             TEAMS[officer % 3], officer, at, ""))
            if rng.random() < 0.02:
                complaints.append((rid, rng.choice(("internal_review", "ico_complaint")),
                                   answered_on + timedelta(days=10), answered_on + timedelta(days=40),
                                   rng.choice(("upheld", "not_upheld", "partly_upheld")), officer, at))
        requests.append((rid, f"B-{rid:07d}", regime, status, received_at, received, "email", "bench request",
                         officer, False, due, received_at, received_at, released_at, closed_at))
        for frm, to, at in path:
            changes.append((rid, frm, to, officer, "", at))
        if rng.random() < 0.2:
            asked = received + timedelta(days=1)
            events.append((rid, "clarification_requested", asked, officer, "", received_at))
            events.append((rid, "clarification_received", asked + timedelta(days=rng.randrange(1, 15)), officer,
                           "", received_at))
        if rng.random() < 0.1:
            events.append((rid, "extended", received + timedelta(days=15), officer, "", received_at))
        if rng.random() < 0.1:
            items.append((rid, rid, rid, "doc.pdf", 1, "case_record", officer, received_at))
            for page in range(5):
                red_id += 1
                redactions.append((red_id, rid, page, None, None, "[[0,0,1,1]]", "", "PERSON", rng.choice(CODES), "",
                                   "engine", "accepted", officer, received_at, received_at))
                decisions.append((red_id, "accepted", "", officer, received_at + timedelta(days=3)))
            marks.append((rid, 5, "withheld", rng.choice(CODES), "", officer, received_at + timedelta(days=3)))
    _copy(conn, "documents", ("id", "sha256", "size_bytes", "media_type", "page_count", "created_at"),
          [(i[1], uuid.uuid4().hex * 2, 1, "application/pdf", 6, now) for i in items])
    _copy(conn, "requests", ("id", "reference", "regime", "status", "received_at", "received_on", "channel",
                             "description", "assigned_officer_id", "extended", "due_on", "created_at", "updated_at",
                             "released_at", "closed_at"),
          requests)
    _copy(conn, "status_changes", ("request_id", "from_status", "to_status", "actor_id", "reason", "at"), changes)
    _copy(conn, "clock_events", ("request_id", "kind", "occurred_on", "actor_id", "reason", "recorded_at"), events)
    _copy(conn, "closure_records", ("request_id", "outcome", "codes", "team", "recorded_by_id", "recorded_at", "note"),
          closures)
    _copy(conn, "complaint_cases", ("request_id", "kind", "opened_on", "closed_on", "outcome", "recorded_by_id",
                                    "recorded_at"), complaints)
    _copy(conn, "bundle_items", ("id", "request_id", "document_id", "filename", "position", "purpose",
                                 "uploaded_by_id", "uploaded_at"), items)
    _copy(conn, "redactions", ("id", "bundle_item_id", "page", "start", "end", "boxes", "text", "entity_type", "code",
                               "reason", "source", "status", "decided_by_id", "decided_at", "created_at"), redactions)
    _copy(conn, "redaction_decisions", ("redaction_id", "status", "reason", "actor_id", "at"), decisions)
    _copy(conn, "page_marks", ("bundle_item_id", "page", "mark", "code", "reason", "decided_by_id", "decided_at"),
          marks)
    with conn.cursor() as cur:
        for table in ("users", "teams", "requests", "documents", "bundle_items", "redactions"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        cur.execute("ANALYZE")
    conn.commit()
    raw.close()
    print(f"seeded {len(requests):,} requests, {len(changes):,} status changes, {len(events):,} clock events, "
          f"{len(closures):,} closure records, {len(redactions):,} redactions")


def time_reports(engine, runs: int) -> None:
    now = datetime(2027, 1, 4, 10, tzinfo=UTC)
    periods = {"quarter": ReportFilter(date(2026, 7, 1), date(2026, 9, 30)),
               "year": ReportFilter(date(2026, 1, 1), date(2026, 12, 31)),
               "year, one team": ReportFilter(date(2026, 1, 1), date(2026, 12, 31), team=TEAMS[0]),
               "year, FOI only": ReportFilter(date(2026, 1, 1), date(2026, 12, 31), regimes=("foi",))}
    print(f"{'report':<12} {'period':<16} {'median s':>9} {'worst s':>8}   (+ charts and CSV, median s)")
    for label, f in periods.items():
        for name, fn in REPORTS.items():
            with Session(engine) as session:
                fn(session, f, now=now)  # warm-up
                times, render = [], []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    report = fn(session, f, now=now)
                    times.append(time.perf_counter() - t0)
                    t1 = time.perf_counter()
                    for table in report.tables:
                        chart_svg(table)
                    to_csv(report)
                    render.append(time.perf_counter() - t1)
            print(f"{name:<12} {label:<16} {statistics.median(times):>9.3f} {max(times):>8.3f}   "
                  f"({statistics.median(render):.3f})")
    with Session(engine) as session:
        f = periods["year"]
        t0 = time.perf_counter()
        pdf = to_pdf([fn(session, f, now=now) for fn in REPORTS.values()], council_name="Bench Council")
        print(f"PDF report pack for the year: {time.perf_counter() - t0:.3f} s, {len(pdf):,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the seeded database (its name is printed)")
    parser.add_argument("--reuse", metavar="DATABASE", help="time the reports on a database seeded with --keep")
    args = parser.parse_args()
    if not args.url.startswith("postgresql"):
        parser.error("the benchmark is for PostgreSQL (--url postgresql+psycopg://...)")
    if args.reuse:
        migrate.upgrade(make_url(args.url).set(database=args.reuse).render_as_string(hide_password=False))
        engine = make_engine(make_url(args.url).set(database=args.reuse).render_as_string(hide_password=False))
        time_reports(engine, args.runs)
        engine.dispose()
        return
    name = f"sar_bench_reports_{uuid.uuid4().hex[:8]}"
    admin = make_engine(args.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(args.url).set(database=name).render_as_string(hide_password=False)
    try:
        migrate.upgrade(url)
        engine = make_engine(url)
        t0 = time.perf_counter()
        seed(engine, args.requests, random.Random(18))
        print(f"seeding took {time.perf_counter() - t0:.1f} s (database {name})")
        time_reports(engine, args.runs)
        engine.dispose()
    finally:
        if not args.keep:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
