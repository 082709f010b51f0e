"""``sar deadline``: JSON and summary output, and one-line usage errors with exit status 2."""

from __future__ import annotations

import json

import pytest

from cli.main import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(["deadline", *argv])
    out, err = capsys.readouterr()
    return info.value.code, out, err


@pytest.mark.parametrize(
    ("argv", "due", "outer"),
    [
        (["foi", "2025-12-01"], "2025-12-31", "2026-01-05"),  # F1 (1 Dec 2025 is a Scottish holiday)
        (["foi", "2025-12-20"], "2026-01-22", "2026-01-23"),  # F2, F14/F14b
        (["FOI", "2026-04-02"], "2026-05-05", None),  # F4; regime names are case-insensitive
        (["foi", "2026-07-06"], "2026-08-05", None),  # F6
        (["eir", "2025-12-01", "--extended"], "2026-01-30", None),  # E2
        (["sar", "2024-11-25"], "2024-12-27", None),  # S1
        (["sar", "2026-01-31"], "2026-03-02", None),  # S2
        (["sar", "2026-11-30", "--event", "extended:2026-12-01"], "2027-03-01", None),  # S12
        (["sar", "2025-12-02"], "2026-01-02", "2026-01-05"),  # S9/S9b
        (["sar", "2025-12-02", "--nation", "SCT"], "2026-01-05", None),
        (
            ["sar", "2026-03-02", "--event", "clarification_requested:2026-03-05",
             "--event", "clarification_received:2026-03-10"],
            "2026-04-07",
            "2026-04-08",
        ),  # S14/S14b
        (
            ["sar", "2026-03-02", "--pause-counting", "inclusive", "--event",
             "clarification_requested:2026-03-05", "--event", "clarification_received:2026-03-10"],
            "2026-04-08",
            None,
        ),
        (["third-party", "2026-12-21", "--sla", "5"], "2026-12-30", None),
        (["sar", "2026-02-10", "--event", "id_requested:2026-02-11"], None, None),  # stopped
    ],
)  # fmt: skip
def test_json_output(capsys, argv, due, outer):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0 and err == ""
    assert out.count("\n") == 1, "one JSON object on one line"
    data = json.loads(out)
    assert data["due"] == due
    assert data["outer_limit"] == outer
    assert data["received"] == argv[1]
    assert data["regime"] == argv[0].lower()
    assert isinstance(data["explanation"], list) and all(isinstance(s, str) for s in data["explanation"])
    assert {"relevant_time", "secondary", "stopped", "extended"} <= data.keys()


def test_json_s13_relevant_time(capsys):
    code, out, _ = run(
        capsys,
        "sar",
        "2026-02-10",
        "--event",
        "id_requested:2026-02-11",
        "--event",
        "id_received:2026-02-20",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and data["due"] == "2026-03-20" and data["relevant_time"] == "2026-02-20"


def test_json_secondary_dates(capsys):
    _, out, _ = run(capsys, "foi", "2025-12-01", "--extended", "--json")
    data = json.loads(out)
    assert data["due"] == "2026-01-30"
    assert data["secondary"]["refusal_notice_due"] == "2025-12-31"


def test_summary_output(capsys):
    code, out, err = run(capsys, "sar", "2026-11-30", "--extended")
    assert code == 0 and err == ""
    assert "due: 2027-03-01" in out
    assert "extension notice due: 2026-12-30" in out
    assert "- 3 calendar months from Mon 30 Nov 2026" in out


def test_summary_output_when_stopped(capsys):
    code, out, _ = run(capsys, "foi", "2026-02-10", "--event", "fee_notice:2026-02-16")
    assert code == 0 and "due: unknown (clock stopped)" in out


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["foia", "2026-01-01"], "Invalid value for 'REGIME'"),
        (["sar", "2026-02-30"], "Invalid value for 'RECEIVED'"),
        (["sar", "01/02/2026"], "not a date in YYYY-MM-DD form"),
        (["sar", "2026-02-10", "--event", "id_requested"], "is not KIND:YYYY-MM-DD"),
        (["sar", "2026-02-10", "--event", "id_sent:2026-02-11"], "unknown event kind 'id_sent'"),
        (["sar", "2026-02-10", "--event", "id_requested:2026-13-01"], "not a date in YYYY-MM-DD form"),
        (["sar", "2026-02-10", "--event", "id_received:2026-02-11"], "without an earlier id_requested"),
        (
            ["sar", "2026-02-10", "--event", "id_received:2026-02-11", "--event", "id_requested:2026-02-12"],
            "is before id_requested",
        ),
        (["foi", "2026-02-10", "--event", "fee_notice:2026-02-09"], "before the request was received"),
        (["eir-reconsideration", "2026-02-10", "--extended"], "has no extension"),
        (["sar", "2026-02-10", "--nation", "GB"], "Invalid value for '--nation'"),
    ],
)
def test_usage_errors_are_one_line_with_status_2(capsys, argv, fragment):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 2 and out == ""
    assert err.startswith("sar: error") and err.count("\n") == 1
    assert fragment in err
