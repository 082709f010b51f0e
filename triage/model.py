"""Result types of triage: regimes, checks, parts and results."""

from __future__ import annotations

from dataclasses import dataclass

REGIMES = (
    "foi",
    "eir",
    "sar",
    "rectification",
    "erasure",
    "restriction",
    "objection",
    "portability",
    "foi-internal-review",
    "eir-reconsideration",
    "third-party",
)
REQUESTER_TYPES = (
    "data_subject",
    "parent",
    "solicitor",
    "member_of_public",
    "journalist",
    "police",
    "court",
    "childrens_guardian",
    "regulator",
)

#: Canonical order of checks in a part, so output is stable whatever order the rules fired in.
CHECKS = (
    "identity",
    "solicitor_authority",
    "parental_responsibility",
    "child_competence",
    "adoption_route",
    "flag_vexatious_review",
)

RIGHTS = ("rectification", "erasure", "restriction", "objection", "portability")

#: How much a part's regime can be trusted: "high" (an explicit ask matched a strong cue), "medium" (a
#: reasonable reading a triager should confirm: arguable FOI/EIR, a topic carried over from an earlier
#: clause, an agency named without saying it makes the request) or "low" (no cue, a default or a weak cue).
CONFIDENCES = ("high", "medium", "low")


@dataclass(frozen=True)
class TriagePart:
    """One part of a request: a regime, why, the text it covers and the checks it needs.

    ``confidence`` is one of :data:`CONFIDENCES`; ``check`` is True whenever the decision rests on weak
    evidence (any confidence below "high"), so the staff page asks an officer to confirm it. ``original``
    links a review or complaint to the request it is about: ``{"reference", "date", "title", "url"}``, each
    present only when the requester gave it.
    """

    regime: str
    reasons: tuple[str, ...]
    excerpt: str
    checks: tuple[str, ...] = ()
    confidence: str = "high"
    original: tuple[tuple[str, str], ...] = ()

    @property
    def check(self) -> bool:
        """Whether an officer should confirm this part's regime (the evidence is not strong)."""
        return self.confidence != "high"

    def __post_init__(self) -> None:
        if self.regime not in REGIMES:
            raise ValueError(f"unknown regime {self.regime!r}; expected one of {', '.join(REGIMES)}")
        unknown = [c for c in self.checks if c not in CHECKS]
        if unknown:
            raise ValueError(f"unknown check(s) {unknown}; expected some of {', '.join(CHECKS)}")
        if self.confidence not in CONFIDENCES:
            raise ValueError(f"unknown confidence {self.confidence!r}; expected one of {', '.join(CONFIDENCES)}")

    def to_dict(self) -> dict:
        """JSON-ready form: ``{"regime", "reasons", "excerpt", "checks", "confidence", "check", "original"}``."""
        return {
            "regime": self.regime,
            "reasons": list(self.reasons),
            "excerpt": self.excerpt,
            "checks": list(self.checks),
            "confidence": self.confidence,
            "check": self.check,
            "original": dict(self.original),
        }


@dataclass(frozen=True)
class TriageResult:
    """The parts of one request, in the order they appear in the text."""

    parts: tuple[TriagePart, ...]

    @property
    def regimes(self) -> frozenset[str]:
        """The set of regimes the request was routed to."""
        return frozenset(p.regime for p in self.parts)

    def to_dict(self) -> dict:
        """JSON-ready form: ``{"parts": [part.to_dict(), ...]}``."""
        return {"parts": [p.to_dict() for p in self.parts]}
