"""The FOIA exemptions and EIR exceptions an outcome can cite, as data.

Provenance: FOIA Part II sections and their absolute/qualified type from rulebook §4.1 (absolute:
FOIA s.2(3)); EIR exceptions from the headings of EIR 2004 reg 12(4), 12(5) and reg 13, all of which
are subject to the public interest test and the reg 12(2) presumption in favour of disclosure
(rulebook §5.3, E-5). Where rulebook §4.1 says an exemption is absolute only in part (s.36, s.37, s.40(2)),
it is listed as qualified here, so the letter always has room for the public-interest reasoning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Exemption:
    """One citable provision: ``key`` (as typed, e.g. ``s.43(2)``), the statute, title, absolute or not."""

    key: str
    statute: str
    title: str
    absolute: bool

    @property
    def citation(self) -> str:
        """e.g. ``FOIA 2000 s.43(2)``."""
        return f"{self.statute} {self.key}"


_FOIA = "FOIA 2000"
_EIR = "EIR 2004"
_ROWS = (
    ("s.21", "Information reasonably accessible by other means", True),
    ("s.22", "Information intended for future publication", False),
    ("s.22A", "Ongoing research", False),
    ("s.23", "Information supplied by, or relating to, security bodies", True),
    ("s.24", "National security", False),
    ("s.26", "Defence", False),
    ("s.27", "International relations", False),
    ("s.28", "Relations within the United Kingdom", False),
    ("s.29", "The economy", False),
    ("s.30", "Investigations and proceedings conducted by public authorities", False),
    ("s.31", "Law enforcement", False),
    ("s.32", "Court records", True),
    ("s.33", "Audit functions", False),
    ("s.34", "Parliamentary privilege", True),
    ("s.35", "Formulation of government policy", False),
    ("s.36", "Prejudice to effective conduct of public affairs", False),
    ("s.37", "Communications with His Majesty and honours", False),
    ("s.38", "Health and safety", False),
    ("s.39", "Environmental information", False),
    ("s.40(1)", "The requester's own personal data", True),
    ("s.40(2)", "Personal data of third parties", False),
    ("s.41", "Information provided in confidence", True),
    ("s.42", "Legal professional privilege", False),
    ("s.43(1)", "Trade secrets", False),
    ("s.43(2)", "Commercial interests", False),
    ("s.44", "Prohibitions on disclosure", True),
)
_EIR_ROWS = (
    ("reg 12(4)(a)", "Information not held"),
    ("reg 12(4)(b)", "Request manifestly unreasonable"),
    ("reg 12(4)(c)", "Request formulated in too general a manner"),
    ("reg 12(4)(d)", "Material in the course of completion, unfinished documents or incomplete data"),
    ("reg 12(4)(e)", "Internal communications"),
    ("reg 12(5)(a)", "International relations, defence, national security or public safety"),
    ("reg 12(5)(b)", "The course of justice"),
    ("reg 12(5)(c)", "Intellectual property rights"),
    ("reg 12(5)(d)", "Confidentiality of proceedings"),
    ("reg 12(5)(e)", "Confidentiality of commercial or industrial information"),
    ("reg 12(5)(f)", "Interests of the person who provided the information"),
    ("reg 12(5)(g)", "Protection of the environment"),
    ("reg 13", "Personal data of third parties"),
)

FOIA_EXEMPTIONS: Mapping[str, Exemption] = {k: Exemption(k, _FOIA, t, a) for k, t, a in _ROWS}
EIR_EXCEPTIONS: Mapping[str, Exemption] = {k: Exemption(k, _EIR, t, False) for k, t in _EIR_ROWS}


def lookup(regime_family: str, key: str) -> Exemption | None:
    """The exemption ``key`` (``s.43(2)``, ``reg 12(5)(b)``; spacing and case ignored) for ``foi`` or ``eir``."""
    table = EIR_EXCEPTIONS if regime_family == "eir" else FOIA_EXEMPTIONS
    wanted = "".join((key or "").lower().split())
    return next((e for k, e in table.items() if "".join(k.lower().split()) == wanted), None)
