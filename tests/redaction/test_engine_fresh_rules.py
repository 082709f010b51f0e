"""General rules found on a fresh held-out corpus: names next to the subject, places, labels, roles."""

import pytest

from tests.redaction.engine_support import make_doc, propose, redacted_texts

pytestmark = pytest.mark.slow


def test_a_date_in_the_row_above_does_not_start_an_address_that_swallows_a_name():
    text = (
        "Triage Record\n"
        "Young person\n"
        "Lorcan Halloran, born 09/09/2009\n"
        "Caller\n"
        "Wilfred Orchard (neighbour), tel 01632 960441, do not disclose\n"
    )
    [plan] = propose(make_doc("triage.pdf", text))
    redacted = redacted_texts(plan)
    assert "Wilfred Orchard" in redacted
    assert "Lorcan Halloran" not in redacted


CARERS = (
    "Placement meeting. Present: Lorcan Halloran; Tamsin Baptiste (Social Worker); "
    "Philippa Rendell and Gordon Rendell (foster carers).\n\n"
)


def test_a_pet_form_of_a_third_partys_first_name_is_that_third_party():
    text = CARERS + "My views\nI like living with Pippa now. Tamsin and Lorcan went to the park.\n"
    [plan] = propose(make_doc("views.pdf", text))
    redacted = redacted_texts(plan)
    assert "Pippa" in redacted
    assert "Tamsin" not in redacted and "Lorcan" not in redacted


def test_a_capitalised_word_joined_by_and_to_a_third_partys_name_is_a_person():
    text = CARERS + "My views\nOn Sundays I go out with Gordon and Marguerite to the beach.\n"
    [plan] = propose(make_doc("views.pdf", text))
    redacted = redacted_texts(plan)
    assert "Gordon" in redacted
    assert "Marguerite" in redacted


def test_a_word_joined_to_a_professionals_name_is_not_made_a_third_party():
    text = CARERS + "My views\nOn Sundays I see Tamsin and Marguerite at the office.\n"
    [plan] = propose(make_doc("views.pdf", text))
    assert "Marguerite" not in redacted_texts(plan)


def test_modified_and_appositive_roles_make_a_professional_bundle_wide():
    first = (
        "Assessment\n"
        "1.2 Lorcan's pastoral lead, Mr Ambrose Penrice, who is also the Designated Safeguarding Lead, "
        "raised the concern. Also present: Odile Carrack (Supervising Social Worker, Fostering Service) "
        "and his form tutor, Ms Keturah Vyse.\n"
    )
    second = "Statement\n4. I spoke to Lorcan at school with Mr Penrice and Ms Vyse present.\n"
    plans = propose(make_doc("assessment.pdf", first), make_doc("statement.pdf", second))
    redacted = [t for plan in plans for t in redacted_texts(plan)]
    for kept in ("Ambrose Penrice", "Mr Penrice", "Penrice", "Odile Carrack", "Keturah Vyse", "Vyse"):
        assert not any(kept in t for t in redacted), kept


def test_towns_counties_buildings_and_streets_are_not_people():
    text = (
        "Statement\n"
        "I, Tamsin Baptiste, of Anyshire Children's Services, Tregarrow Avenue, Penbryn, make this statement. "
        "PC 4411 Ruth Kellow of Wessex and Mercia Police attended. The meeting was held at Polwith County "
        "Offices, Trevanna Walk. Lorcan's mother, Saoirse Halloran, was present.\n"
        "Reply to: Ellerby House\n"
    )
    [plan] = propose(make_doc("statement.pdf", text))
    redacted = redacted_texts(plan)
    for kept in ("Penbryn", "Wessex", "Mercia", "Polwith", "Trevanna", "Ellerby"):
        assert not any(kept in t for t in redacted), kept
    assert "Saoirse Halloran" in redacted


def test_a_name_is_cut_at_a_run_of_spaces_and_at_the_next_label():
    from redaction.engine import _Page, _split_mention
    from redaction.text import normalise, sentence_bounds
    from tests.redaction.engine_support import make_page

    text = "Signed: Priya Okafor    Dated: 02/06/2025\nWitness: Saoirse Halloran Position: mother\n"
    norm, index = normalise(text)
    page = _Page(0, make_page(text), norm, index, [], sentence_bounds(norm))
    first = text.index("Priya")
    [signed] = _split_mention(page, first, first + len("Priya Okafor    Dated"), "SpacyRecognizer")
    assert signed.tokens == ("Priya", "Okafor")
    second = text.index("Saoirse")
    [witness] = _split_mention(page, second, second + len("Saoirse Halloran Position"), "SpacyRecognizer")
    assert witness.tokens == ("Saoirse", "Halloran")


def test_document_and_section_words_in_a_title_are_not_a_name():
    text = (
        "Harbour Lane Family Centre - Supervised Contact Session Log\n"
        "Lorcan arrived at 16:00 with his aunt, Saoirse Halloran. The Session ended at 17:00.\n"
    )
    [plan] = propose(make_doc("log.pdf", text))
    redacted = redacted_texts(plan)
    assert not any("Session" in t or "Log" in t for t in redacted)
    assert "Saoirse Halloran" in redacted


def test_a_phone_labelled_as_a_service_line_is_the_services():
    text = (
        "Placement planning meeting\n"
        "Lorcan is placed with foster carers Philippa and Gordon Rendell, home telephone 01632 960112.\n"
        "Actions: Tamsin Baptiste to send the plan to the carers.\n"
        "Fostering duty line: 01632 960999\n"
        "Lorcan's mum's office: 01632 960555\n"
    )
    [plan] = propose(make_doc("ppm.pdf", text))
    redacted = redacted_texts(plan)
    assert "01632 960999" not in redacted
    assert "01632 960112" in redacted
    assert "01632 960555" in redacted


def test_a_service_label_or_a_body_name_may_wrap_onto_the_next_line():
    text = (
        "Placement planning meeting\n"
        "Lorcan is placed with foster carers Philippa and Gordon Rendell, home telephone 01632 960112. Their "
        "worker is PC 4411 Ruth Kellow of Wessex and Mercia\n"
        "Police. Tamsin Baptiste will send the plan to the carers by Friday this week. Fostering duty line:\n"
        "01632 960999\n"
    )
    [plan] = propose(make_doc("ppm.pdf", text))
    redacted = redacted_texts(plan)
    assert "01632 960999" not in redacted
    assert "01632 960112" in redacted
    assert not any("Wessex" in t or "Mercia" in t for t in redacted)


def test_a_third_partys_own_office_line_is_still_redacted():
    text = (
        "Contact details\n"
        "Lorcan's foster carer is Gordon Rendell, office: 01632 960777, who works locally.\n"
    )
    [plan] = propose(make_doc("contacts.pdf", text))
    assert "01632 960777" in redacted_texts(plan)
