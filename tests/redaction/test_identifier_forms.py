"""Every identifier form issue 10 lists, through the real engine: one positive and one negative row each.

A row is one sentence on a one-page case note whose first line names Doran Vesk as the mother's
partner (a third party). ``redacted`` says whether ``value`` must be inside a proposal. Positive
rows are a third party's identifier in the form real records use; negative rows are the same shape
or cue without what makes it an identifier (a date that is no birthday, a street that places nobody).
The detectors are presidio recognizers in the analyzer's registry (redaction.detectors.*); who owns
the value is decided by redaction.identifier_rules.
"""

import pytest

from tests.redaction.engine_support import context, make_doc, propose

pytestmark = pytest.mark.slow

INTRO = "Case note\nDoran Vesk, the mother's partner, was present.\n"

ROWS = [
    # form, text, value, redacted
    ("dob-iso", "Doran Vesk, DOB 1983-02-03, was present.", "1983-02-03", True),
    ("dob-iso", "The review on 1983-02-03 was cancelled.", "1983-02-03", False),
    ("dob-written", "Doran Vesk (born 3rd Jan 09) was present.", "3rd Jan 09", True),
    ("dob-written", "On 3 March 12 children attended the group.", "3 March 12", False),
    ("age", "Doran Vesk, aged 34, was present.", "aged 34", True),
    ("age", "The house has been empty for 34 weeks.", "34 weeks", False),
    ("age-bracketed", "Doran Vesk (34) was present.", "(34)", True),
    ("age-bracketed", "See Section (3) of the plan.", "(3)", False),
    ("phone-uk-mobile", "Doran Vesk's mobile is 07700-900-123.", "07700-900-123", True),
    ("phone-uk-mobile", "The meeting ran from 0930 to 1200.", "0930", False),
    ("phone-uk-landline", "Doran Vesk's landline is (0117) 496 0123.", "(0117) 496 0123", True),
    ("phone-uk-landline", "Invoice 0117 was paid.", "0117", False),
    ("phone-uk-international", "Doran Vesk's mobile is +44 (0)7700 900123.", "+44 (0)7700 900123", True),
    ("phone-uk-international", "He scored 44 out of 77 on the test.", "44 out of 77", False),
    ("phone-foreign", "Doran Vesk's number in Poland is +48 512 345 678.", "+48 512 345 678", True),
    ("phone-foreign", "The flat is 48 square metres.", "48", False),
    ("handle-at", "Doran Vesk messaged from @doran.v99 on Instagram.", "@doran.v99", True),
    ("handle-at", "Meet at 2 @ the office.", "@ the", False),
    ("handle-platform", "Doran Vesk's Snapchat is doranv_99.", "doranv_99", True),
    ("handle-platform", "Doran Vesk said Snapchat is popular at school.", "popular", False),
    ("sort-code", "Doran Vesk's sort code 20-45-77, account 43917265.", "20-45-77", True),
    ("sort-code", "The meeting is on 20-04-25 in room 12.", "20-04-25", False),
    ("sort-code-unseparated", "Doran Vesk's sort code is 204577.", "204577", True),
    ("sort-code-unseparated", "The reference code 204577 was used.", "204577", False),
    ("account-number", "Doran Vesk's sort code 20-45-77, account 43917265.", "43917265", True),
    ("account-number", "The form was 43917265 characters long.", "43917265", False),
    ("passport", "Doran Vesk's Polish passport no. EA1234567.", "EA1234567", True),
    ("passport", "Invoice 561204877 was paid.", "561204877", False),
    ("prison-number", "Doran Vesk, NOMIS A1234BC.", "A1234BC", True),
    ("prison-number", "The form code A1234BC was used.", "A1234BC", False),
    ("pnc", "Doran Vesk's PNC is 2019/0482213K.", "2019/0482213K", True),
    ("pnc", "Seen on 19/04/2021 at 10.", "19/04/2021", False),
    ("cro", "Doran Vesk, CRO 012345/19L.", "012345/19L", True),
    ("cro", "Doran Vesk scored 12/19 on the quiz (grade B).", "12/19", False),
    ("upn", "Doran Vesk's son, UPN A123456789012, attends.", "A123456789012", True),
    ("upn", "Doran Vesk's son attends Year 9.", "Year 9", False),
    ("uln", "Doran Vesk's ULN is 1234567890.", "1234567890", True),
    ("uln", "Doran Vesk's ULN is to follow from the college.", "ULN", False),
    ("vehicle-uk", "Doran Vesk drives a Golf, reg AB12CDE.", "AB12CDE", True),
    ("vehicle-uk", "Doran Vesk registered for the course in 2019 at Room B12.", "B12", False),
    ("vehicle-foreign", "Doran Vesk drives a Polish-registered van, WA 12345.", "WA 12345", True),
    ("vehicle-foreign", "Doran Vesk registered with the GP in 2019.", "2019", False),
    ("vehicle-foreign-hyphenated", "Doran Vesk's car has the Irish plate 191-D-12345.", "191-D-12345", True),
    ("vehicle-foreign-hyphenated", "Doran Vesk's plate of food was left on the side.", "plate", False),
    ("street-named-alone", "Doran Vesk lives on Cleveland Road.", "Cleveland Road", True),
    ("street-named-alone", "The office is on Station Road.", "Station Road", False),
    ("street-position", "Doran Vesk was seen outside Mill Lane shops.", "Mill Lane", True),
    ("street-position", "The office is on the High Street.", "High Street", False),
    ("address-descriptive", "Doran Vesk rents the flat above the bookies on the High Street.",
     "the flat above the bookies on the High Street", True),
    ("address-descriptive", "The flat was cold and the bookies were closed.", "flat", False),
    ("address-refuge", "Doran Vesk is now in a refuge in Darlington.", "a refuge in Darlington", True),
    ("address-refuge", "A refuge place was offered but declined.", "refuge", False),
    ("address-welsh", "Doran Vesk lives at 12 Heol y Bont, Caerfyrddin SA31 1AB.", "12 Heol y Bont", True),
    ("address-welsh", "The Welsh word heol means road.", "heol", False),
    ("address-scottish", "Doran Vesk lives at Flat 2/1, 45 Dumbarton Road, Glasgow G11 6AA.", "45 Dumbarton Road",
     True),
    ("address-scottish", "The vote was 2/1 in favour of the plan.", "2/1", False),
    ("address-foreign-country", "Doran Vesk lives at ul. Dluga 5/7, 00-238 Warszawa, Poland.", "ul. Dluga 5/7", True),
    ("address-foreign-country", "Doran Vesk's family came from Poland in 2015.", "Poland", False),
    ("address-foreign-postcode", "Doran Vesk lives at 14 rue de la Paix, 75002 Paris.", "14 rue de la Paix", True),
    ("address-foreign-postcode", "The meeting was on 12 March, 2024 Leeds office.", "2024 Leeds", False),
]


def test_every_form_has_a_positive_and_a_negative_row():
    forms: dict[str, set[bool]] = {}
    for form, _t, _v, redacted in ROWS:
        forms.setdefault(form, set()).add(redacted)
    assert all(v == {True, False} for v in forms.values()), forms


@pytest.mark.parametrize(("form", "text", "value", "redacted"), ROWS, ids=[f"{r[0]}-{r[3]}" for r in ROWS])
def test_identifier_form_rows(form, text, value, redacted):
    plan = propose(make_doc("note.pdf", INTRO + text + "\n"), ctx=context())[0]
    got = [" ".join(p.text.split()) for p in plan.proposals]
    assert any(value in g for g in got) is redacted, (form, got)


def test_named_street_is_not_the_start_of_a_longer_proper_name():
    """Rule named-street: "<Name> Vale Academy" is a school, not the street "<Name> Vale"."""
    from redaction.detectors.ids_labelled import NamedStreetRecognizer

    def found(text):
        return [text[s:e] for s, e, _ in NamedStreetRecognizer().spans(text)]

    assert found("He stays at Mill Vale now.") == ["Mill Vale"]
    assert found("He stays at Mill Vale Academy after school.") == []
