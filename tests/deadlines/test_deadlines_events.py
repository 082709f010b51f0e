"""Clock events, secondary dates, stopped clocks, impossible orders, explanations and deadline_state."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from deadlines import (
    EVENT_KINDS,
    REGIMES,
    ClockConfig,
    ClockEvent,
    DeadlineError,
    HolidayOverride,
    compute,
    deadline_state,
)

D = dt.date


def ev(kind: str, on: str) -> ClockEvent:
    return ClockEvent(kind, D.fromisoformat(on))


def test_regimes_and_event_kinds():
    assert set(REGIMES) == {
        "foi", "eir", "sar", "rectification", "erasure", "restriction", "objection", "portability",
        "foi-internal-review", "eir-reconsideration", "third-party",
    }  # fmt: skip
    assert "extended" in EVENT_KINDS and "fee_paid" in EVENT_KINDS


# --- secondary dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("regime", "received", "extended", "expected"),
    [
        # F-3: s.17 refusal notice still due at working day 20 (F1 date).
        ("foi", "2025-12-01", True, {"refusal_notice_due": "2025-12-31"}),
        # E2: reg 7 notice within the original 20 working days.
        ("eir", "2025-12-01", True, {"extension_notice_due": "2025-12-31"}),
        # S12: extension notice by the end of the first month, Wed 30 Dec 2026.
        ("sar", "2026-11-30", True, {"extension_notice_due": "2026-12-30"}),
        # C5: 28 days from Mon 25 Nov 2024 = Mon 23 Dec 2024, a working day.
        ("sar", "2024-11-25", False, {"internal_target": "2024-12-23"}),
        # 28 days from Sat 31 Jan 2026 = Sat 28 Feb, pulled back to Fri 27 Feb.
        ("sar", "2026-01-31", False, {"internal_target": "2026-02-27"}),
        # F-8: 40 working days for complex reviews (see the example table).
        ("foi-internal-review", "2026-04-02", False, {"complex_case_limit": "2026-06-03"}),
        # F-2: s.45 Code reading for a Saturday receipt (F2).
        ("foi", "2025-12-20", False, {"code_reading_due": "2026-01-23", "outer_limit": "2026-01-23"}),
        # S9b: UK-union roll-forward.
        ("sar", "2025-12-02", False, {"uk_holidays_due": "2026-01-05", "outer_limit": "2026-01-05"}),
    ],
)
def test_secondary_dates(regime, received, extended, expected):
    result = compute(regime, D.fromisoformat(received), extended=extended)
    for name, day in expected.items():
        assert result.secondary[name] == D.fromisoformat(day), name


def test_sar_pause_also_moves_the_extension_notice():
    # G-5: the pause counts against the extension-notice deadline too: Thu 2 Apr + 5 = Tue 7 Apr 2026.
    result = compute(
        "sar",
        D(2026, 3, 2),
        [ev("clarification_requested", "2026-03-05"), ev("clarification_received", "2026-03-10")],
        extended=True,
    )
    assert result.secondary["extension_notice_due"] == D(2026, 4, 7)


def test_late_extension_is_flagged():
    result = compute("eir", D(2025, 12, 1), [ev("extended", "2026-01-05")])
    assert result.due == D(2026, 1, 30)
    assert any(line.startswith("warning: the extension was recorded") for line in result.explanation)


# --- stopped clocks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("regime", "events", "relevant_time", "since"),
    [
        ("sar", [ev("id_requested", "2026-02-11")], None, "2026-02-11"),  # G-2: relevant time unknown
        ("sar", [ev("authority_requested", "2026-02-12")], None, "2026-02-12"),
        ("sar", [ev("fee_notice", "2026-02-13")], None, "2026-02-13"),
        # G-5: paused, relevant time already known.
        ("sar", [ev("clarification_requested", "2026-02-16")], "2026-02-10", "2026-02-16"),
        ("foi", [ev("clarification_requested", "2026-02-16")], None, "2026-02-16"),  # F-4
        ("foi", [ev("fee_notice", "2026-02-16")], "2026-02-10", "2026-02-16"),  # F-5
        ("eir", [ev("fee_notice", "2026-02-16")], "2026-02-10", "2026-02-16"),  # E-4
        # An answered ID check does not restart a still-open one.
        (
            "sar",
            [
                ev("id_requested", "2026-02-11"),
                ev("id_received", "2026-02-12"),
                ev("id_requested", "2026-02-20"),
            ],
            None,
            "2026-02-20",
        ),
    ],
)
def test_stopped_clock_reports_no_due_date(regime, events, relevant_time, since):
    result = compute(regime, D(2026, 2, 10), events)
    assert result.stopped and result.due is None and result.outer_limit is None
    assert result.relevant_time == (D.fromisoformat(relevant_time) if relevant_time else None)
    assert result.secondary["stopped_since"] == D.fromisoformat(since)
    assert result.explanation[-1].startswith("clock stopped:")
    assert result.to_dict()["due"] is None


def test_pending_foi_fee_shows_the_payment_deadline():
    # s.9(2): three months to pay.
    result = compute("foi", D(2026, 2, 10), [ev("fee_notice", "2026-02-16")])
    assert result.secondary["fee_payment_deadline"] == D(2026, 5, 16)


def test_foi_ignores_identity_checks_with_an_explanation():
    events = [ev("id_requested", "2025-12-02"), ev("id_received", "2025-12-10")]
    result = compute("foi", D(2025, 12, 1), events)
    assert result.due == D(2025, 12, 31)  # F1 unchanged: FOIA is applicant-blind
    assert any(line.startswith("ignored id_requested") for line in result.explanation)
    # Even unanswered, an ID request does not stop the FOIA clock.
    assert compute("eir", D(2025, 12, 1), [ev("authority_requested", "2025-12-02")]).due == D(2025, 12, 31)


# --- impossible orders ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("regime", "events", "extended", "message"),
    [
        (
            "sar",
            [ev("id_received", "2026-02-12"), ev("id_requested", "2026-02-13")],
            False,
            "id_received on 2026-02-12 is before id_requested on 2026-02-13",
        ),
        (
            "sar",
            [ev("id_received", "2026-02-12")],
            False,
            "id_received on 2026-02-12 without an earlier id_requested",
        ),
        (
            "sar",
            [ev("id_requested", "2026-02-09")],
            False,
            "is before the request was received on 2026-02-10",
        ),
        (
            "foi",
            [ev("fee_paid", "2026-02-11"), ev("fee_notice", "2026-02-12")],
            False,
            "fee_paid on 2026-02-11 is before fee_notice on 2026-02-12",
        ),
        (
            "sar",
            [ev("clarification_requested", "2026-02-11"), ev("clarification_requested", "2026-02-12")],
            False,
            "still unanswered",
        ),
        (
            "sar",
            [ev("extended", "2026-02-11"), ev("extended", "2026-02-12")],
            False,
            "extended recorded twice",
        ),
        ("eir-reconsideration", [], True, "has no extension"),
        ("third-party", [], True, "no statutory clock"),
        ("third-party", [ev("clarification_requested", "2026-02-11")], False, "no statutory clock"),
        ("foi-internal-review", [ev("fee_notice", "2026-02-11")], False, "fee events do not apply"),
    ],
)
def test_impossible_orders_raise(regime, events, extended, message):
    with pytest.raises(DeadlineError, match=message) as info:
        compute(regime, D(2026, 2, 10), events, extended=extended)
    assert "\n" not in str(info.value)


def test_invalid_inputs_raise():
    with pytest.raises(DeadlineError, match="unknown regime 'foia'"):
        compute("foia", D(2026, 2, 10))
    with pytest.raises(DeadlineError, match="unknown event kind"):
        ClockEvent("id_sent", D(2026, 2, 10))
    with pytest.raises(DeadlineError, match="must be a date"):
        ClockEvent("id_requested", dt.datetime(2026, 2, 10, 9, 0))
    with pytest.raises(DeadlineError, match="must be a date"):
        compute("sar", "2026-02-10")
    with pytest.raises(DeadlineError, match="unknown nation"):
        ClockConfig(sar_nation="GB")
    with pytest.raises(DeadlineError, match="sar_pause_counting"):
        ClockConfig(sar_pause_counting="both")
    assert issubclass(DeadlineError, ValueError)


def test_events_may_arrive_unordered_and_same_day():
    events = [ev("id_received", "2026-02-20"), ev("id_requested", "2026-02-20")]
    assert compute("sar", D(2026, 2, 10), events).due == D(2026, 3, 20)


# --- explanation, to_dict ------------------------------------------------------------------------------


def test_explanation_names_each_skipped_holiday():
    lines = compute("foi", D(2025, 12, 20)).explanation
    assert "skipped Fri 02 Jan 2026: New Year Holiday (Scotland)" in lines
    assert "skipped Thu 25 Dec 2025: Christmas Day (all UK nations)" in lines
    assert "day 1 is Mon 22 Dec 2025 (C3)" in lines
    assert "due Thu 22 Jan 2026 (working day 20)" in lines


def test_sar_explanation_covers_clamp_and_roll_forward():
    lines = compute("sar", D(2026, 1, 31)).explanation
    assert any("Sat 28 Feb 2026 (that date does not exist" in line for line in lines)
    assert (
        "Sat 28 Feb 2026 is not a working day in England: rolled forward to Mon 02 Mar 2026 (G-3, H-3)"
        in lines
    )


def test_rectification_explains_ignored_pause():
    events = [ev("clarification_requested", "2026-03-05"), ev("clarification_received", "2026-03-10")]
    lines = compute("rectification", D(2026, 3, 2), events).explanation
    assert any(line.startswith("ignored clarification") and "G-5" in line for line in lines)


def test_to_dict_is_json_ready():
    data = compute("sar", D(2026, 11, 30), extended=True).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["due"] == "2027-03-01" and data["relevant_time"] == "2026-11-30"
    assert data["secondary"] == {"extension_notice_due": "2026-12-30"}
    assert data["outer_limit"] is None and data["extended"] is True and data["stopped"] is False


# --- H-2 -----------------------------------------------------------------------------------------------


def test_h2_default_counts_the_late_holiday_and_notes_it():
    # Received Fri 19 Aug 2022, before the funeral day was proclaimed (10 Sep): Mon 19 Sep -> Tue 20 Sep.
    result = compute("sar", D(2022, 8, 19))
    assert result.due == D(2022, 9, 20)
    assert result.secondary["without_late_holidays_due"] == D(2022, 9, 19)
    assert any(line.startswith("H-2 note") for line in result.explanation)


def test_h2_opt_in_tracks_the_earlier_date():
    config = ClockConfig(h2_track_without_late_proclamations=True)
    result = compute("foi", D(2022, 9, 5), config=config)
    # Without the funeral: 6-9 Sep (4), 12-16 (9), 19-23 (14), 26-30 (19), Mon 3 Oct (20); with it Tue 4 Oct.
    assert result.due == D(2022, 10, 3)
    assert result.outer_limit == D(2022, 10, 4)
    assert compute("foi", D(2022, 9, 5)).due == D(2022, 10, 4)


def test_h2_uses_extra_overrides_from_config():
    extra = HolidayOverride(D(2027, 6, 14), ("ENG",), "Test day", "test", proclaimed_on=D(2027, 6, 1))
    counted = compute("sar", D(2027, 5, 14), config=ClockConfig(extra_holidays=(extra,)))
    assert counted.due == D(2027, 6, 15)  # Mon 14 Jun 2027 is the test holiday
    tracked = compute(
        "sar",
        D(2027, 5, 14),
        config=ClockConfig(extra_holidays=(extra,), h2_track_without_late_proclamations=True),
    )
    assert tracked.due == D(2027, 6, 14) and tracked.outer_limit == D(2027, 6, 15)


# --- deadline_state --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "today", "state"),
    [
        (None, D(2026, 1, 1), "stopped"),
        (D(2026, 1, 30), D(2026, 1, 31), "overdue"),
        (D(2026, 1, 30), D(2026, 1, 30), "due_soon"),  # due today
        (D(2026, 1, 30), D(2026, 1, 23), "due_soon"),  # 26-30 Jan: 5 working days
        (D(2026, 1, 30), D(2026, 1, 22), "on_track"),  # 6 working days
    ],
)
def test_deadline_state(due, today, state):
    assert deadline_state(due, today) == state


def test_deadline_state_threshold_is_configurable():
    assert deadline_state(D(2026, 1, 30), D(2026, 1, 22), soon_working_days=6) == "due_soon"


def test_pause_before_art_12a_commencement_is_flagged():
    # G-5 / §1.3: s.76 commenced 5 Feb 2026; earlier pauses follow the ICO's prior practice (VERIFY).
    events = [ev("clarification_requested", "2026-01-14"), ev("clarification_received", "2026-01-16")]
    lines = compute("sar", D(2026, 1, 12), events).explanation
    assert any("before Art 12A commenced" in line for line in lines)
