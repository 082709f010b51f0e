import pytest

from redaction.context import KnownParty, RedactionContext, StaffMember, Subject


def test_subject_normalises_and_validates():
    s = Subject(
        "  Lorcan   Halloran ", aliases=("Lorcan H",), dob="09/09/2009", identifiers=(" 547 593 8245 ",)
    )
    assert s.name == "Lorcan Halloran" and s.names == ("Lorcan Halloran", "Lorcan H")
    assert s.identifiers == ("547 593 8245",)
    for bad in ("2009-09-09", "32/01/2009", "01/13/2009"):
        with pytest.raises(ValueError):
            Subject("A B", dob=bad)
    with pytest.raises(ValueError):
        Subject("  ")


def test_party_staff_and_context_validation():
    with pytest.raises(ValueError):
        KnownParty("Anne Smith", "aunt", decision="maybe")
    with pytest.raises(ValueError):
        StaffMember("Anne Smith", "")
    with pytest.raises(ValueError):
        RedactionContext(subject=Subject("A B"), regime="fois")
    with pytest.raises(ValueError):
        RedactionContext(subject="A B")  # type: ignore[arg-type]
    ctx = RedactionContext(subject=Subject("A B"), staff=[StaffMember("C D", "GP")])
    assert isinstance(ctx.staff, tuple)
