"""Rule dob-column (redaction.columns, issue 10): dates under a date-of-birth column header."""

import pytest

from redaction.columns import dob_column_dates
from redaction.text import normalise
from tests.redaction.engine_support import context, make_doc, make_page, propose, surviving

TABLE = ("Household\nName           DOB          Relationship\nOrla Pender    14/06/2021   Child\n"
         "Hana Worku     09/12/1994   Mother\nVisit on 03/03/2023 at home.\n")


def dates(text):
    page = make_page(text)
    norm, index = normalise(page.text)
    return [norm[s:e] for s, e in dob_column_dates(norm, index, page.char_boxes)]


def test_positive_dates_under_the_header():
    assert dates(TABLE) == ["14/06/2021", "09/12/1994"]


def test_negative_label_on_a_form_is_not_a_column_header():
    assert dates("Form\nDOB: 09/12/1994  Sex: F  Ethnicity: White\n     03/03/2023 visit\n") == []


def test_negative_running_text_under_the_table_is_not_in_the_column():
    assert "03/03/2023" not in dates(TABLE)


def test_negative_header_without_a_row_of_cells():
    assert dates("DOB\n09/12/1994\n") == []


@pytest.mark.slow
def test_engine_redacts_a_third_partys_dob_in_a_column_and_keeps_the_subjects():
    ctx = context("Orla Pender", "14/06/2021")
    doc = make_doc("table.pdf", TABLE)
    left = surviving(doc, propose(doc, ctx=ctx)[0])
    assert "09/12/1994" not in left
    assert "14/06/2021" in left and "03/03/2023" in left
