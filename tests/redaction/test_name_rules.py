"""The name-decision table (redaction.name_rules.NAME_RULES, issue 10): one positive and one negative
row for every rule. A rule added without rows fails test_every_rule_has_rows."""

import pytest

from redaction.name_rules import NAME_RULES, Around, first_name_rule
from redaction.names import Mention

# rule name -> (positive row, negative row); the name is written between [ and ], an optional title
# before it in the mention as "title|".
ROWS = {
    "professional-title": ("Seen by Dr|[Ines Varga] today.", "Seen by Mrs|[Ines Varga] today."),
    "initials-not-role": ("Mother [Sima Wend] (SW) tearful.", "Mother [Ines Varga] (SW) tearful."),
    "role-after-name": ("Visit by [Ines Varga], Social Worker.", "Visit by [Ines Varga], her aunt."),
    "job-title-after-name": ("[Ines Varga]\nDomestic Abuse Adviser", "[Ines Varga]\nFoster Carer Adviser"),
    "role-in-brackets": ("Interview by [Ines Varga] (missing person worker) today.",
                         "Staying with [Ines Varga] (kinship carer) today."),
    "firm-grade-after-name": ("Yours faithfully\n[Ines Varga]\nPartner\nVarga Holt LLP",
                              "Yours faithfully\n[Ines Varga]\nPartner of the mother"),
    "role-before-name": ("Health visitor: [Ines Varga] attended.", "Foster carer: [Ines Varga] attended."),
    "with-organisation": ("[Ines Varga] (Northshire Police) attended.", "[Ines Varga] from school came."),
    "professional-at-organisation": ("Seen at the surgery by [Ines Varga].", "Seen at home by [Ines Varga]."),
    "work-email": ("From: [Ines Varga] <i.varga@northshire.gov.uk>", "From: [Ines Varga] <ines@mailbox.example>"),
}


def around(row: str) -> Around:
    title = None
    if "|" in row:
        head, row = row.split("|", 1)
        title = head.split()[-1]
        row = head[: -len(title)] + row
    start = row.index("[")
    end = row.index("]") - 1
    text = row.replace("[", "").replace("]", "")
    name = text[start:end]
    m = Mention(0, 0, start, end, tuple(name.split()), title)
    return Around.of(m, text)


def test_every_rule_has_rows():
    assert sorted(r.name for r in NAME_RULES) == sorted(ROWS)


@pytest.mark.parametrize("rule", sorted(ROWS))
def test_positive_row(rule):
    assert first_name_rule(around(ROWS[rule][0]))[0] == rule


@pytest.mark.parametrize("rule", sorted(ROWS))
def test_negative_row(rule):
    assert first_name_rule(around(ROWS[rule][1]))[0] != rule


def test_initials_not_role_gives_no_evidence():
    assert first_name_rule(around(ROWS["initials-not-role"][0])) == ("initials-not-role", "")
    # without it, the same letters read as a role abbreviation
    assert first_name_rule(around(ROWS["initials-not-role"][1])) == ("role-after-name", "role after name")
