"""The search log in the letters (issue 17, rulebook G-6): the FOI/EIR "not held" letter and the SAR letters
summarise each logged search (place, date range, result; the terms in FOI/EIR letters only), and the manager
sees the whole log on approval."""

from __future__ import annotations

from datetime import date

import pytest

from sar.core.errors import ValidationError
from sar.models import SearchRecord
from sar.release import outcomes, packs
from sar.searching import searches
from tests.sar._docs import add_pdf, make_team, sar_request
from tests.sar.test_outcomes import _issue
from tests.sar.test_packs import _text


@pytest.fixture
def team(session):
    return make_team(session)


def _log(session, req, team, now):
    searches.record_search(session, req, place="case_management", terms="SecretTermXYZ", date_from="2020-01-01",
                           date_to="2026-02-28", result="found", found_count=3, actor=team.officer, now=now,
                           place_detail="Team Alpha system")
    searches.record_search(session, req, place="paper_files", result="none_found", actor=team.officer, now=now)


def test_letter_lines_name_place_terms_dates_and_result():
    rows = [SearchRecord(place="email", terms="bus contracts", date_from=date(2024, 1, 1), date_to=None,
                         result="found", found_count=1, place_detail="J's inbox"),
            SearchRecord(place="paper_files", terms="", result="none_found", found_count=0)]
    assert searches.letter_lines(rows, with_terms=True) == [
        'E-mail accounts, for "bus contracts", records dated 1 January 2024 to the latest: we found 1 record.',
        "Paper files: we found nothing."]
    assert searches.letter_lines(rows, with_terms=False)[0] == (
        "E-mail accounts, records dated 1 January 2024 to the latest: we found 1 record.")
    assert searches.letter_lines([], with_terms=True) == []


def test_foi_not_held_letter_summarises_the_search_log(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    _log(session, req, team, now)
    # The log is the record of the search: no search need be typed again for the letter.
    outcome, _ = _issue(session, settings, now, team, req, "not_held")
    text = " ".join(outcome.letter_text.split())
    assert "These are the searches we made for your request:" in text
    assert ('The case management system, for "SecretTermXYZ", records dated 1 January 2020 to 28 February 2026: '
            "we found 3 records.") in text
    assert "Paper files: we found nothing." in text
    assert "Team Alpha" not in text  # the free-text place detail stays in the internal file


def test_not_held_without_a_log_or_a_typed_search_is_refused(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    with pytest.raises(ValidationError, match="record the search made"):
        outcomes.draft_outcome(session, req, "not_held", actor=team.officer, now=now, settings=settings)


def test_sar_letter_summarises_the_search_log_without_terms(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    add_pdf(session, req, team, now, settings, "A case note.")
    _log(session, req, team, now)
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    letter = _text(packs.pack_files(packs.pack_bytes(settings, pack))[f"{req.reference}-cover-letter.pdf"])
    assert "How we searched" in letter
    assert ("The case management system, records dated 1 January 2020 to 28 February 2026: we found 3 records."
            in letter)
    assert "Paper files: we found nothing." in letter
    assert "SecretTermXYZ" not in letter and "Team Alpha" not in letter


def test_sar_letter_without_a_log_has_no_search_section(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    add_pdf(session, req, team, now, settings, "A case note.")
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    letter = _text(packs.pack_files(packs.pack_bytes(settings, pack))[f"{req.reference}-cover-letter.pdf"])
    assert "How we searched" not in letter


def test_sar_no_personal_data_letter_summarises_the_log(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    _log(session, req, team, now)
    outcome, _ = _issue(session, settings, now, team, req, "no_personal_data")
    text = " ".join(outcome.letter_text.split())
    assert "Paper files: we found nothing." in text and "SecretTermXYZ" not in text
