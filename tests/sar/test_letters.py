"""Letter and schedule templates (rulebook §5.1-§5.3), rendered without Flask and compared with snapshots.

To accept a deliberate wording change, run
``SNAPSHOT_UPDATE=1 .venv/bin/python -m pytest tests/sar/test_letters.py`` and review the diff of
``tests/sar/snapshots/``.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import jinja2
import pytest

from sar.release import letters

SNAPSHOTS = Path(__file__).parent / "snapshots"


def _context(codes, **overrides):
    ctx = {
        "reference": "SAR-2026-0007", "regime": "sar", "letter_date": date(2026, 3, 20),
        "requester_name": "Jordan Example", "subject_name": "Riley Example",
        "authority": {"capacity": "parent", "evidence": "evidence of parental responsibility",
                      "verified_on": date(2026, 2, 27)}, "identity_verified_on": None,
        "received_on": date(2026, 2, 20), "due_on": date(2026, 3, 20), "extended": False,
        "documents": [{"title": "visit-notes.pdf", "first_page": 1, "last_page": 4},
                      {"title": "referral.pdf", "first_page": 5, "last_page": 6}],
        "page_count": 6, "removed_count": 1, "withheld": bool(codes), "codes": letters.code_key(codes),
        "officer_name": "Alex Officer", "officer_title": "Information Rights Officer",
    }
    ctx.update(overrides)
    return ctx


def _check(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("SNAPSHOT_UPDATE") == "1" or not path.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if os.environ.get("SNAPSHOT_UPDATE") != "1":
            pytest.fail(f"snapshot {name} was missing and has been written; review it and run again")
    assert text == path.read_text(encoding="utf-8")


CASES = {
    "sar_cover.txt": ("sar", ["SCH2-P16-THIRD-PARTY", "SCH3-SERIOUS-HARM"], {}),
    "sar_cover_nothing_withheld.txt": ("sar", [], {"authority": None,
                                                   "subject_name": "Jordan Example"}),
    "foi_cover.txt": ("foi", ["FOIA-S40-2", "FOIA-S31"], {"reference": "FOI-2026-0012", "subject_name": None,
                                                           "authority": None}),
    "eir_cover.txt": ("eir", ["EIR-R13"], {"reference": "EIR-2026-0003", "subject_name": None,
                                           "authority": None, "extended": True}),
    "third_party_cover.txt": ("third-party", ["SCH2-P2-CRIME"], {"reference": "TPD-2026-0002",
                                                                  "requester_name": "DC Sam Example"}),
    "rights_cover.txt": ("erasure", [], {"reference": "ERAS-2026-0001"}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_cover_letters_match_snapshots(settings, name):
    regime, codes, overrides = CASES[name]
    text = letters.render_cover_letter(settings, regime, _context(codes, regime=regime, **overrides))
    _check(name, text)


def test_sar_letter_has_every_required_part(settings):
    text = letters.render_cover_letter(settings, "sar", _context(["SCH2-P16-THIRD-PARTY"]))
    flat = " ".join(text.split())
    # §5.1: confirmation, copy, Art 15(1)(a)-(h) and 15(2), Art 12(4) reasons + ICO + judicial remedy,
    # received date, index of documents, code key, supported access.
    for needle in ["Article 15(1)", "Article 15(3)", *[f"({c})" for c in "abcdefgh"], "Article 15(2)",
                   "Article 12(4)", "Information Commissioner's Office", "judicial remedy",
                   "20 February 2026",
                   "Index of documents", "visit-notes.pdf: pages 1 to 4", "Redaction code key",
                   "SCH2-P16-THIRD-PARTY", "DPA 2018 Sch 2 Part 3 para 16", "supported meeting",
                   "complaints procedure"]:
        assert needle in flat, needle


def test_foi_letter_explains_each_exemption_and_public_interest(settings):
    text = letters.render_cover_letter(settings, "foi", _context(["FOIA-S40-2", "FOIA-S31"],
                                                                 subject_name=None))
    flat = " ".join(text.split())
    assert "FOIA 2000 s.40(2): Personal information" in flat and "FOIA 2000 s.31: Law enforcement" in flat
    assert flat.count("absolute exemption") == 1 and flat.count("qualified exemption") == 1
    assert "section 17(3)" in flat and "internal review" in flat and "section 50" in flat


def test_schedule_and_csv_never_carry_the_redacted_text(settings):
    rows = [letters.ScheduleRow(3, "visit-notes.pdf", 3, "redaction", "SCH2-P16-THIRD-PARTY"),
            letters.ScheduleRow(4, "visit-notes.pdf", 4, "withheld", "SCH3-SERIOUS-HARM"),
            letters.ScheduleRow(None, "referral.pdf", 2, "duplicate", "DUPLICATE")]
    assert not hasattr(rows[0], "text")
    ctx = _context([r.code for r in rows], rows=rows)
    _check("redaction_schedule.txt", letters.render_schedule(settings, ctx))
    csv_text = letters.schedule_csv(rows).decode()
    assert csv_text.splitlines()[0] == ",".join(letters.SCHEDULE_CSV_COLUMNS)
    assert "3,visit-notes.pdf,3,redaction,SCH2-P16-THIRD-PARTY,DPA 2018 Sch 2 Part 3 para 16" in csv_text
    assert "removed,referral.pdf,2,duplicate,DUPLICATE" in csv_text


def test_templates_are_strict(settings):
    with pytest.raises(jinja2.UndefinedError):
        letters.render_cover_letter(settings, "sar", {"reference": "X"})


def test_every_regime_has_a_letter(settings):
    from deadlines import REGIMES

    for regime in REGIMES:
        assert (settings.templates_dir / "letters" / letters.letter_template_for(regime)).is_file()
    assert letters.long_date(date(2026, 3, 2)) == "2 March 2026"
