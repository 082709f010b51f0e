"""Assembly: clauses into parts, and the public ``triage`` entry point."""

from __future__ import annotations

import re
from dataclasses import dataclass

from triage.boilerplate import blank_boilerplate
from triage.context import Context, build_context
from triage.cues.lexicon import find
from triage.cues.personal import CHILD_DATA, OWN, SAR_EXPLICIT
from triage.cues.requester import AGENT
from triage.cues.requests import CONNECTOR, DECLARATIVE, REQUEST_MARK
from triage.cues.topics import BACK_REFERENCE, FOI_TOPIC, generic_foi
from triage.model import CHECKS, CONFIDENCES, REQUESTER_TYPES, RIGHTS, TriagePart, TriageResult
from triage.normalise import normalise
from triage.reviews import REVIEW_ASK, review_request
from triage.rules import PR_CHECKS, Label, agent_label, classify, quote, sar_label
from triage.splitting import HARD_SPLIT, clause_spans
from triage.statutory import STATUTORY_BASIS, statutory_route


@dataclass
class _Piece:
    start: int
    end: int
    label: Label
    request: bool


# Reporting what others did or what one read ("I recently read that some councils have deleted ..."): a
# mention of a right's verb, not an ask.
BACKGROUND_REPORT = re.compile(
    r"^\s*(?:i|we) (?:recently |have |had )?(?:read|heard|saw|seen|noticed|understand|learned|learnt|was told)"
    r"\b|\b(?:some|other|many) (?:councils|authorities|local authorities)\b",
)


def _is_request(norm: str, label: Label) -> bool:
    if label.regime in ("foi-internal-review", "eir-reconsideration"):
        return True
    if label.regime in RIGHTS:
        # A right is asked for, not reported: "I read that councils have deleted files in error" is background.
        return not BACKGROUND_REPORT.search(norm)
    if REQUEST_MARK.search(norm) or CONNECTOR.search(norm):
        return True
    if re.search(r"\b(?:i|we) (?:asked|requested|made|submitted|sent|received)\b", norm):
        return False
    return not DECLARATIVE.search(norm)


def _pieces(text: str, ctx: Context) -> list[_Piece]:
    pieces: list[_Piece] = []
    for a, b in clause_spans(text):
        orig = text[a:b]
        norm = normalise(orig)
        whole = classify(norm, orig, ctx, norm)
        request = _is_request(norm, whole)
        # A review request quotes the topic of the original request; it is not a second request.
        # Likewise "a copy of my data in a machine-readable form" is one portability request.
        review = whole.regime in ("foi-internal-review", "eir-reconsideration", "portability")
        sub = [] if review else _sub_split(text, a, b, norm, ctx)
        if len({p.label.regime for p in sub if p.label.regime}) > 1:
            for p in sub:
                p.request = request
            pieces.extend(sub)
        else:
            pieces.append(_Piece(a, b, whole, request))
    return pieces


COST_TAIL = re.compile(
    r"^\s*(?:and\s+)?(?:the\s+|any\s+)?(?:total\s+)?"
    r"(?:costs?|spend|spending|expenditure|price|budget|how much)\b",
    re.I,
)
ANAPHORA = re.compile(r"\b(?:it|this|that|these|those|them)\s*[?.!]?\s*$", re.I)


BETWEEN = re.compile(r"\bbetween\s+(?:[\w'-]+\s+){0,4}?[\w'-]+$")


def _sub_split(text: str, a: int, b: int, clause_norm: str, ctx: Context) -> list[_Piece]:
    """Split a clause at commas and "and" when its pieces belong to different regimes."""
    # "between the council and the developer" is one noun phrase: never cut at its "and".
    cuts = [a] + [a + m.end() for m in HARD_SPLIT.finditer(text[a:b].lower())
                  if not BETWEEN.search(text[a:a + m.start()].lower())] + [b]
    out: list[_Piece] = []
    for x, y in zip(cuts, cuts[1:], strict=False):
        if not text[x:y].strip(" ,.;"):
            continue
        piece = normalise(text[x:y])
        label = classify(piece, text[x:y], ctx, clause_norm)
        # "... and how much the council paid for it": a short FOI-cue piece that points back at the
        # previous piece's subject belongs to that piece.
        if label.weak or (label.regime == "foi" and len(piece.split()) <= 10 and ANAPHORA.search(piece)):
            label = Label(None, [], set())
        # "... flooding incidents and the cost of repairs": the cost of an environmental matter is EIR too
        # (reg 2(1)(e)), so a short cost phrase right after an EIR piece stays with it.
        prior = next((p.label.regime for p in reversed(out) if p.label.regime), None)
        tail = COST_TAIL.search(piece)
        if label.regime == "foi" and prior == "eir" and len(piece.split()) <= 8 and tail \
                and not find(FOI_TOPIC, piece[tail.end():]):
            label = Label(None, [], set())
        out.append(_Piece(x, y, label, True))
    return out


def _carry_topic(text: str, pieces: list[_Piece]) -> None:
    """Carry an environmental topic into follow-up clauses that point back at it (in place).

    "Of these, how many ...", "For the same period, how many ...", "Please provide the 2018 figures as
    well" ask about the subject of the clause before; their only FOI cue is an amount or a count, so
    they take the earlier clause's regime (T-2) instead of opening an FOI part.
    """
    topic: _Piece | None = None
    for p in pieces:
        if not p.label.regime or not p.request:
            continue
        words = normalise(text[p.start:p.end])
        if topic is not None and p.label.regime == "foi" and generic_foi(words) and BACK_REFERENCE.search(words):
            cue = BACK_REFERENCE.search(words).group(0)
            p.label = Label(topic.label.regime, [f"T-2: follow-up about the subject of the clause before "
                                                 f"({quote(cue)}); carried from "
                                                 f"{quote(' '.join(text[topic.start:topic.end].split())[:60])}"],
                            set(topic.label.checks))
            continue
        if p.label.regime == "eir":
            topic = p
        elif p.label.regime == "foi":
            topic = None


def _assemble(text: str, pieces: list[_Piece], ctx: Context) -> list[TriagePart]:
    for before, p in zip(pieces, pieces[1:], strict=False):
        # "My children were on a plan in 2010. I want to know what was said." asks about the background.
        if p.request and not p.label.regime and before.label.regime not in (None, *RIGHTS) and not before.request \
                and not before.label.weak and REQUEST_MARK.search(normalise(text[p.start:p.end])):
            before.request = True
    _carry_topic(text, pieces)
    live = [p for p in pieces if p.label.regime and p.request]
    strong = [p for p in live if not p.label.weak]
    if strong and any(p.label.regime != "foi" for p in strong):
        # A weak FOI question only stands beside other parts when it is its own sentence.
        live = [p for p in live if not p.label.weak or p.end - p.start > 15]
    if not live:
        # No clause reads as an ask: fall back on the topics mentioned, but a right only ever comes from an ask.
        live = [p for p in pieces if p.label.regime and p.label.regime not in RIGHTS]
    if not live:
        return [_default(text, ctx)]
    keep = {id(p) for p in live}
    # Background clauses attach forward to the part they introduce; trailing ones attach backward.
    groups: list[list[_Piece]] = []
    pending: list[_Piece] = []
    for p in pieces:
        if id(p) not in keep:
            pending.append(p)
            continue
        if groups and groups[-1][-1].label.regime == p.label.regime and not pending:
            groups[-1].append(p)
        elif groups and groups[-1][-1].label.regime == p.label.regime:
            groups[-1].extend(pending + [p])
        else:
            if groups and pending and not CONNECTOR.search(text[pending[0].start:pending[0].end]) \
                    and all(q.request for q in pending):
                groups[-1].extend(pending)
                pending = []
            groups.append(pending + [p])
        pending = []
    if pending:
        groups[-1].extend(pending)
    parts = []
    for group in groups:
        regime = next(p.label.regime for p in group if id(p) in keep)
        reasons: list[str] = []
        checks: set[str] = set()
        for p in group:
            if id(p) in keep:
                reasons.extend(r for r in p.label.reasons if r not in reasons)
                checks |= p.label.checks
        excerpt = EXCERPT_EDGE.sub("", text[group[0].start:group[-1].end].strip(" \t\n,;"))
        # The weakest clause decides how far the part can be trusted (CONFIDENCES runs strongest first).
        confidence = max((p.label.confidence for p in group if id(p) in keep), key=CONFIDENCES.index)
        parts.append(_part(regime, reasons, checks, excerpt, ctx, confidence=confidence))
    return parts


EXCERPT_EDGE = re.compile(r"[\s,;]+(?:and|&|plus|but|or)$|^(?:and|&|plus|but)\s+", re.I)


def _part(regime: str, reasons: list[str], checks: set[str], excerpt: str, ctx: Context, *,
          confidence: str = "high", original: tuple[tuple[str, str], ...] = ()) -> TriagePart:
    if ctx.vexatious:
        reasons = reasons + [f"T-7: possible repeat or vexatious request ({quote(ctx.vexatious)}); flag for a "
                             "human decision (FOIA s.14, EIR reg 12(4)(b), Art 12(5)); never auto-refuse"]
        checks = checks | {"flag_vexatious_review"}
    # Blanked boilerplate leaves runs of spaces and empty lines behind.
    excerpt = re.sub(r"\n\s*\n\s*", "\n\n", re.sub(r"[ \t]{2,}", " ", excerpt)).strip()
    if confidence != "high":
        reasons = reasons + [f"confidence {confidence}: the decision rests on weak evidence; check the regime"]
    return TriagePart(regime, tuple(reasons), excerpt, tuple(c for c in CHECKS if c in checks),
                      confidence=confidence, original=original)


NEW_ASK = re.compile(
    r"^\s*(?:separately|in addition|additionally|as a (?:separate|new) request|this is a new request|i would "
    r"also like|i also (?:want|request|ask)|also,? (?:please|could you|can you))\b"
)


def _without(text: str, parts: list[TriagePart]) -> str:
    """``text`` less the excerpts of ``parts`` (the review's own words when a new ask stands beside it)."""
    rest = text
    for part in parts:
        rest = rest.replace(part.excerpt, " ")
    return EXCERPT_EDGE.sub("", rest.strip(" \t\n,;")).strip(" \t\n,;")


def _default(text: str, ctx: Context) -> TriagePart:
    """No cue at all: fall back on who is asking, then on the regime the requester named, then FOIA."""
    excerpt = text.strip()
    personal = ctx.subject_3p or ctx.care_leaver or ctx.adoption or ctx.parent or ctx.solicitor or ctx.agent
    if ctx.deceased and ctx.requester_type is None and not ctx.child_requester:
        # T-1 deceased: with no cue for whose records, a request that says the person has died is not one
        # for personal data (a parent's SAR would be the wrong default); the officer confirms.
        return _part("foi", [f"T-1 deceased: records of a person who has died ({quote(ctx.deceased)}) are not "
                             "personal data; FOIA with s.41, s.44 and s.40(2) for living relatives"], set(),
                     excerpt, ctx, confidence="low")
    if ctx.requester_type in ("data_subject", "parent", "solicitor") or personal:
        if ctx.parent:
            label = Label("sar", ["T-4: parent asks for records with no other cue; check parental "
                                   "responsibility and the child's competence"],
                           set(PR_CHECKS))
        elif ctx.solicitor or ctx.agent:
            label = agent_label(ctx.solicitor or ctx.agent or "", ctx)
        else:
            label = sar_label("T-1: the data subject asks for records with no other cue", {"identity"}, ctx)
        return _part("sar", label.reasons, label.checks, excerpt, ctx, confidence="low")
    if ctx.eir_mentioned:
        return _part("eir", ["T-2: request made under the EIR with no other cue"], set(), excerpt, ctx,
                     confidence="low")
    return _part("foi", ["T-0 / T-3: a request for recorded information with no personal-data, environmental "
                         "or third-party cue defaults to FOIA"], set(), excerpt, ctx, confidence="low")


def triage(text: str, requester_type: str | None = None) -> TriageResult:
    """Split ``text`` into parts and route each to a regime (rulebook §2, T-0..T-7, and §1.4).

    ``requester_type`` is one of :data:`REQUESTER_TYPES` or ``None`` (work it out from the words).
    Police, court, Children's Guardian and regulator requesters (given or recognised in the text) make the
    whole request one ``third-party`` part (T-5). Raises :class:`ValueError` for empty text or an unknown
    requester type.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("request text is empty; paste the words of the request")
    if requester_type is not None and requester_type not in REQUESTER_TYPES:
        raise ValueError(f"unknown requester type {requester_type!r}; "
                         f"expected one of {', '.join(REQUESTER_TYPES)}")
    received = text
    # Footers, salutations and signatures are blanked, not cut, so excerpts keep their offsets.
    text = blank_boilerplate(text)
    norm = normalise(text)
    ctx = build_context(norm, requester_type)
    # Decide for the request as a whole first: a review request is one part, whatever topic it quotes.
    review = review_request(norm, received)
    if review:
        # Topic words in a review quote the original request; only a new personal-data ask stands beside it.
        first = _part(review.regime, review.reasons, {"identity"} if review.regime == "sar" else set(),
                      text.strip(), ctx, confidence=review.confidence, original=review.original)
        # A new FOI or EIR question asked "separately" or "as a new request" is a new request too (the s.45
        # Code and ICO practice treat new questions in a review request as a new request).
        beside = [p for p in _assemble(text, _pieces(text, ctx), ctx)
                    if p.regime != review.regime and not REVIEW_ASK.find(normalise(p.excerpt))
                    and (p.regime in ("sar", *RIGHTS)
                         or (p.regime in ("foi", "eir") and NEW_ASK.search(normalise(p.excerpt))))]
        if beside:
            first = _part(review.regime, review.reasons, set(first.checks), _without(text, beside), ctx,
                          confidence=review.confidence, original=review.original)
        return TriageResult((first, *_one_part_per_regime(beside)))
    statutory = statutory_route(norm, text, ctx)
    if statutory:
        kind, words = statutory
        # A parent who mentions the MASH, or a support worker making a SAR for a care leaver, is not a
        # statutory requester: the words of the request decide.
        soft = kind in ("safeguarding", "ico", "ombudsman", "court_direction", "police_investigation")
        personal = any(find(p, norm) for p in (OWN, SAR_EXPLICIT, AGENT, CHILD_DATA))
        # "How many staff work in the MASH?" is an FOI question about a safeguarding body.
        personal = personal or (kind == "safeguarding" and find(FOI_TOPIC, norm) is not None)
        if not (soft and requester_type is None and personal):
            reason = (f"T-5 / §1.4: statutory third-party request ({quote(words)}); "
                      f"{STATUTORY_BASIS.get(kind, kind)}; not FOI and not SAR: route to the "
                      "disclosure-decision workflow")
            # The fallback (an agency named beside a person, no self-identification) is a reading to confirm.
            confidence = "medium" if " ... " in words else "high"
            return TriageResult((_part("third-party", [reason], set(), text.strip(), ctx, confidence=confidence),))
    return TriageResult(_one_part_per_regime(_assemble(text, _pieces(text, ctx), ctx)))


def _one_part_per_regime(parts: list[TriagePart]) -> tuple[TriagePart, ...]:
    """Merge parts of the same regime: a request is split only where it asks under different regimes.

    The merged part keeps the first part's place, joins the excerpts with an ellipsis, and takes the union
    of reasons and checks and the lowest confidence.
    """
    merged: dict[str, TriagePart] = {}
    for part in parts:
        first = merged.get(part.regime)
        if first is None:
            merged[part.regime] = part
            continue
        merged[part.regime] = TriagePart(
            part.regime,
            tuple(dict.fromkeys(first.reasons + part.reasons)),
            f"{first.excerpt} … {part.excerpt}",
            tuple(c for c in CHECKS if c in set(first.checks) | set(part.checks)),
            confidence=max(first.confidence, part.confidence, key=CONFIDENCES.index),
            original=first.original or part.original,
        )
    return tuple(merged.values())
