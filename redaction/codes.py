"""Exemption codes: the single table behind every redaction's code, legal basis and reason.

Each proposal carries a ``code`` that is a key of :data:`EXEMPTION_CODES`. The requester's
schedule of redactions prints ``title`` and ``reason`` (plain English); the reviewer sees
``basis``. ``regimes`` says which kinds of request a code can be used for, so a FOI response
cannot cite a DPA 2018 schedule paragraph by mistake. Sources: rulebook §3 and §4.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

_REGIMES = frozenset({"sar", "foi", "eir"})


@dataclass(frozen=True)
class ExemptionCode:
    """One exemption or redaction ground.

    :param code: the stable key used in proposals and schedules.
    :param basis: the legal provision, e.g. ``"DPA 2018 Sch 2 Part 3 para 16"``.
    :param title: a short title for the schedule.
    :param reason: one or two plain-English sentences for the requester.
    :param regimes: the request regimes (``sar``, ``foi``, ``eir``) the code applies to.
    :param needs_manager_decision: proposals with this code must be confirmed by a manager.
    """

    code: str
    basis: str
    title: str
    reason: str
    regimes: frozenset[str]
    needs_manager_decision: bool = False

    def __post_init__(self) -> None:
        if not self.code or not self.basis or not self.title or not self.reason:
            raise ValueError(f"exemption code {self.code!r} is missing a field")
        if not self.regimes or not self.regimes <= _REGIMES:
            raise ValueError(f"exemption code {self.code!r} has bad regimes {sorted(self.regimes)}")


def _code(
    code: str, basis: str, title: str, reason: str, regimes: str, manager: bool = False
) -> ExemptionCode:
    return ExemptionCode(code, basis, title, reason, frozenset(regimes.split()), manager)


_TABLE = (
    _code(
        "SCH2-P16-THIRD-PARTY",
        "DPA 2018 Sch 2 Part 3 para 16",
        "Information about other people",
        "This is information about another person. We cannot give it to you without their consent "
        "unless it is reasonable to do so.",
        "sar",
    ),
    _code(
        "SCH2-P19-LPP",
        "DPA 2018 Sch 2 Part 4 para 19",
        "Legal professional privilege",
        "This is confidential legal advice given to the council, which is protected by legal "
        "professional privilege.",
        "sar",
    ),
    _code(
        "SCH3-SERIOUS-HARM",
        "DPA 2018 Sch 3 Part 3 para 11 (social work data)",
        "Risk of serious harm",
        "Giving you this information would be likely to cause serious harm to the physical or mental "
        "health of you or another person, for example by revealing where someone lives or is placed.",
        "sar",
        manager=True,
    ),
    _code(
        "SCH3-P10-EXPECTATIONS",
        "DPA 2018 Sch 3 Part 3 para 10",
        "Child's expectations and wishes",
        "The child gave this information expecting that it would not be shared with the person who "
        "asked for it.",
        "sar",
        manager=True,
    ),
    _code(
        "SCH3-P21-CHILD-ABUSE",
        "DPA 2018 Sch 3 Part 5 para 21",
        "Child abuse data",
        "Sharing this information with the person who asked for it would not be in the child's best "
        "interests.",
        "sar",
        manager=True,
    ),
    _code(
        "SCH2-P2-CRIME",
        "DPA 2018 Sch 2 Part 1 para 2",
        "Prevention or detection of crime",
        "Giving you this information would be likely to prejudice the prevention or detection of crime "
        "or the prosecution of offenders.",
        "sar",
    ),
    _code(
        "SCH4-ADOPTION",
        "DPA 2018 Sch 4 para 3",
        "Adoption records",
        "Adoption records and reports can only be disclosed through the adoption process set out in "
        "adoption law.",
        "sar",
        manager=True,
    ),
    _code(
        "NOT-RELEVANT",
        "Outside the scope of the request",
        "Not your information",
        "This part of the record is not about you and is outside the scope of your request.",
        "sar foi eir",
    ),
    _code(
        "DUPLICATE",
        "Duplicate of material provided elsewhere",
        "Duplicate",
        "This is a copy of information already provided elsewhere in this response.",
        "sar foi eir",
    ),
    _code(
        "FOIA-S40-2",
        "FOIA 2000 s.40(2)",
        "Personal information",
        "This is personal information about someone else and disclosing it would breach data protection law.",
        "foi",
    ),
    _code(
        "FOIA-S41",
        "FOIA 2000 s.41",
        "Information provided in confidence",
        "This information was given to the council in confidence and disclosing it would be an "
        "actionable breach of confidence.",
        "foi",
    ),
    _code(
        "FOIA-S42",
        "FOIA 2000 s.42",
        "Legal professional privilege",
        "This is legal advice protected by legal professional privilege and the public interest "
        "favours keeping it confidential.",
        "foi",
    ),
    _code(
        "FOIA-S31",
        "FOIA 2000 s.31",
        "Law enforcement",
        "Disclosing this would be likely to prejudice law enforcement, and the public interest "
        "favours withholding it.",
        "foi",
    ),
    _code(
        "FOIA-S38",
        "FOIA 2000 s.38",
        "Health and safety",
        "Disclosing this would be likely to endanger someone's physical or mental health or safety.",
        "foi",
    ),
    _code(
        "EIR-R13",
        "EIR 2004 reg 13",
        "Personal data",
        "This is personal information about someone else and disclosing it would breach data protection law.",
        "eir",
    ),
    _code(
        "EIR-R12-5-B",
        "EIR 2004 reg 12(5)(b)",
        "Course of justice",
        "Disclosing this would adversely affect the course of justice, including legal professional "
        "privilege.",
        "eir",
    ),
)

EXEMPTION_CODES: Mapping[str, ExemptionCode] = MappingProxyType({c.code: c for c in _TABLE})
"""Every code the engine or a reviewer may cite, keyed by :attr:`ExemptionCode.code`."""

# The engine works in SAR terms; for FOI/EIR the same finding maps to the regime's own ground.
REGIME_EQUIVALENTS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "foi": MappingProxyType(
            {
                "SCH2-P16-THIRD-PARTY": "FOIA-S40-2",
                "SCH2-P19-LPP": "FOIA-S42",
                "SCH3-SERIOUS-HARM": "FOIA-S38",
            }
        ),
        "eir": MappingProxyType(
            {"SCH2-P16-THIRD-PARTY": "EIR-R13", "SCH2-P19-LPP": "EIR-R12-5-B", "SCH3-SERIOUS-HARM": "EIR-R13"}
        ),
    }
)


def get_code(code: str) -> ExemptionCode:
    """Return the :class:`ExemptionCode` for ``code``.

    :raises KeyError: if ``code`` is unknown; the message lists the known codes.
    """
    try:
        return EXEMPTION_CODES[code]
    except KeyError:
        raise KeyError(
            f"unknown exemption code {code!r}; known codes: {', '.join(sorted(EXEMPTION_CODES))}"
        ) from None


def code_for_regime(code: str, regime: str) -> str:
    """Translate a SAR code to the equivalent ground for ``regime`` (unchanged for ``"sar"``).

    :raises KeyError: if the resulting code is unknown.
    """
    mapped = REGIME_EQUIVALENTS.get(regime, {}).get(code, code)
    get_code(mapped)
    return mapped
