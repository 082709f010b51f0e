"""Bundles of any size (issue 11): pages/s and peak memory of the whole pipeline at 360, 1,440 and 5,760 pages.

usage: .venv/bin/python bench/pipeline_speed.py [--sizes 360,1440,5760] [--quick] [--workers 1] [--parallel]

For each size, in its own forked child (so peak memory is that size's alone), reads one PDF of that
many *distinct* pages of synthetic case records (``bench/redaction_speed.build_bundle``: built once,
in linear time, before any timing, and cached in ``bench/.cache``), then times
extract -> propose (``RedactionEngine.propose``) -> burn-in and verify (``redaction.pdf.burn_in``) and
prints, per size: wall seconds, CPU seconds of the child (and its detection processes), pages per
wall-second and per CPU-second, the time of each phase and the child's peak resident memory.

``--quick`` runs 360 and 1,440 pages only. ``--parallel`` runs vanilla beside ours (one lane per
configuration, sizes in order); under ``chrt`` only ours keeps the real-time policy. Model loading
is excluded from every timing. A flat pages/CPU-s column means cost is linear in the bundle's size;
nothing is asserted, and a shared machine distorts wall time (CPU-seconds much less), so repeat a
run before trusting one figure.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

QUICK_SIZES = (360, 1440)
ALL_SIZES = (360, 1440, 5760)


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def measure_vanilla(pages: int) -> dict:
    """Vanilla Presidio + PyMuPDF (``bench/redaction_speed.vanilla``) on the same bundle, in this child."""
    from redaction_speed import build_bundle, vanilla

    data, _ = build_bundle(pages)
    r = vanilla(data)
    return {"pages": pages, "seconds": r["seconds"], "cpu": r["cpu"], "boxes": r["boxes"], "bytes": r["bytes"],
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "worker_rss_mb": 0.0}


def measure(pages: int, workers: int, whole: bool = False, range_pages: int = 0) -> dict:
    """One size, in the calling (child) process: build, then extract, propose, burn in and verify.

    Burn-in runs by page ranges joined without a second dedupe (``redaction.pdf_ranges``), as the job
    queue does; ``whole`` burns the document in one piece (one de-duplicating save of every page).
    """
    from redaction_speed import build_bundle

    from cli.commands.redact import verifiable_strings
    from redaction import pdf
    from redaction.context import RedactionContext, StaffMember, Subject
    from redaction.engine import RedactionEngine
    from redaction.pdf_ranges import DEFAULT_RANGE_PAGES, burn_in_ranges
    from redaction.types import BurnInBox

    data, meta = build_bundle(pages)
    engine = RedactionEngine()
    engine.analyzer  # noqa: B018 - load the model before timing
    ctx = RedactionContext(subject=Subject(meta["subject"]["name"], dob=meta["subject"]["dob"]),
                           staff=tuple(StaffMember(s["name"], s["role"]) for s in meta["staff"]))
    cpu0, t0 = _cpu(), time.perf_counter()
    doc = pdf.extract(data, "bundle.pdf", ocr=False)
    t1 = time.perf_counter()
    plan = engine.propose([doc], ctx, workers=workers)[0]
    t2 = time.perf_counter()
    withheld = {p.page: p.code for p in plan.proposals if p.entity_type == "LEGAL_ADVICE" and p.start == 0
                and p.end == len(doc.pages[p.page].text)}
    boxes = [BurnInBox(p.page, b) for p in plan.proposals if p.page not in withheld for b in p.boxes]
    strings = verifiable_strings(doc, plan.proposals)
    if whole:
        out = pdf.burn_in(data, boxes, withheld_pages=withheld, removed_strings=strings, name="bundle.pdf")
    else:
        out = burn_in_ranges(data, boxes, withheld_pages=withheld, removed_strings=strings, name="bundle.pdf",
                             range_pages=range_pages or DEFAULT_RANGE_PAGES).data
    t3 = time.perf_counter()
    engine.close()
    cpu = _cpu() - cpu0
    return {"pages": pages, "seconds": t3 - t0, "cpu": cpu, "extract": t1 - t0, "detect": t2 - t1,
            "burn_in": t3 - t2, "boxes": len(boxes), "bytes": len(out),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _child(conn, pages: int, workers: int, kind: str, range_pages: int) -> None:
    try:
        conn.send(measure_vanilla(pages) if kind == "vanilla" else
                  measure(pages, workers, whole=kind == "whole", range_pages=range_pages))
    except BaseException as exc:  # report, do not hang the parent
        conn.send({"error": f"{type(exc).__name__}: {exc}"})


def run(pages: int, workers: int, kind: str = "ours", range_pages: int = 0) -> dict:
    """Measure one size in a forked child and return its figures."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_child, args=(child, pages, workers, kind, range_pages))
    proc.start()
    result = parent.recv()
    proc.join()
    if "error" in result:
        raise SystemExit(f"{pages} pages: {result['error']}")
    return result


def _row(label: str, pages: int, r: dict) -> str:
    phases = (f"{r['extract']:8.1f} {r['detect']:8.1f} {r['burn_in']:9.1f}" if "extract" in r
              else f"{'':8} {'':8} {'':9}")
    return (f"{label:18} {pages:6d} {r['seconds']:8.1f} {r['cpu']:8.1f} {pages / r['seconds']:8.2f} "
            f"{pages / r['cpu']:12.2f} {phases} {r['boxes']:7d} {max(r['rss_mb'], r['worker_rss_mb']):8.0f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(str(s) for s in ALL_SIZES))
    ap.add_argument("--quick", action="store_true", help="360 and 1,440 pages only")
    ap.add_argument("--workers", type=int, default=1, help="detection processes (default 1)")
    ap.add_argument("--range-pages", type=int, default=0, help="pages per burn-in range (default: the product's)")
    ap.add_argument("--whole", action="store_true", help="also burn in each bundle in one piece (before issue 11)")
    ap.add_argument("--no-vanilla", action="store_true", help="skip vanilla Presidio")
    ap.add_argument("--only", choices=("vanilla", "ours", "whole"), help="one configuration only")
    ap.add_argument("--parallel", action="store_true",
                    help="run the configurations side by side (one lane each, sizes in order); CPU-seconds "
                         "are per child, so unaffected; under chrt only the first lane stays real-time")
    args = ap.parse_args()
    sizes = QUICK_SIZES if args.quick else tuple(int(s) for s in args.sizes.split(",") if s.strip())
    kinds = [*([] if args.no_vanilla else ["vanilla"]), "ours", *(["whole"] if args.whole else [])]
    kinds = [args.only] if args.only else kinds
    labels = {"vanilla": "vanilla Presidio", "ours": "SAR Desk (ranges)", "whole": "SAR Desk (whole)"}
    from redaction_speed import build_bundle

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True,
                           text=True).stdout.strip()
    print(f"commit {commit.stdout.strip()}{' (uncommitted changes)' if dirty else ''}; cores: {os.cpu_count()}, "
          f"detection workers: {args.workers}; wall time depends on the load on the machine, CPU-seconds much less",
          flush=True)
    print(f"{'configuration':18} {'pages':>6} {'wall s':>8} {'CPU s':>8} {'pages/s':>8} {'pages/CPU-s':>12} "
          f"{'extract':>8} {'detect':>8} {'burn+ver':>9} {'boxes':>7} {'peak MB':>8}", flush=True)
    for pages in sizes:  # built (or read from bench/.cache) before any timing, once per size
        build_bundle(pages)
    if not args.parallel:
        for pages in sizes:
            for kind in kinds:
                print(_row(labels[kind], pages, run(pages, args.workers, kind, args.range_pages)), flush=True)
        return
    ctx = multiprocessing.get_context("fork")
    rows = ctx.Queue()
    # Ours first: the lane that keeps a real-time policy under chrt.
    kinds = sorted(kinds, key=lambda k: k != "ours")
    lanes = [ctx.Process(target=_lane, args=(rows, kind, sizes, args.workers, args.range_pages, i > 0))
             for i, kind in enumerate(kinds)]
    for lane in lanes:
        lane.start()
    for _ in range(len(kinds) * len(sizes)):
        kind, pages, r = rows.get()
        print(_row(labels[kind], pages, r) if "error" not in r else f"{labels[kind]:18} {pages:6d} {r['error']}",
              flush=True)
    for lane in lanes:
        lane.join()


def _lane(rows, kind: str, sizes, workers: int, range_pages: int, normal_priority: bool) -> None:
    """One configuration over every size, in order (``--parallel``: one lane per configuration).

    Under a real-time policy (``chrt``) only the first lane keeps it; the others drop to the normal
    policy, so the bench takes at most one core ahead of the machine's other users.
    """
    if normal_priority and os.sched_getscheduler(0) != os.SCHED_OTHER:
        os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(0))
    for pages in sizes:
        try:
            rows.put((kind, pages, run(pages, workers, kind, range_pages)))
        except SystemExit as exc:
            rows.put((kind, pages, {"error": str(exc)}))


if __name__ == "__main__":
    main()
