"""Rules: the regime of one clause, from the cues, in a fixed order (rulebook §2)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from triage.context import Context
from triage.cues.lexicon import CHILD, MOD, NOUN, REL, find, negated
from triage.cues.personal import (
    CHILD_DATA,
    CHILD_LOOSE,
    CLIENT_DATA,
    FOI_ABOUT_SARS,
    NAMED,
    NOT_ABOUT_ME,
    OWN,
    PLACE,
    RECIPIENT_ME,
    REL_DATA,
    RIGHTS_SUBJECT,
    SAR_EXPLICIT,
    THIRD_GROUP,
    THIRD_POSS,
)
from triage.cues.requests import ACCESS_VERB, GREETING, QUESTION, REVIEW
from triage.cues.rights import (
    ERASE_ANY,
    ERASE_PART,
    ERASE_STRONG,
    INACCURATE,
    OBJECT,
    PORT,
    PURPOSE_CUT,
    RECTIFY,
    RESTRICT,
)
from triage.cues.topics import ENV, FOI_TOPIC, FOI_WEAK, GENERIC_FOI, PERSONAL_REF


@dataclass
class Label:
    """A clause's regime (None: no cue), the reasons and checks, and whether the evidence is weak."""

    regime: str | None
    reasons: list[str]
    checks: set[str]
    weak: bool = False
    #: "high", "medium" or "low" (see triage.model.CONFIDENCES); a weak cue is never above "low".
    strength: str | None = None

    @property
    def confidence(self) -> str:
        """The label's confidence: its own strength, or "low" for a weak cue and "high" otherwise."""
        return self.strength or ("low" if self.weak else "high")


def quote(words: str) -> str:
    """Quote the trigger words in a reason."""
    return f"'{words}'"


def sar_label(reason: str, checks: set[str], ctx: Context) -> Label:
    """A SAR label with the reasons the context adds (Act named, care leaver, adoption, child requester)."""
    reasons = [reason]
    if ctx.foia_mentioned:
        reasons.append("T-1 / FOIA s.40(1), s.40(5A): cited FOIA, but the requester's own data is absolutely "
                       "exempt from FOIA; send a short FOIA response and handle as a SAR (UK GDPR Art 15)")
    if ctx.eir_mentioned:
        reasons.append("T-1 / EIR reg 5(3): own personal data is excluded from EIR; handle as a SAR")
    if ctx.care_leaver:
        reasons.append(f"T-6: care-leaver access to records ({quote(ctx.care_leaver)}); offer supported access")
    if ctx.adoption:
        reasons.append(f"T-6 / DPA 2018 Sch 4 para 3: adoption records ({quote(ctx.adoption)}) are excluded "
                       "from "
                       "SAR; route them through ACA 2002 ss.56-65")
        checks = checks | {"adoption_route"}
    if ctx.child_requester and "parental_responsibility" not in checks:
        reasons.append(f"T-4: the requester may be a child ({quote(ctx.child_requester)}); assess competence")
        checks = checks | {"child_competence"}
    return Label("sar", reasons, checks)


def classify(norm: str, orig: str, ctx: Context, clause_norm: str) -> Label:
    """Regime of one piece of text. ``clause_norm`` is the whole clause, for cues that span pieces.

    The rule families run in a fixed order, most specific first: a review quotes the topic of the request it
    reviews; a data right names the data it acts on; whose data it is decides SAR against FOI; only then do
    the topic words (environmental, general) count.
    """
    for family in (_review_label, _rights_label, _personal_label, _topic_label):
        label = family(norm, orig, ctx, clause_norm)
        if label is not None:
            return label
    return Label(None, [], set())


# Asking about reviews (their procedure, numbers, outcomes) rather than for one: a FOIA question (T-3).
ABOUT_REVIEWS = re.compile(
    r"\b(?:internal reviews?|reconsiderations?) (?:procedure|process|polic\w*|guidance|figures|statistics|"
    r"completed|carried out|received|conducted|upheld)\b|\b(?:how many|number of|polic\w* on|procedure for|"
    r"statistics on|figures for) (?:\w+ ){0,2}?(?:internal reviews?|reconsiderations?)\b",
)

# Asking how rights requests are handled or counted ("the procedure when a family asks for records to be
# corrected", "how many records were deleted in error") is not exercising a right.
ABOUT_RIGHTS = re.compile(
    r"\b(?:procedures?|(?:the|your|a) process|processes|polic(?:y|ies)|guidance|how many|number of|statistics|"
    r"figures|whether any|how often|training)\b|^\s*(?:were|was|have|has|had|did) any\b",
)

PR_CHECKS = frozenset({"identity", "parental_responsibility", "child_competence"})


def _review_label(norm: str, orig: str, ctx: Context, clause_norm: str) -> Label | None:
    """Internal review (FOIA) or reconsideration (EIR reg 11); a review of a SAR stays a SAR (G-9)."""
    review = find(REVIEW, norm)
    if not review or not (review in ("internal review", "reconsideration") or ctx.request_context):
        return None
    if review in ("internal review", "reconsideration") and ABOUT_REVIEWS.search(norm):
        return None  # "your internal review procedure", "how many internal reviews": asks about reviews
    if find(OWN, norm) or find(SAR_EXPLICIT, norm) or find(CHILD_DATA, norm):
        return Label("sar", [f"G-9 / Art 15: review of or complaint about a SAR response ({quote(review)})"],
                      {"identity"})
    eir = ctx.eir_mentioned or ctx.env_anywhere or (
        re.search(r"\breconsideration\b|\brepresentations\b|\breg(?:ulation)?\.? ?11\b", norm)
        and not ctx.foia_mentioned)
    if eir:
        return Label("eir-reconsideration",
                      [f"T-2 / EIR reg 11: request to reconsider an EIR response ({quote(review)})"], set())
    return Label("foi-internal-review",
                  [f"T-3 / FOIA s.45 Code: internal review of an FOI response ({quote(review)})"], set())


def _rights_label(norm: str, orig: str, ctx: Context, clause_norm: str) -> Label | None:
    """UK GDPR Arts 16-21 (G-8). Erasing a part the requester says is wrong is rectification (Art 16)."""
    rights_norm = PURPOSE_CUT.sub("", norm)
    # A right is exercised over the requester's own data (or a child's or client's): with no one's data in
    # the clause, or when the clause asks how such requests are handled, it is a question for FOIA.
    if not (ctx.data_subject_named or RIGHTS_SUBJECT.search(RECIPIENT_ME.sub(" ", rights_norm))) \
            or ABOUT_RIGHTS.search(rights_norm) or ABOUT_RIGHTS.search(clause_norm):
        return None
    who = _who(norm, ctx)
    port = find(PORT, rights_norm)
    if port:
        return right_label("portability", "Art 20", port, who)
    restrict = find(RESTRICT, rights_norm)
    if restrict:
        return right_label("restriction", "Art 18", restrict, who)
    erase = find(ERASE_STRONG, rights_norm)
    if erase:
        return right_label("erasure", "Art 17", erase, who)
    inaccurate = find(INACCURATE, rights_norm)
    erase = find(ERASE_PART, rights_norm)
    # "That is untrue. I want that statement removed": the wrongness said in an earlier sentence counts.
    if erase and not inaccurate and ctx.inaccuracy:
        return right_label("rectification", "Art 16", f"{ctx.inaccuracy} ... {erase}", who)
    if erase and not inaccurate:
        return right_label("erasure", "Art 17", erase, who)
    objection = find(OBJECT, rights_norm)
    if objection:
        return right_label("objection", "Art 21", objection, who)
    rectify = find(RECTIFY, rights_norm)
    if rectify and (inaccurate or CORRECTING.search(rectify)):
        return right_label("rectification", "Art 16", rectify, who)
    if inaccurate and find(ERASE_ANY, rights_norm):
        return right_label("rectification", "Art 16", f"{inaccurate} ... {find(ERASE_ANY, rights_norm)}", who)
    return None


CORRECTING = re.compile(
    r"\brectif|\bamend|\bcorrect|\bupdate|\bsupplementary|\badd\b|\bchange|\bfix|\bput right"
)


def _personal_label(norm: str, orig: str, ctx: Context, clause_norm: str) -> Label | None:
    """T-1 / T-4 / T-6: whose personal data is asked for (the requester's, their child's, a client's...)."""
    about_sars = find(FOI_ABOUT_SARS, norm)
    if about_sars:  # "your policy on subject access requests" is about the council, not the requester
        return Label("foi", [f"T-3: asks about the council's handling of requests ({quote(about_sars)}), not "
                              "for personal data"], set())
    own = find(OWN, norm) or find(SAR_EXPLICIT, norm)
    if own:
        return sar_label(f"T-1 / FOIA s.40(1), EIR reg 5(3): requester asks for their own personal data "
                          f"({quote(own)})", {"identity"}, ctx)
    third = find(THIRD_POSS, norm)
    if third and ctx.deceased:
        return deceased_label(third, ctx)
    child = find(CHILD_DATA, norm)
    if child:
        if _dead_child(child, ctx):
            return deceased_label(child, ctx)
        return Label("sar", [f"T-4: parent or carer asks for their child's records ({quote(child)}); the "
                              "right is the child's: check parental responsibility and competence"],
                      set(PR_CHECKS))
    client = find(CLIENT_DATA, norm)
    if client:
        return agent_label(client, ctx)
    rel = find(REL_DATA, norm)
    if rel and find(ENV, norm):
        rel = None  # "records about my neighbour's bonfires" asks about the environment (EIR, reg 13)
    if rel:
        if ctx.deceased and (not ctx.deceased_rels or any(r in rel.lower() for r in ctx.deceased_rels)
                             or "late" in rel.lower()):
            return deceased_label(rel, ctx)
        if ctx.agent:
            return agent_label(f"{rel}; {ctx.agent}", ctx)
        return Label("foi", [f"T-1 / FOIA s.40(2): asks for another person's records ({quote(rel)}); "
                              "disclosure to the world will almost always be refused under s.40(2)"], set())
    if third and not (ABOUT_RIGHTS.search(clause_norm) and not (ctx.subject_3p or ctx.parent or ctx.agent)):
        return third_person_label(third, ctx)
    named = NAMED_POSS.search(orig)
    if named and not PLACE.search(named.group(1)):
        return third_person_label(named.group(0), ctx, named=True)
    return None


def _topic_label(norm: str, orig: str, ctx: Context, clause_norm: str) -> Label | None:
    """T-2 / T-3 topic words, then the weaker personal cues that only count when no topic word does."""
    env = find(ENV, norm)
    if env:
        reasons = [f"T-2 / EIR reg 2(1): environmental information ({quote(env)}); FOIA s.39 applies"]
        # Both an environmental subject and a subject of its own for FOIA in one clause: T-2 decides for
        # EIR, but the reading is arguable, so the alternative is recorded and an officer should confirm.
        subject = find(FOI_TOPIC, GENERIC_FOI.sub(" ", norm))
        if subject:
            reasons.append(f"T-2 / T-3: FOIA is arguable ({quote(subject)}); EIR chosen because the "
                           "information is on an environmental measure or its effects (alternative: foi)")
            return Label("eir", reasons, set(), strength="medium")
        return Label("eir", reasons, set())
    foi = find(FOI_TOPIC, norm)
    if foi:
        extra = (f" about a third party ({quote(ctx.third_party_desc)}); s.40(2) will likely apply"
                 if ctx.third_party_desc else "")
        return Label("foi", [f"T-3: information held by the council ({quote(foi)}){extra}"], set())
    loose = find(CHILD_LOOSE, norm)
    if loose:
        if _dead_child(loose, ctx):
            return deceased_label(loose, ctx)
        # Records and a child in one clause, without "my son's file": a reading to confirm.
        return Label("sar", [f"T-4: parent or carer asks for records about their child ({quote(loose)}); check "
                              "parental responsibility and the child's competence"], set(PR_CHECKS),
                     strength="medium")
    group = find(THIRD_GROUP, norm)
    if group and (ctx.solicitor or ctx.agent or ctx.parent or ctx.journalist):
        return third_person_label(group, ctx)
    named = _named_person(orig)
    if named:
        return third_person_label(named, ctx, named=True)
    mine = _first_person_records(norm)
    if mine:
        label = sar_label(f"T-1: records and the requester in one request ({quote(mine)}); read as their "
                          "own data", {"identity"}, ctx)
        label.strength = "medium"  # no possessive ties the records to the requester: confirm
        return label
    if (ctx.journalist or ctx.requester_type == "member_of_public") and ctx.third_party_desc:
        return Label("foi", [f"T-1 / FOIA s.40(2): asks about a third party's case "
                              f"({quote(ctx.third_party_desc)}); s.40(2) will likely apply"], set())
    access = ACCESS_VERB.search(norm)
    if access and (find(OWN, clause_norm) or has_rights(clause_norm)):
        # "I want to see and correct my records": the "see" half is a SAR beside the right.
        return sar_label(f"T-1: asks to {quote(access.group(0))} their own records alongside another right",
                          {"identity"}, ctx)
    weak = find(FOI_WEAK, norm, negatable=False)
    if weak and not PERSONAL_REF.search(norm) and QUESTION.search(norm) and not GREETING.search(norm):
        return Label("foi", [f"T-3: question about the council ({quote(weak)})"], set(), weak=True)
    if " foia " in norm and not PERSONAL_REF.search(norm) and len(norm.split()) > 4:
        return Label("foi", ["T-3: request made under FOIA with no personal-data cue"], set(), weak=True)
    return None


def _dead_child(words: str, ctx: Context) -> bool:
    """Whether the child named in ``words`` ("my son's file") is one the request says has died."""
    child_noun = re.search(CHILD, words, re.I)
    return bool(child_noun) and child_noun.group(0).lower().rstrip("s") in ctx.deceased_rels


# "Ruby's file": a capitalised name's records (resolved against who is asking, like "records about Ruby Lee").
NAMED_POSS = re.compile(rf"\b(?!The\b|My\b|Our\b)([A-Z][a-z]+)'s\s+{MOD}{NOUN}\b")


def _named_person(orig: str) -> str | None:
    """Records about a capitalised name ("files about Tom Jenkins"), unless the name is a place."""
    for pattern in NAMED:
        for m in pattern.finditer(orig):
            if not PLACE.search(m.group(0)):
                return m.group(0).strip(" ,.")
    return None




ME = re.compile(
    r"\b(?:me|myself|i was|i were|i (?:suffered|experienced|endured|went through|lived|grew up))\b|"
    rf"\bmy\b(?!\s+(?:(?:late|dead|deceased|ex|former)\s+)?(?:{REL}|{CHILD}|client)"
    r"(?:'s|s'|s)?\b)",
    re.I,
)


def _first_person_records(norm: str) -> str | None:
    """Records asked for in a sentence about the requester ("the notes they made when I was ...")."""
    rest = NOT_ABOUT_ME.sub(" ", norm)
    noun = re.search(rf"\b{NOUN}\b", rest, re.I)
    if not noun:
        return None
    for me in ME.finditer(rest):
        if not negated(rest, me.start()):
            return f"{noun.group(0)} ... {me.group(0)}"
    return None


def has_rights(norm: str) -> bool:
    """Whether any Arts 16-21 right is asked for in ``norm``."""
    return any(find(p, norm) for p in (PORT, RESTRICT, ERASE_STRONG, OBJECT, RECTIFY))


def _who(norm: str, ctx: Context) -> set[str]:
    """Checks for a rights request: whose data it is decides whose authority must be shown."""
    if find(CHILD_DATA, norm) or (ctx.parent and not find(OWN, norm)):
        return set(PR_CHECKS)
    if ctx.solicitor or find(CLIENT_DATA, norm):
        return {"solicitor_authority"}
    return {"identity"}


def right_label(regime: str, article: str, words: str, checks: set[str]) -> Label:
    """A label for a UK GDPR right other than access (§1.3 G-8)."""
    reasons = [f"§1.3 G-8 / UK GDPR {article}: {regime} request ({quote(words)}); one-month clock"]
    if "parental_responsibility" in checks:
        reasons.append("T-4: made for a child; check parental responsibility and the child's competence")
    return Label(regime, reasons, set(checks))


def agent_label(words: str, ctx: Context) -> Label:
    """A SAR made by a solicitor or other agent (T-4); the clock waits for written authority (G-2)."""
    who = "solicitor" if ctx.solicitor else "representative"
    return Label("sar", [f"T-4: {who} acting for the data subject ({quote(words)}); clock starts when written "
                          "authority is received (G-2)"], {"solicitor_authority"})


def deceased_label(words: str, ctx: Context) -> Label:
    """Records of a person who has died: not personal data, so FOIA (T-1 deceased)."""
    return Label("foi", [f"T-1 deceased: records of a person who has died ({quote(words)}; "
                          f"{quote(ctx.deceased or '')}) are not personal data; FOIA with s.41, s.44 and "
                          "s.40(2) for living relatives"], set())


def third_person_label(words: str, ctx: Context, *, named: bool = False) -> Label:
    """Resolve "her records" / "records about Jane Smith" against who is asking.

    A possessive with no other context ("caller wants her file") is read as a note about the requester; a
    capitalised name with no other context is read as someone else (s.40(2)).
    """
    if ctx.deceased:
        return deceased_label(words, ctx)
    if ctx.solicitor or ctx.agent:
        return agent_label(f"{words}; {ctx.solicitor or ctx.agent}", ctx)
    if ctx.parent:
        return Label("sar", [f"T-4: parent or carer asks for the child's records ({quote(words)}; "
                              f"{quote(ctx.parent)})"],
                      set(PR_CHECKS))
    if ctx.journalist or ctx.third_party_desc or ctx.requester_type == "member_of_public":
        cue = ctx.journalist or ctx.third_party_desc or "member of the public"
        return Label("foi", [f"T-1 / FOIA s.40(2): asks for a third party's records ({quote(words)}; "
                              f"{quote(cue)}); s.40(2) will likely apply"], set())
    if ctx.subject_3p or ctx.requester_type == "data_subject" or ctx.has_dob or ctx.care_leaver \
            or not named:
        cue = ctx.subject_3p or ctx.care_leaver or "third-person note"
        label = sar_label(f"T-1: request noted in the third person for the requester's own records "
                          f"({quote(words)}; {quote(cue)})", {"identity"}, ctx)
        if not (ctx.subject_3p or ctx.care_leaver or ctx.requester_type == "data_subject"):
            label.strength = "medium"  # "her records" with nothing saying she is the requester: confirm
        return label
    return Label("foi", [f"T-1 / FOIA s.40(2): asks for a named person's records ({quote(words)}) with no sign "
                          "that the requester is that person or acts for them"], set())
