"""Table-driven deadline cases: every rulebook §7 worked example plus hand-checked cases of our own.

Each expected date was derived by hand from the holiday lists (rulebook §6.1) and is explained in the row's
comment; the rule IDs refer to rulebook.md.
"""

from __future__ import annotations

import datetime as dt

import pytest

from deadlines import ClockConfig, ClockEvent, compute

D = dt.date


def ev(kind: str, on: str) -> ClockEvent:
    return ClockEvent(kind, D.fromisoformat(on))


# (id, regime, received, events, extended, config, due, outer_limit)
CASES = [
    # --- rulebook §7.1 FOIA / EIR -------------------------------------------------------------------------
    # F1: day 1 Tue 2 Dec; 2-5 (4), 8-12 (9), 15-19 (14), 22-24 (17), skip 25/26, 29-31 (20). Mon 1 Dec 2025
    # is itself the Scottish St Andrew's substitute day, so the s.45 Code reading (F-2) starts a day later:
    # receipt Tue 2 Dec, 20th WD skips 1 and 2 Jan -> Mon 5 Jan 2026.
    ("F1", "foi", "2025-12-01", [], False, None, "2025-12-31", "2026-01-05"),
    # F2: Saturday receipt; day 1 Mon 22 Dec; skips 25, 26 Dec, 1 Jan and Fri 2 Jan (Scotland). Code reading:
    # receipt Mon 22 Dec, one WD later (F14/F14b).
    ("F2", "foi", "2025-12-20", [], False, None, "2026-01-22", "2026-01-23"),
    # F4: Easter; day 1 Tue 7 Apr, early May Monday 4 May skipped.
    ("F4", "foi", "2026-04-02", [], False, None, "2026-05-05", None),
    # F6: Mon 13 Jul (NI substitute) and Mon 3 Aug (Scottish summer) skipped.
    ("F6", "foi", "2026-07-06", [], False, None, "2026-08-05", None),
    # F7: Mon 15 Jun 2026 (Scotland, World Cup) is a UK-wide FOIA non-working day: 2-5 (4), 8-12 (9),
    # skip 15, 16-19 (13), 22-26 (18), 29 (19), 30 (20). England-only would give Mon 29 Jun.
    ("F7", "foi", "2026-06-01", [], False, None, "2026-06-30", None),
    # E2: reg 7 to 40 WD: after 31 Dec (20), skip 1-2 Jan, 5-9 (25), 12-16 (30), 19-23 (35), 26-30 (40).
    # The extension notice date is checked in test_deadlines_events.py. Code reading is FOIA-only.
    ("E2", "eir", "2025-12-01", [], True, None, "2026-01-30", None),
    # --- rulebook §7.2 SAR --------------------------------------------------------------------------------
    # S1: Wed 25 Dec (Christmas) -> Thu 26 (Boxing Day) -> Fri 27 Dec 2024.
    ("S1", "sar", "2024-11-25", [], False, None, "2024-12-27", None),
    # S2: no 31 Feb -> Sat 28 Feb 2026 -> Mon 2 Mar.
    ("S2", "sar", "2026-01-31", [], False, None, "2026-03-02", None),
    # S12: 30 Nov 2026 + 3 months: no 30 Feb -> Sun 28 Feb 2027 -> Mon 1 Mar 2027.
    ("S12", "sar", "2026-11-30", [], True, None, "2027-03-01", None),
    # S13: ID received Fri 20 Feb 2026 is the relevant time (G-2) -> Fri 20 Mar 2026.
    (
        "S13",
        "sar",
        "2026-02-10",
        [ev("id_requested", "2026-02-11"), ev("id_received", "2026-02-20")],
        False,
        None,
        "2026-03-20",
        None,
    ),
    # S13 without the ID request: Tue 10 Mar 2026.
    ("S13-no-id", "sar", "2026-02-10", [], False, None, "2026-03-10", None),
    # S9/S9b: 2 Dec 2025 -> Fri 2 Jan 2026, an England working day; the UK union skips 2 Jan (Scotland)
    # and the weekend -> Mon 5 Jan 2026 is the outer limit (G-3, C6).
    ("S9", "sar", "2025-12-02", [], False, None, "2026-01-02", "2026-01-05"),
    # S9 for a Scottish council: 2 Jan is its own holiday -> Mon 5 Jan, nothing later in the union.
    ("S9-SCT", "sar", "2025-12-02", [], False, ClockConfig(sar_nation="SCT"), "2026-01-05", None),
    # S14/S14b: asked Thu 5 Mar, received Tue 10 Mar: 5 days (received minus asked) tracked, 6 (inclusive)
    # outer. Thu 2 Apr + 5 = Tue 7 Apr; + 6 = Wed 8 Apr 2026, both working days.
    (
        "S14",
        "sar",
        "2026-03-02",
        [ev("clarification_requested", "2026-03-05"), ev("clarification_received", "2026-03-10")],
        False,
        None,
        "2026-04-07",
        "2026-04-08",
    ),
    (
        "S14-inclusive-config",
        "sar",
        "2026-03-02",
        [ev("clarification_requested", "2026-03-05"), ev("clarification_received", "2026-03-10")],
        False,
        ClockConfig(sar_pause_counting="inclusive"),
        "2026-04-08",
        None,
    ),
    # --- FOIA / EIR: holidays -----------------------------------------------------------------------------
    # Christmas 2026: Fri 25 Dec and Mon 28 Dec (Boxing Day substitute) skipped; Fri 1 Jan 2027 and Mon 4 Jan
    # 2027 (Scottish 2 January substitute) skipped: 21-24 (4), 29-31 (7), 5-8 (11), 11-15 (16), 18-21 (20).
    ("xmas-2026", "foi", "2026-12-18", [], False, None, "2027-01-21", None),
    # St Patrick's Day Fri 17 Mar 2028 (NI only) still counts UK-wide: 2-3 (2), 6-10 (7), 13-16 (11),
    # skip 17, 20-24 (16), 27-30 (20).
    ("st-patrick-2028", "foi", "2028-03-01", [], False, None, "2028-03-30", None),
    # St Andrew's Day Mon 30 Nov 2026 (Scotland): 24-27 (4), skip 30, 1-4 Dec (8), 7-11 (13), 14-18 (18),
    # 21-22 (20).
    ("st-andrew-2026", "foi", "2026-11-23", [], False, None, "2026-12-22", None),
    # 12 July 2027 is a Monday (NI) and Mon 2 Aug 2027 the Scottish summer holiday: 6-9 (4), skip 12,
    # 13-16 (8), 19-23 (13), 26-30 (18), skip 2 Aug, 3-4 (20).
    ("twelfth-2027", "eir", "2027-07-05", [], False, None, "2027-08-04", None),
    # State funeral Mon 19 Sep 2022: 13-16 (4), skip 19, 20-23 (8), 26-30 (13), 3-7 Oct (18), 10-11 (20).
    ("funeral-2022", "foi", "2022-09-12", [], False, None, "2022-10-11", None),
    # Coronation Mon 8 May 2023 and early May Mon 1 May: 25-28 Apr (4), 2-5 May (8), 9-12 (12),
    # 15-19 (17), 22-24 (20).
    ("coronation-2023", "foi", "2023-04-24", [], False, None, "2023-05-24", None),
    # Leap year: 15-18 Feb (4), 21-25 (9), 28 Feb-3 Mar incl. 29 Feb (14), 6-10 (19), 13 Mar (20).
    ("leap-foi-2028", "foi", "2028-02-14", [], False, None, "2028-03-13", None),
    # PIT extension from a Saturday: after Thu 22 Jan (20): 23 (21), 26-30 (26), 2-6 Feb (31), 9-13 (36),
    # 16-19 (40). Code reading one WD later.
    ("foi-pit-saturday", "foi", "2025-12-20", [], True, None, "2026-02-19", "2026-02-20"),
    # --- FOIA / EIR: clarification (F-4, E-3) -------------------------------------------------------------
    # Clarified on Mon 16 Feb 2026 = new receipt: 17-20 (4), 23-27 (9), 2-6 Mar (14), 9-13 (19), 16 (20).
    (
        "foi-clarified",
        "foi",
        "2026-02-02",
        [ev("clarification_requested", "2026-02-04"), ev("clarification_received", "2026-02-16")],
        False,
        None,
        "2026-03-16",
        None,
    ),
    (
        "eir-clarified",
        "eir",
        "2026-02-02",
        [ev("clarification_requested", "2026-02-04"), ev("clarification_received", "2026-02-16")],
        False,
        None,
        "2026-03-16",
        None,
    ),
    # Clarified on Sat 21 Feb 2026: day 1 Mon 23 Feb; 23-27 (5), 2-6 (10), 9-13 (15), 16 (16), skip 17 Mar
    # (NI), 18-20 (19), 23 (20). Code reading: receipt Mon 23, one WD later -> Tue 24 Mar.
    (
        "foi-clarified-saturday",
        "foi",
        "2026-02-02",
        [ev("clarification_requested", "2026-02-04"), ev("clarification_received", "2026-02-21")],
        False,
        None,
        "2026-03-23",
        "2026-03-24",
    ),
    # --- FOIA / EIR: fees (F-5, E-4) ----------------------------------------------------------------------
    # Notice Wed 4 Feb, paid Mon 9 Feb 2026: WDs 4, 5, 6, 9 Feb disregarded. 3 Feb (1), 10-13 (5),
    # 16-20 (10), 23-27 (15), 2-6 Mar (20). Without the fee: Mon 2 Mar.
    (
        "foi-fee",
        "foi",
        "2026-02-02",
        [ev("fee_notice", "2026-02-04"), ev("fee_paid", "2026-02-09")],
        False,
        None,
        "2026-03-06",
        None,
    ),
    (
        "eir-fee",
        "eir",
        "2026-02-02",
        [ev("fee_notice", "2026-02-04"), ev("fee_paid", "2026-02-09")],
        False,
        None,
        "2026-03-06",
        None,
    ),
    (
        "eir-fee-switched-off",
        "eir",
        "2026-02-02",
        [ev("fee_notice", "2026-02-04"), ev("fee_paid", "2026-02-09")],
        False,
        ClockConfig(eir_fee_disregard=False),
        "2026-03-02",
        None,
    ),
    # --- internal review (F-8) and reconsideration (E-6) --------------------------------------------------
    # As F4 for 20 WD; 40 WD: 6-8 May (23), 11-15 (28), 18-22 (33), skip 25 May, 26-29 (37), 1-3 Jun (40).
    ("foi-review", "foi-internal-review", "2026-04-02", [], False, None, "2026-05-05", "2026-06-03"),
    ("foi-review-complex", "foi-internal-review", "2026-04-02", [], True, None, "2026-06-03", None),
    # As F7 to 30 Jun (20); 1-3 Jul (23), 6-10 (28), skip 13 Jul (NI), 14-17 (32), 20-24 (37), 27-29 (40).
    ("eir-reconsideration", "eir-reconsideration", "2026-06-01", [], False, None, "2026-07-29", None),
    # --- SAR and other data rights: month ends, leap years, holidays --------------------------------------
    # 31 Jan 2028 -> 29 Feb 2028 (leap year), a Tuesday.
    ("leap-31jan-2028", "sar", "2028-01-31", [], False, None, "2028-02-29", None),
    ("leap-30jan-2028", "erasure", "2028-01-30", [], False, None, "2028-02-29", None),
    # 29 Feb 2028 -> Wed 29 Mar 2028.
    ("leap-29feb-2028", "sar", "2028-02-29", [], False, None, "2028-03-29", None),
    # 29 Feb 2028 + 3 months = Mon 29 May 2028, the spring bank holiday -> Tue 30 May.
    ("leap-29feb-extended", "sar", "2028-02-29", [], True, None, "2028-05-30", None),
    # 31 Jan 2027 (Sunday) -> Sun 28 Feb 2027 -> Mon 1 Mar.
    ("month-end-2027", "rectification", "2027-01-31", [], False, None, "2027-03-01", None),
    # 31 Mar -> 30 Apr 2026 (Thu); 31 Aug -> 30 Sep 2026 (Wed); 30 Apr -> Sat 30 May -> Mon 1 Jun 2026.
    ("month-end-mar", "sar", "2026-03-31", [], False, None, "2026-04-30", None),
    ("month-end-aug", "objection", "2026-08-31", [], False, None, "2026-09-30", None),
    ("month-end-apr", "portability", "2026-04-30", [], False, None, "2026-06-01", None),
    # ICO example: 1 January -> end of 1 February; Sun 1 Feb 2026 -> Mon 2 Feb.
    ("ico-1-jan", "sar", "2026-01-01", [], False, None, "2026-02-02", None),
    # Christmas 2026: Fri 25, Sat 26, Sun 27, Mon 28 Dec (Boxing Day substitute) -> Tue 29 Dec.
    ("sar-xmas-2026", "sar", "2026-11-25", [], False, None, "2026-12-29", None),
    # Christmas 2027: Sun 26 Dec, Mon 27 and Tue 28 (substitutes) -> Wed 29 Dec.
    ("sar-xmas-2027", "restriction", "2027-11-26", [], False, None, "2027-12-29", None),
    # New Year 2028: Sat 1 Jan, Mon 3 Jan (substitute) -> Tue 4 Jan; Tue 4 Jan is a Scottish holiday, so the
    # UK union gives Wed 5 Jan as the outer limit.
    ("sar-new-year-2028", "sar", "2027-12-01", [], False, None, "2028-01-04", "2028-01-05"),
    # Easter: Fri 3 Apr 2026 Good Friday, weekend, Mon 6 Apr Easter Monday -> Tue 7 Apr.
    ("sar-easter-2026", "sar", "2026-03-03", [], False, None, "2026-04-07", None),
    # St Patrick's Day Tue 17 Mar 2026: a working day in England (outer limit Wed 18); due in NI on Wed 18.
    ("sar-st-patrick-eng", "sar", "2026-02-17", [], False, None, "2026-03-17", "2026-03-18"),
    ("sar-st-patrick-nir", "sar", "2026-02-17", [], False, ClockConfig(sar_nation="NIR"), "2026-03-18", None),
    # Boyne substitute Mon 13 Jul 2026: England due that day, NI Tue 14 Jul.
    ("sar-twelfth-eng", "sar", "2026-06-13", [], False, None, "2026-07-13", "2026-07-14"),
    ("sar-twelfth-nir", "sar", "2026-06-13", [], False, ClockConfig(sar_nation="NIR"), "2026-07-14", None),
    # World Cup Mon 15 Jun 2026 (Scotland only).
    ("sar-world-cup-eng", "sar", "2026-05-15", [], False, None, "2026-06-15", "2026-06-16"),
    ("sar-world-cup-sct", "sar", "2026-05-15", [], False, ClockConfig(sar_nation="SCT"), "2026-06-16", None),
    # State funeral Mon 19 Sep 2022 -> Tue 20 Sep; Coronation Mon 8 May 2023 -> Tue 9 May.
    ("sar-funeral-2022", "sar", "2022-08-19", [], False, None, "2022-09-20", None),
    ("sar-coronation-2023", "sar", "2023-04-08", [], False, None, "2023-05-09", None),
    # --- SAR clock events ---------------------------------------------------------------------------------
    # Authority received Mon 23 Mar 2026 -> Thu 23 Apr 2026 (G-2 item 3).
    (
        "sar-authority",
        "sar",
        "2026-03-05",
        [ev("authority_requested", "2026-03-06"), ev("authority_received", "2026-03-23")],
        False,
        None,
        "2026-04-23",
        None,
    ),
    # ID and authority both asked: the latest receipt (authority, Mon 9 Mar) is the relevant time
    # -> Thu 9 Apr.
    (
        "sar-id-and-authority",
        "sar",
        "2026-02-10",
        [
            ev("id_requested", "2026-02-11"),
            ev("authority_requested", "2026-02-11"),
            ev("id_received", "2026-02-20"),
            ev("authority_received", "2026-03-09"),
        ],
        False,
        None,
        "2026-04-09",
        None,
    ),
    # Fee paid Mon 9 Feb 2026 is the relevant time (G-2 item 4) -> Mon 9 Mar.
    (
        "sar-fee",
        "sar",
        "2026-02-02",
        [ev("fee_notice", "2026-02-04"), ev("fee_paid", "2026-02-09")],
        False,
        None,
        "2026-03-09",
        None,
    ),
    # Pause landing on a weekend: asked Wed 14, received Fri 16 Jan 2026 (2 or 3 days). Thu 12 Feb + 2 = Sat
    # 14 Feb, + 3 = Sun 15 Feb: both roll to Mon 16 Feb, so there is no separate outer limit.
    (
        "sar-pause-weekend",
        "sar",
        "2026-01-12",
        [ev("clarification_requested", "2026-01-14"), ev("clarification_received", "2026-01-16")],
        False,
        None,
        "2026-02-16",
        None,
    ),
    # Same-day answer: 0 days exclusive, 1 inclusive. Tue 10 Mar 2026 / Wed 11 Mar.
    (
        "sar-pause-same-day",
        "sar",
        "2026-02-10",
        [ev("clarification_requested", "2026-02-12"), ev("clarification_received", "2026-02-12")],
        False,
        None,
        "2026-03-10",
        "2026-03-11",
    ),
    # Extended with a pause (G-4, G-5): 2 Mar + 3 months = Tue 2 Jun 2026, + 5 = Sun 7 Jun -> Mon 8 Jun;
    # inclusive + 6 = Mon 8 Jun too.
    (
        "sar-extended-paused",
        "sar",
        "2026-03-02",
        [
            ev("clarification_requested", "2026-03-05"),
            ev("clarification_received", "2026-03-10"),
            ev("extended", "2026-03-20"),
        ],
        False,
        None,
        "2026-06-08",
        None,
    ),
    # Art 12A pause is Art 15 only (G-5): for rectification the clarification is ignored -> Thu 2 Apr 2026.
    (
        "rectification-no-pause",
        "rectification",
        "2026-03-02",
        [ev("clarification_requested", "2026-03-05"), ev("clarification_received", "2026-03-10")],
        False,
        None,
        "2026-04-02",
        None,
    ),
    # --- third party (§1.4) -------------------------------------------------------------------------------
    # 10 WD in England: 22-24 Dec (3), skip 25 and 28, 29-31 (6), skip 1 Jan, 4-7 Jan 2027 (10).
    ("third-party-default", "third-party", "2026-12-21", [], False, None, "2027-01-07", None),
    (
        "third-party-sla-5",
        "third-party",
        "2026-12-21",
        [],
        False,
        ClockConfig(third_party_sla_working_days=5),
        "2026-12-30",
        None,
    ),
]


@pytest.mark.parametrize(
    ("regime", "received", "events", "extended", "config", "due", "outer"),
    [pytest.param(*row[1:], id=row[0]) for row in CASES],
)
def test_due_and_outer_limit(regime, received, events, extended, config, due, outer):
    result = compute(regime, D.fromisoformat(received), events, extended=extended, config=config)
    assert result.due == D.fromisoformat(due)
    assert result.outer_limit == (D.fromisoformat(outer) if outer else None)
    assert not result.stopped


def test_extended_event_is_the_same_as_the_flag():
    by_flag = compute("sar", D(2026, 11, 30), extended=True)
    by_event = compute("sar", D(2026, 11, 30), [ev("extended", "2026-12-10")])
    assert by_flag.due == by_event.due == D(2027, 3, 1)
    assert by_event.extended
