"""Every outcome a request can have, as data: who may use it, what it needs, its letter and record.

Rule IDs refer to the shared rulebook. Each kind says which regimes may use it, which letter
template gives it its structure (the officer writes the case-specific reasoning), what the officer
must supply before it can be submitted, what the closure record says about holding, and whether a
pack of released documents goes with it. Every kind goes through the four-eyes path
(``sar.release.approvals``): rulebook §3 "second-person QA", §5.1 item 6 "sign-off", and the seed
policy that information is not provided without a team manager's approval where there is doubt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from deadlines.rules import DATA_RIGHTS_REGIMES, EIR_REGIMES, FOI_REGIMES, THIRD_PARTY_REGIMES

FOI = frozenset(FOI_REGIMES)
EIR = frozenset(EIR_REGIMES)
FOI_EIR = FOI | EIR
SAR = frozenset({"sar"})
#: The other UK GDPR rights (Arts 16-21, rulebook G-8).
RIGHTS = frozenset(DATA_RIGHTS_REGIMES) - SAR
THIRD_PARTY = frozenset(THIRD_PARTY_REGIMES)

#: What an outcome can require of the officer before it is submitted.
NEEDS = ("exemptions", "public_interest", "search", "advice", "reasons", "legal_basis", "transfer_to",
         "statement", "recipients")


@dataclass(frozen=True)
class OutcomeKind:
    """One outcome.

    :param key: stored in ``outcomes.kind``.
    :param label: what staff and reports call it.
    :param regimes: regimes that may end this way.
    :param template: the decision letter under ``templates/letters``.
    :param held: closure record: ``held``, ``part_held``, ``not_held`` or ``not_applicable`` (NCND, s.12/14 ...).
    :param needs: the fields the officer must fill (see :data:`NEEDS`).
    :param releases_documents: the outcome sends the redacted bundle too (the usual pack), so the
        request needs case-record documents; otherwise the decision pack holds the letter alone.
    :param rule: the rulebook rule(s) it rests on, printed for staff.
    """

    key: str
    label: str
    regimes: frozenset[str]
    template: str
    held: str
    needs: tuple[str, ...] = ()
    releases_documents: bool = False
    rule: str = ""


_KINDS = (
    # FOIA / EIR (rulebook §4, §5.2, §5.3)
    OutcomeKind("released_in_full", "Information released in full", FOI_EIR, "", "held",
                releases_documents=True, rule="F-1, E-1"),
    OutcomeKind("released_in_part", "Information released in part", FOI_EIR, "",
                "part_held", ("exemptions",), releases_documents=True, rule="§5.2 s.17(1), §5.3"),
    OutcomeKind("refused_exempt", "Refused: exempt (s.17 / reg 14)", FOI_EIR, "outcome_foi_refused.txt", "held",
                ("exemptions",), rule="§4.1, §5.2 s.17(1)-(3), §5.3"),
    OutcomeKind("not_held", "Information not held", FOI_EIR, "outcome_not_held.txt", "not_held", ("search",),
                rule="F-1, E-1 (EIR reg 12(4)(a))"),
    OutcomeKind("ncnd", "Neither confirm nor deny", FOI, "outcome_ncnd.txt", "not_applicable", ("exemptions",),
                rule="§5.2 s.17(4)"),
    OutcomeKind("cost_limit", "Refused: cost limit (s.12) with advice", FOI, "outcome_cost_limit.txt",
                "not_applicable", ("reasons", "advice"), rule="§4.2, §5.2 s.17(5)"),
    OutcomeKind("vexatious", "Refused: vexatious (s.14(1))", FOI, "outcome_vexatious.txt", "not_applicable",
                ("reasons",), rule="§4.3, §5.2 s.17(5)"),
    OutcomeKind("repeated", "Refused: repeated (s.14(2))", FOI, "outcome_vexatious.txt", "not_applicable",
                ("reasons",), rule="§4.3"),
    OutcomeKind("eir_manifestly_unreasonable", "Refused: manifestly unreasonable (reg 12(4)(b))", EIR,
                "outcome_foi_refused.txt", "not_applicable", ("reasons", "public_interest", "advice"),
                rule="E-5, §5.3"),
    OutcomeKind("transferred", "Transferred to another authority", FOI_EIR, "outcome_transferred.txt",
                "not_held", ("transfer_to",), rule="F-6"),
    # UK GDPR access (rulebook §5.1, G-7)
    OutcomeKind("sar_released", "Personal data released", SAR, "", "held",
                releases_documents=True, rule="§5.1"),
    OutcomeKind("no_personal_data", "No personal data held", SAR | RIGHTS, "outcome_no_personal_data.txt",
                "not_held", ("search",), rule="§5.1 item 1, G-6"),
    OutcomeKind("manifestly_unfounded", "Refused: manifestly unfounded or excessive (Art 12(5))", SAR | RIGHTS,
                "outcome_manifestly_unfounded.txt", "not_applicable", ("reasons",), rule="G-7"),
    # Other rights (Arts 16-21, rulebook G-8)
    OutcomeKind("rights_done", "Right applied in full", RIGHTS, "outcome_rights_decision.txt", "held",
                rule="G-8"),
    OutcomeKind("rights_partly_done", "Right applied in part", RIGHTS, "outcome_rights_decision.txt", "held",
                ("reasons",), rule="G-8"),
    OutcomeKind("rights_refused", "Refused with reasons", RIGHTS, "outcome_rights_decision.txt", "held",
                ("reasons",), rule="G-7, G-8"),
    OutcomeKind("rectification_statement", "Opinion disputed: supplementary statement added", RIGHTS,
                "outcome_rights_decision.txt", "held", ("reasons", "statement"), rule="G-8 (Art 16, Art 19)"),
    # Third-party and statutory requests (rulebook §1.4)
    OutcomeKind("disclosed", "Disclosed", THIRD_PARTY, "", "held", ("legal_basis",),
                releases_documents=True, rule="§1.4"),
    OutcomeKind("partly_disclosed", "Partly disclosed", THIRD_PARTY, "", "part_held",
                ("legal_basis",), releases_documents=True, rule="§1.4"),
    OutcomeKind("declined", "Declined", THIRD_PARTY, "outcome_declined.txt", "not_applicable",
                ("legal_basis", "reasons"), rule="§1.4"),
)

OUTCOME_KINDS: Mapping[str, OutcomeKind] = {k.key: k for k in _KINDS}

#: The outcome a released pack is recorded as when no outcome was drafted (the pre-issue-13 path).
DEFAULT_RELEASE_KIND: Mapping[str, str] = {
    **{r: "released_in_part" for r in FOI_EIR},
    "sar": "sar_released",
    **{r: "rights_done" for r in RIGHTS},
    **{r: "disclosed" for r in THIRD_PARTY},
}
#: Recorded when a request is withdrawn (closure record only; there is no decision letter).
WITHDRAWN_KIND = "withdrawn"
#: Rights regimes for which Art 19 requires telling the recipients of the data (rulebook G-8).
ART19_REGIMES = frozenset({"rectification", "erasure", "restriction"})


def kinds_for(regime: str) -> list[OutcomeKind]:
    """The outcomes a request under ``regime`` may have, in catalogue order."""
    return [k for k in _KINDS if regime in k.regimes]
