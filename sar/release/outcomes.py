"""Record a request's outcome, draft its decision letter, and send it through the four-eyes path.

An officer chooses an outcome (:mod:`sar.release.outcome_kinds`) and writes the case-specific part:
the exemptions with the reasoning and public-interest balance for each (rulebook §5.2 s.17(1)-(3),
§5.3), the search made (G-6), s.16 advice (§4.2), the reasons for an Art 12(5) refusal (G-7), the
supplementary statement and Art 19 recipients (G-8), or the legal basis (§1.4). The template gives the
structure; the officer may edit the rendered letter before submitting it.

Submitting goes through :func:`sar.release.approvals.submit_for_approval` like any pack: an outcome
that releases documents sends the usual redacted bundle; any other sends a decision pack holding the
letter (and, where exemptions are cited, a schedule of them). A manager approves the exact pack by
hash, release issues it, and :mod:`sar.release.closure` writes the closure record. Reopening a
finished request (with a reason) allows a supplementary outcome through the same path.

Use cases take ``session``, ``actor`` and ``now``; they flush and never commit.
"""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction.pdf_compose import text_pdf
from sar.core import audit
from sar.core.errors import Conflict, ValidationError
from sar.core.permissions import require_role
from sar.core.plain_text import MultilineText
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.models import Approval, Outcome, Request, ResponsePack, Role, User
from sar.release import approvals, closure, correspondence, entitlement, exemptions, letters, packs
from sar.release.outcome_kinds import ART19_REGIMES, OUTCOME_KINDS, OutcomeKind
from sar.searching import searches
from sar.workflow.approval_state import lock_request
from sar.workflow.status import FINISHED_STATUSES, OPEN_STATUSES, RequestStatus
from sar.workflow.transitions import transition

#: Statuses from which a request can be reopened (rulebook: nothing is lost; the first answer is kept).
REOPENABLE = (RequestStatus.released, RequestStatus.refused, RequestStatus.closed)
#: How each rights regime's letter names what was done, and the right itself.
RIGHT_WORDS = {
    "rectification": ("corrected the records", "correction"),
    "erasure": ("erased the personal data", "erasure"),
    "restriction": ("restricted the processing of the personal data", "restriction"),
    "objection": ("stopped the processing you objected to", "objection"),
    "portability": ("provided the personal data in a portable format", "request"),
}
MAX_FIELD = 20_000


def _text(value: Any, what: str) -> str:
    text = (value or "").replace("\r\n", "\n").strip() if isinstance(value, str) or value is None else None
    if text is None:
        raise ValidationError(f"{what} must be text")
    if len(text) > MAX_FIELD:
        raise ValidationError(f"{what} is longer than {MAX_FIELD} characters")
    return text


def _exemptions(kind: OutcomeKind, regime: str, rows: list[dict] | None) -> list[dict]:
    """Check and normalise the cited exemptions.

    Each must be known for the regime and have reasoning; each qualified one also a public-interest
    balance (rulebook §5.2 s.17(3); §5.3: every EIR exception).
    """
    fam = correspondence.family(regime)
    out = []
    for n, row in enumerate(rows or [], start=1):
        if not isinstance(row, dict):
            raise ValidationError(f"exemption {n} must be an object with key, reasoning and public_interest")
        found = exemptions.lookup("eir" if fam == "eir" else "foi", str(row.get("key", "")))
        if found is None:
            what = "an EIR exception" if fam == "eir" else "a FOIA exemption"
            raise ValidationError(f"exemption {n}: {row.get('key')!r} is not {what} this council can cite")
        reasoning = _text(row.get("reasoning"), f"the reasoning for {found.citation}")
        if not reasoning:
            raise ValidationError(f"say why {found.citation} applies in this case (s.17(1)(c))")
        pit = _text(row.get("public_interest"), f"the public interest for {found.citation}")
        if not found.absolute and not pit and kind.key != "ncnd":
            raise ValidationError(f"{found.citation} is qualified: give the public interest balance (s.17(3))")
        out.append({"key": found.key, "citation": found.citation, "title": found.title,
                    "absolute": found.absolute, "reasoning": reasoning, "public_interest": pit})
    if "exemptions" in kind.needs and not out:
        raise ValidationError(f"'{kind.label}' needs at least one exemption with its reasoning")
    return out


def _search(value: dict | None, required: bool) -> dict | None:
    if not value:
        if required:
            raise ValidationError("record the search made: the systems searched and what was found (rulebook G-6)")
        return None
    if not isinstance(value, dict):
        raise ValidationError("the search must be an object with systems, terms, date_range and result")
    search = {k: _text(value.get(k), f"search {k}") for k in ("systems", "terms", "date_range", "result")}
    if required and not (search["systems"] and search["result"]):
        raise ValidationError("record the search made: the systems searched and what was found (rulebook G-6)")
    return search


def _letter_context(session: Session, request: Request, outcome: Outcome, *, actor: User,
                    now: datetime) -> dict[str, Any]:
    kind = OUTCOME_KINDS[outcome.kind]
    detail = outcome.detail or {}
    done, name = RIGHT_WORDS.get(request.regime, ("acted on your request", "request"))
    return {
        **correspondence.base_context(session, request, actor=actor, now=now),
        "title": kind.label if not outcome.supplementary else f"{kind.label} (supplementary response)",
        "kind": outcome.kind, "supplementary": outcome.supplementary,
        "exemptions": [{**e, "reasoning": MultilineText(e["reasoning"]),
                        "public_interest": MultilineText(e["public_interest"])} for e in outcome.exemptions],
        "reasons": MultilineText(outcome.reasons), "advice": MultilineText(outcome.advice),
        "search": outcome.search or {},
        # Issue 17: the search log summarised (place, terms, dates, result) beside the search typed here.
        "search_log": searches.letter_lines(searches.search_records(session, request),
                                            with_terms=request.regime not in entitlement.DATA_RIGHTS_REGIMES),
        "search_log_cy": searches.letter_lines(searches.search_records(session, request), language="cy",
                                               with_terms=request.regime not in entitlement.DATA_RIGHTS_REGIMES),
        "statement": MultilineText(detail.get("statement", "")),
        "recipients": [r["recipient"] for r in detail.get("art19", [])],
        "transfer_to": detail.get("transfer_to", ""), "held_here": bool(detail.get("held_here")),
        "legal_basis": MultilineText(detail.get("legal_basis", "")),
        "public_interest": MultilineText(detail.get("public_interest", "")),
        "right_done": done, "right_name": name,
    }


def render_letter(session: Session, request: Request, outcome: Outcome, *, actor: User, now: datetime,
                  settings: Settings) -> str:
    """The decision letter as its template renders it (empty for outcomes that send the cover letter)."""
    kind = OUTCOME_KINDS[outcome.kind]
    if not kind.template:
        return ""
    return letters.render(settings, kind.template, _letter_context(session, request, outcome, actor=actor, now=now))


def draft_outcome(session: Session, request: Request, kind: str, *, actor: User, now: datetime, settings: Settings,
                  exemption_rows: list[dict] | None = None, reasons: str = "", search: dict | None = None,
                  advice: str = "", detail: dict | None = None, letter_text: str | None = None) -> Outcome:
    """Record (or replace) the request's outcome and render its letter for the officer to check.

    :param kind: a key of :data:`~sar.release.outcome_kinds.OUTCOME_KINDS` allowed for the regime.
    :param exemption_rows: ``[{"key": "s.43(2)", "reasoning": ..., "public_interest": ...}]``.
    :param detail: ``transfer_to``, ``held_here``, ``legal_basis``, ``public_interest`` (reg 12(4)(b)),
        ``statement`` (rectification), ``recipients`` (Art 19: names of those the data was shared with).
    :param letter_text: the officer's edited letter; None keeps the rendered one.
    :return: the draft; an earlier draft or submitted outcome not yet issued is superseded (kept).
    :raises ValidationError: unknown kind or one the regime cannot have, or a required field missing.
    :raises Conflict: the request is finished (reopen it first) or withdrawn.
    :raises NotPermitted: not an officer or manager.
    """
    require_role(actor, Role.officer, Role.manager)
    spec = OUTCOME_KINDS.get(kind)
    if spec is None:
        raise ValidationError(f"unknown outcome {kind!r}")
    if request.regime not in spec.regimes:
        raise ValidationError(f"a {request.regime} request cannot end as '{spec.label}'")
    if RequestStatus(request.status) not in OPEN_STATUSES:
        raise Conflict(f"request {request.reference} is {RequestStatus(request.status).title.lower()}; "
                       "reopen it before recording another outcome")
    detail = dict(detail or {})
    reasons, advice = _text(reasons, "the reasons"), _text(advice, "the advice")
    clean: dict[str, Any] = {}
    for key in ("transfer_to", "legal_basis", "public_interest", "statement"):
        clean[key] = _text(detail.get(key), key.replace("_", " "))
        if key in spec.needs and not clean[key]:
            raise ValidationError(f"'{spec.label}' needs the {key.replace('_', ' ')}")
    clean["held_here"] = bool(detail.get("held_here"))
    recipients = [_text(r, "a recipient") for r in detail.get("recipients") or []]
    clean["art19"] = [{"recipient": r, "sent_on": None} for r in recipients if r]
    if clean["art19"] and request.regime not in ART19_REGIMES:
        raise ValidationError("Art 19 notices apply to rectification, erasure and restriction only (rulebook G-8)")
    for need, value in (("reasons", reasons), ("advice", advice)):
        if need in spec.needs and not value:
            raise ValidationError(f"'{spec.label}' needs the {need} written for this case")
    rows = _exemptions(spec, request.regime, exemption_rows)
    # The search log, where searches were logged, is the record of the search the letter needs (G-6).
    logged = bool(searches.search_records(session, request))
    found = _search(search, "search" in spec.needs and not logged)
    for old in session.scalars(select(Outcome).where(Outcome.request_id == request.id,
                                                     Outcome.status.in_(closure.UNDECIDED))):
        old.status = "superseded"
    outcome = Outcome(request_id=request.id, kind=kind, status="draft", held=spec.held, exemptions=rows,
                      reasons=reasons, search=found, advice=advice, detail=clean, letter_text="",
                      supplementary=bool(closure.issued_outcomes(session, request)), created_by_id=actor.id,
                      created_at=now)
    session.add(outcome)
    session.flush()
    rendered = render_letter(session, request, outcome, actor=actor, now=now, settings=settings)
    if letter_text is not None and spec.template:
        outcome.letter_text = correspondence.clean_text(letter_text)
        outcome.detail = {**clean, "letter_edited": outcome.letter_text != rendered}
    else:
        outcome.letter_text = rendered
    session.flush()
    audit.record(session, "outcome.draft", actor=actor, now=now, request_id=request.id, target=f"outcome:{outcome.id}",
                 detail={"kind": kind, "exemptions": [e["citation"] for e in rows], "held": spec.held,
                         "letter_edited": bool(outcome.detail.get("letter_edited"))})
    return outcome


def edit_letter(session: Session, outcome: Outcome, text: str, *, actor: User, now: datetime) -> Outcome:
    """Replace a draft outcome's letter with the officer's edited text (audited).

    :raises Conflict: the outcome is no longer a draft (submitted letters change only by a new draft).
    """
    require_role(actor, Role.officer, Role.manager)
    if outcome.status != "draft":
        raise Conflict("only a draft outcome's letter can be edited; record the outcome again to change it")
    if not OUTCOME_KINDS[outcome.kind].template:
        raise Conflict("this outcome sends the response pack's cover letter, which is built with the pack")
    outcome.letter_text = correspondence.clean_text(text)
    outcome.detail = {**(outcome.detail or {}), "letter_edited": True}
    session.flush()
    audit.record(session, "outcome.letter_edit", actor=actor, now=now, request_id=outcome.request_id,
                 target=f"outcome:{outcome.id}",
                 detail={"sha256": hashlib.sha256(outcome.letter_text.encode()).hexdigest()})
    return outcome


def _schedule_csv(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(("provision", "title", "absolute"))
    for e in rows:
        writer.writerow([letters.csv_cell(v) for v in (e["citation"], e["title"], "yes" if e["absolute"] else "no")])
    return buf.getvalue().encode("utf-8")


def _decision_pack_builder(outcome: Outcome):
    """A pack builder (see :data:`sar.release.approvals.PackBuilder`) for a letter-only decision."""

    def build(session: Session, request: Request, *, actor: User, now: datetime, settings: Settings) -> ResponsePack:
        ref = request.reference
        files = {f"{ref}-decision-letter.pdf": text_pdf([outcome.letter_text], title=f"{ref} decision",
                                                         style=letters.letter_style(request)),
                 f"{ref}-decision-letter.txt": outcome.letter_text.encode("utf-8")}
        if outcome.exemptions:
            files[f"{ref}-exemptions.csv"] = _schedule_csv(outcome.exemptions)
        data = packs.zip_files(files)
        sha = FileStore(settings.storage_dir).put(data)
        manifest = {"outcome_id": outcome.id, "outcome": outcome.kind,
                    "letter_template": OUTCOME_KINDS[outcome.kind].template,
                    "items": [], "redaction_ids": [], "page_marks": [], "warnings": [],
                    "files": {n: hashlib.sha256(c).hexdigest() for n, c in sorted(files.items())}}
        pack = ResponsePack(request_id=request.id, sha256=sha, size_bytes=len(data), page_count=0, manifest=manifest,
                            built_by_id=actor.id, built_at=now)
        session.add(pack)
        session.flush()
        audit.record(session, "pack.build", actor=actor, now=now, request_id=request.id, target=f"pack:{pack.id}",
                     detail={"sha256": sha, "outcome": outcome.kind, "letter_only": True})
        return pack

    return build


def current_draft(session: Session, request: Request) -> Outcome | None:
    """The outcome being prepared (draft or submitted), if any."""
    return closure.pending_outcome(session, request)


def check_outcome_submittable(session: Session, request: Request, *, actor: User) -> None:
    """The quick checks :func:`submit_outcome` makes before its (possibly long) pack build, without building.

    Lets an adapter queue the build as a background job (``sar.bundle.jobs.start_pack_job`` with
    ``outcome=True``) and refuse at once what would fail anyway; the job re-checks under the lock.

    :raises NotPermitted: the actor is not an officer or manager.
    :raises Conflict: no draft outcome, or the request cannot be submitted.
    """
    require_role(actor, Role.officer, Role.manager)
    outcome = closure.pending_outcome(session, request)
    if outcome is None or outcome.status != "draft":
        raise Conflict("record the outcome first; a submitted outcome is changed by recording it again")
    if OUTCOME_KINDS[outcome.kind].releases_documents:
        approvals.check_submittable(session, request, actor=actor)
    else:
        approvals.check_submittable_state(session, request)


def pending_releases_documents(session: Session, request: Request) -> bool:
    """Whether the drafted outcome releases documents (so its pack needs the bundle burned in)."""
    outcome = closure.pending_outcome(session, request)
    return outcome is not None and OUTCOME_KINDS[outcome.kind].releases_documents


def submit_outcome(session: Session, request: Request, *, actor: User, now: datetime, settings: Settings,
                   note: str = "", documents_build: approvals.PackBuilder | None = None) -> Approval:
    """Submit the drafted outcome to a manager (rulebook §3 second-person QA, §5.1 item 6 sign-off).

    Outcomes that release documents build the usual redacted pack; the others a decision pack with
    the letter. Either way the exact pack is approved by hash and released by
    :func:`sar.release.approvals.approve` and :func:`sar.release.approvals.release`.

    :param documents_build: the builder for an outcome that releases documents (the pack job passes
        one that reuses its per-document burn-in); ``None`` builds the pack here.

    :raises Conflict: no draft outcome, or the request cannot be submitted (see ``submit_for_approval``).
    """
    require_role(actor, Role.officer, Role.manager)
    lock_request(session, request)
    outcome = closure.pending_outcome(session, request)
    if outcome is None or outcome.status != "draft":
        raise Conflict("record the outcome first; a submitted outcome is changed by recording it again")
    spec = OUTCOME_KINDS[outcome.kind]
    build = documents_build if spec.releases_documents else _decision_pack_builder(outcome)
    approval = approvals.submit_for_approval(session, request, actor=actor, now=now, settings=settings, note=note,
                                             build=build)
    outcome.status = "submitted"
    outcome.pack_id = approval.pack_id
    session.flush()
    audit.record(session, "outcome.submit", actor=actor, now=now, request_id=request.id, target=f"outcome:{outcome.id}",
                 detail={"kind": outcome.kind, "approval_id": approval.id, "pack_sha256": approval.pack_sha256})
    return approval


def reopen(session: Session, request: Request, *, actor: User, now: datetime, reason: str) -> Request:
    """Reopen a released, refused or closed request, for a supplementary release or a corrected decision.

    The earlier outcome, letters and packs are kept; the next outcome is marked supplementary.

    :raises ValidationError: no reason. :raises Conflict: the request is not finished, or withdrawn.
    """
    require_role(actor, Role.officer, Role.manager)
    reason = _text(reason, "the reason")
    if not reason:
        raise ValidationError("say why the request is being reopened")
    lock_request(session, request)
    status = RequestStatus(request.status)
    if status not in REOPENABLE:
        raise Conflict(f"request {request.reference} is {status.title.lower()}; only a released, refused or "
                       "closed request can be reopened")
    transition(session, request, RequestStatus.in_progress, actor=actor, now=now, reason=f"reopened: {reason}")
    audit.record(session, "request.reopen", actor=actor, now=now, request_id=request.id, target=request.reference,
                 detail={"from": status.value, "reason": reason})
    return request


def mark_art19_sent(session: Session, outcome: Outcome, recipient: str, *, actor: User, now: datetime) -> Outcome:
    """Record that the Art 19 notice to ``recipient`` was sent today (rulebook G-8), tracked until all are.

    :raises ValidationError: no such recipient on this outcome.
    """
    require_role(actor, Role.officer, Role.manager)
    rows = [dict(r) for r in (outcome.detail or {}).get("art19", [])]
    match = next((r for r in rows if r["recipient"] == recipient), None)
    if match is None:
        raise ValidationError(f"{recipient!r} is not an Art 19 recipient of this outcome")
    match["sent_on"] = now.date().isoformat()
    outcome.detail = {**outcome.detail, "art19": rows}
    session.flush()
    audit.record(session, "outcome.art19_sent", actor=actor, now=now, request_id=outcome.request_id,
                 target=f"outcome:{outcome.id}", detail={"recipient": recipient})
    return outcome


def art19_outstanding(outcome: Outcome) -> list[str]:
    """Recipients whose Art 19 notice has not been sent yet."""
    return [r["recipient"] for r in (outcome.detail or {}).get("art19", []) if not r.get("sent_on")]


def finished(request: Request) -> bool:
    """Whether the request has been answered, withdrawn or closed."""
    return RequestStatus(request.status) in FINISHED_STATUSES
