"""The bundle's cast as input (confirmed facts) and output (status, forms, evidence), issue 10."""

import pytest

from redaction.cast import apply_cast, parse_cast
from tests.redaction.engine_support import context, make_doc, propose, redacted_texts


def test_parse_cast_accepts_every_role_and_rejects_bad_entries():
    cast = parse_cast({"people": [
        {"name": "Lorcan  Halloran", "role": "subject", "aliases": ["Lorky"]},
        {"name": "Doran Vesk", "role": "third_party", "relationship": "stepfather", "aliases": ["Dor"]},
        {"name": "Ingrid Okafor", "role": "professional", "relationship": "Health Visitor"},
        {"name": "Saoirse Halloran", "role": "disclosed", "relationship": "mother (requester)"},
    ]})
    assert [m.role for m in cast] == ["subject", "third_party", "professional", "disclosed"]
    assert cast[0].name == "Lorcan Halloran"
    for bad, why in (
        ([], "people"),
        ({"people": [{"name": "", "role": "subject"}]}, "people[0].name"),
        ({"people": [{"name": "A B", "role": "uncle"}]}, "people[0].role"),
        ({"people": [{"name": "A B", "role": "third_party", "aliases": "C"}]}, "people[0].aliases"),
        ({"people": [{"name": "A B", "role": "subject"}, {"name": "C D", "role": "subject"}]}, "at most one"),
    ):
        with pytest.raises(ValueError, match=why.replace("[", r"\[").replace("]", r"\]")):
            parse_cast(bad)


def test_apply_cast_folds_confirmed_people_into_the_context():
    cast = parse_cast({"people": [
        {"name": "Lorcan Halloran", "role": "subject", "aliases": ["Lorky"]},
        {"name": "Doran Vesk", "role": "third_party", "aliases": ["Dor"]},
        {"name": "Ingrid Okafor", "role": "professional", "relationship": "Health Visitor"},
        {"name": "Saoirse Halloran", "role": "disclosed"},
    ]})
    ctx = apply_cast(context(), cast)
    assert "Lorky" in ctx.subject.aliases and "Lorcan Halloran" not in ctx.subject.aliases
    assert {p.name: p.decision for p in ctx.parties} == {"Doran Vesk": "redact", "Dor": "redact",
                                                         "Saoirse Halloran": "disclose"}
    assert any(s.name == "Ingrid Okafor" and s.role == "Health Visitor" for s in ctx.staff)


@pytest.mark.slow
def test_cast_output_has_status_evidence_and_unresolved_people():
    doc = make_doc("note.pdf", "Case note\nLorcan Halloran was seen at home with Saoirse Halloran (mother).\n"
                   "Later Quillon Brask called at the house. Tamsin Baptiste, Social Worker, visited.\n")
    plan = propose(doc, ctx=context())[0]
    people = {p["name"]: p for p in plan.cast}
    assert people["Lorcan Halloran"]["status"] == "subject"
    assert people["Tamsin Baptiste"]["status"] == "professional"
    assert people["Saoirse Halloran"]["status"] == "third_party"
    assert any("mother" in e for e in people["Saoirse Halloran"]["evidence"])
    # Nobody says who Quillon Brask is: proposed for redaction (fail closed) and listed as unresolved.
    assert people["Quillon Brask"]["status"] == "unresolved"
    assert "Quillon Brask" in redacted_texts(plan)
    assert people["Quillon Brask"]["mentions"][0] == {"document": "note.pdf", "page": 1, "text": "Quillon Brask"}


@pytest.mark.slow
def test_confirmed_professional_wins_over_inference():
    doc = make_doc("note.pdf", "Case note\nLater Quillon Brask called at the house.\n")
    ctx = apply_cast(context(), parse_cast({"people": [{"name": "Quillon Brask", "role": "professional"}]}))
    plan = propose(doc, ctx=ctx)[0]
    assert "Quillon Brask" not in redacted_texts(plan)


def test_recorded_professional_role_is_only_a_job_title():
    # Rule recorded-professional-role (redaction.cast.is_professional_role): invented rows.
    from redaction.cast import is_professional_role

    for recorded in ("social worker", "Senior Social Worker", "the family's GP", "solicitor", "health visitor."):
        assert is_professional_role(recorded), recorded
    for recorded in ("mother", "foster carer", "neighbour", "social worker's partner", "", None,
                     "uncle, a retired teacher"):
        assert not is_professional_role(recorded), recorded
