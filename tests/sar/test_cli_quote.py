"""``sar redact --quote``: the schedule JSON quotes withheld text through redaction.anonymise (issue 10)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cli.commands.redact import redact, schedule_entries
from redaction.types import Box, Proposal

NAME = "Ada Quillfeather"


def _proposal(text: str = NAME, code: str = "SCH2-P16") -> Proposal:
    return Proposal(page=0, start=0, end=len(text), text=text, entity_type="PERSON", code=code,
                    reason="third party", score=0.9, recognizer="SpacyRecognizer", boxes=(Box(1, 2, 3, 4),))


def test_reviewer_copy_keeps_the_quote():
    assert schedule_entries([_proposal()])[0]["text"] == NAME
    assert schedule_entries([_proposal()], "keep")[0]["text"] == NAME


def test_copy_for_others_replaces_or_masks_the_quote():
    [replaced] = schedule_entries([_proposal()], "replace")
    assert replaced["text"] == "[redacted: SCH2-P16]" and replaced["code"] == "SCH2-P16"
    [masked] = schedule_entries([_proposal()], "mask")
    assert NAME.split()[0] not in masked["text"] and len(masked["text"]) == len(NAME)


def test_quote_option_is_offered_and_validated(tmp_path):
    runner = CliRunner()
    assert "--quote" in runner.invoke(redact, ["--help"]).output
    bad = runner.invoke(redact, ["--subject-name", "A B", "--quote", "hash", "--out", str(tmp_path), "x.pdf"])
    assert bad.exit_code == 2 and "hash" in bad.output
    assert json.dumps(schedule_entries([], "replace")) == "[]"
