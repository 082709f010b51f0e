"""Who the request is about and who acts professionally in the file.

A :class:`RedactionContext` is what the engine knows before it reads a page: the data subject
(whose own data is disclosed), parties the caseworker has already classified, and the staff
directory (professionals acting in their role are disclosed, DPA 2018 Sch 2 para 17).
All value objects are frozen and validated on construction, so a bad context fails at the seam
rather than half-way through a bundle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOB_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
DECISIONS = frozenset({"disclose", "redact"})
REGIMES = frozenset({"sar", "foi", "eir"})


def _clean_name(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a non-empty string, got {value!r}")
    return " ".join(value.split())


@dataclass(frozen=True)
class Subject:
    """The data subject of a SAR.

    :param name: full name as the file records it, e.g. ``"<Given> <Surname>"``.
    :param aliases: other names the subject is known by (previous surname, nickname).
    :param dob: date of birth as ``DD/MM/YYYY`` or ``None`` when unknown.
    :param identifiers: the subject's own reference numbers (NHS number, case reference ...);
        they are disclosed wherever they appear.
    :raises ValueError: on an empty name or a malformed date of birth.
    """

    name: str
    aliases: tuple[str, ...] = ()
    dob: str | None = None
    identifiers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _clean_name(self.name, "subject name"))
        object.__setattr__(self, "aliases", tuple(_clean_name(a, "alias") for a in self.aliases))
        object.__setattr__(
            self, "identifiers", tuple(str(i).strip() for i in self.identifiers if str(i).strip())
        )
        if self.dob is not None:
            if not isinstance(self.dob, str) or not _DOB_RE.match(self.dob.strip()):
                raise ValueError(f"subject dob must be DD/MM/YYYY, got {self.dob!r}")
            day, month, _ = (int(p) for p in self.dob.strip().split("/"))
            if not (1 <= day <= 31 and 1 <= month <= 12):
                raise ValueError(f"subject dob is not a date: {self.dob!r}")
            object.__setattr__(self, "dob", self.dob.strip())

    @property
    def names(self) -> tuple[str, ...]:
        """The full name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class KnownParty:
    """A person the caseworker has already classified.

    :param name: the person's name as it appears in the file.
    :param relationship: free text, e.g. ``"mother"``, ``"foster carer"``, ``"neighbour"``.
    :param decision: ``"disclose"`` (consented or reasonable to disclose) or ``"redact"``.
    :raises ValueError: on an empty name or an unknown decision.
    """

    name: str
    relationship: str = ""
    decision: str = "redact"

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _clean_name(self.name, "party name"))
        if self.decision not in DECISIONS:
            raise ValueError(f"decision must be one of {sorted(DECISIONS)}, got {self.decision!r}")


@dataclass(frozen=True)
class StaffMember:
    """A professional whose name and work contact details are disclosed.

    :raises ValueError: on an empty name or role.
    """

    name: str
    role: str
    org: str | None = None
    email: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _clean_name(self.name, "staff name"))
        object.__setattr__(self, "role", _clean_name(self.role, "staff role"))
        if self.email is not None and "@" not in self.email:
            raise ValueError(f"staff email is not an e-mail address: {self.email!r}")


@dataclass(frozen=True)
class RedactionContext:
    """Everything the engine is told about a request before reading it.

    :param subject: the data subject (for FOI/EIR, a placeholder subject is still required).
    :param parties: people already classified by the caseworker.
    :param staff: the staff directory.
    :param requester_is_parent: the request is made on the child's behalf by a person with
        parental responsibility (Sch 3 para 10 and para 21 become relevant).
    :param regime: ``"sar"``, ``"foi"`` or ``"eir"``; selects which exemption codes are used.
    :raises ValueError: on an unknown regime or wrongly typed members.
    """

    subject: Subject
    parties: tuple[KnownParty, ...] = ()
    staff: tuple[StaffMember, ...] = ()
    requester_is_parent: bool = False
    regime: str = "sar"

    def __post_init__(self) -> None:
        if not isinstance(self.subject, Subject):
            raise ValueError("subject must be a Subject")
        object.__setattr__(self, "parties", tuple(self.parties))
        object.__setattr__(self, "staff", tuple(self.staff))
        if not all(isinstance(p, KnownParty) for p in self.parties):
            raise ValueError("parties must be KnownParty objects")
        if not all(isinstance(s, StaffMember) for s in self.staff):
            raise ValueError("staff must be StaffMember objects")
        if self.regime not in REGIMES:
            raise ValueError(f"regime must be one of {sorted(REGIMES)}, got {self.regime!r}")
