"""``sar triage``: JSON and readable output, and one-line usage errors with exit status 2."""

from __future__ import annotations

import json

import pytest

from cli.main import main
from triage import REQUESTER_TYPES


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(["triage", *args])
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_json_output_has_parts_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--json", "--text",
                         "Send me my file, your complaints policy, and the noise survey for Oak House.")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert [p["regime"] for p in data["parts"]] == ["sar", "foi", "eir"]
    for part in data["parts"]:
        assert set(part) == {"regime", "reasons", "excerpt", "checks", "confidence", "check", "original"}
        assert part["reasons"] and part["excerpt"]
    assert data["parts"][0]["checks"] == ["identity"]


def test_json_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--text", "How many children are in care?", "--json")
    assert out.count("\n") == 1
    assert json.loads(out) == {"parts": [{
        "regime": "foi",
        "reasons": ["T-3: information held by the council ('how many')"],
        "excerpt": "How many children are in care?",
        "checks": [],
        "confidence": "high",
        "check": False,
        "original": {},
    }]}


def test_requester_type_is_passed_through(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--json", "--requester-type", "police",
                    "--text", "Records on the Ash Road family.")
    assert [p["regime"] for p in json.loads(out)["parts"]] == ["third-party"]


def test_readable_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--text", "I want my son's file and your policy on contact.")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "1. sar: I want my son's file"
    assert any(line.startswith("   - T-4") for line in lines)
    assert "   checks: identity, parental_responsibility, child_competence" in lines
    assert any(line.startswith("2. foi: your policy on contact") for line in lines)


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_is_a_usage_error(capsys: pytest.CaptureFixture[str], text: str) -> None:
    code, out, err = run(capsys, "--text", text)
    assert code == 2 and out == ""
    assert err.startswith("sar: error") and "empty" in err
    assert err.count("\n") == 1


def test_missing_text_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--json")
    assert code == 2 and err.count("\n") == 1 and "--text" in err


def test_bad_requester_type_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--text", "my file", "--requester-type", "alien")
    assert code == 2 and out == ""
    assert err.startswith("sar: error") and err.count("\n") == 1
    assert "alien" in err and "data_subject" in err


@pytest.mark.parametrize("requester_type", REQUESTER_TYPES)
def test_every_requester_type_is_a_choice(capsys: pytest.CaptureFixture[str], requester_type: str) -> None:
    code, out, _ = run(capsys, "--json", "--requester-type", requester_type,
                       "--text", "Please send the file.")
    assert code == 0 and json.loads(out)["parts"]


def test_readable_output_flags_weak_parts_and_names_the_original(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--text", "Your ref FOI-2026-0004. I disagree with the refusal. Please carry out an "
                                      "internal review.")
    lines = out.splitlines()
    assert lines[0].startswith("1. foi-internal-review: ")
    assert "   about an earlier request: reference FOI-2026-0004" in lines
    _, out, _ = run(capsys, "--text", "Please send me the papers we talked about.")
    assert "   confidence low: check this part's regime" in out.splitlines()
