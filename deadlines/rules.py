"""The legal rules as data: regimes, clock-event kinds and which calendar each regime counts in.

Rule IDs refer to ``rulebook.md`` (shared reference material).
"""

from __future__ import annotations

#: FOIA-style regimes: working days, day 1 is the first working day after receipt (C2, C3).
FOI_REGIMES: tuple[str, ...] = ("foi", "foi-internal-review")
#: EIR-style regimes: as FOIA (E-1, E-6), but reg 7 / reg 8 / reg 9 instead of s.10(3) / s.10(2) / s.1(3).
EIR_REGIMES: tuple[str, ...] = ("eir", "eir-reconsideration")
#: UK GDPR rights: one calendar month from the relevant time, rolled forward (G-1..G-4, G-8).
DATA_RIGHTS_REGIMES: tuple[str, ...] = (
    "sar",
    "rectification",
    "erasure",
    "restriction",
    "objection",
    "portability",
)
#: §1.4 requests (police, court, Guardian, Ofsted...): no statutory clock, an internal SLA in working days.
THIRD_PARTY_REGIMES: tuple[str, ...] = ("third-party",)

REGIMES: tuple[str, ...] = FOI_REGIMES + EIR_REGIMES + DATA_RIGHTS_REGIMES + THIRD_PARTY_REGIMES

#: Working days allowed, (standard, extended), for the working-day regimes.
#: foi F-1/F-3; eir E-1/E-2; foi-internal-review F-8 (40 only in exceptional or complex cases);
#: eir-reconsideration E-6 (no extension).
WORKING_DAY_PERIODS: dict[str, tuple[int, int | None]] = {
    "foi": (20, 40),
    "eir": (20, 40),
    "foi-internal-review": (20, 40),
    "eir-reconsideration": (40, None),
}

#: Calendar months allowed for the data-rights regimes: one, or three with the G-4 extension.
MONTHS_STANDARD = 1
MONTHS_EXTENDED = 3

#: Paired "asked" / "answered" events: (start kind, end kind).
EVENT_PAIRS: tuple[tuple[str, str], ...] = (
    ("id_requested", "id_received"),
    ("authority_requested", "authority_received"),
    ("clarification_requested", "clarification_received"),
    ("fee_notice", "fee_paid"),
)

EVENT_KINDS: tuple[str, ...] = tuple(kind for pair in EVENT_PAIRS for kind in pair) + ("extended",)

REGIME_LABELS: dict[str, str] = {
    "foi": "FOIA request",
    "eir": "EIR request",
    "foi-internal-review": "FOIA internal review",
    "eir-reconsideration": "EIR reconsideration (reg 11)",
    "sar": "Subject access request (Art 15)",
    "rectification": "Rectification request (Art 16)",
    "erasure": "Erasure request (Art 17)",
    "restriction": "Restriction request (Art 18)",
    "objection": "Objection (Art 21)",
    "portability": "Portability request (Art 20)",
    "third-party": "Third-party / statutory request (no statutory clock)",
}


def is_working_day_regime(regime: str) -> bool:
    """Whether ``regime`` counts working days with the UK-union calendar (FOIA/EIR family, C2).

    :param regime: one of :data:`REGIMES`.
    :return: ``True`` for the FOIA and EIR regimes.
    """
    return regime in FOI_REGIMES or regime in EIR_REGIMES
