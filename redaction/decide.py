"""The decision stage of the redaction engine: what to propose for redaction, and why.

Holds ``_Decider`` (the identifier rules it applies, :data:`IDENTIFIER_RULES`, live in
:mod:`redaction.identifier_rules`), which runs the bundle-wide decisions over detected pages: legal advice, people
(through :class:`redaction.people._PeopleScan`), names, sensitive sentences and identifiers with
their owners, serious-harm context.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import date as _date

from redaction.candidates import (
    _FAMILY_WORD,
    _IDENTIFIERS,
    _LOCATING,
    _LPP_HEADING,
    _LPP_PASSAGE,
    _LPP_SECTION,
    _PRONOUN,
    _SERIOUS_HARM_CUE,
    _WHAT,
    _Candidate,
    _Owner,
    _Page,
)
from redaction.context import RedactionContext
from redaction.detect import (
    Finding,
)
from redaction.forms import form_owner
from redaction.identifier_rules import IDENTIFIER_RULES, _Occurrence
from redaction.legal import first_person_spans, is_meeting_record, meeting_spans, title_lines, written_by_lawyer
from redaction.legal_messages import lawyer_message_spans
from redaction.legal_relayed import relayed_spans
from redaction.names import (
    DISCLOSED,
    PROFESSIONAL,
    SUBJECT,
    THIRD_PARTY,
    WORK_DOMAIN,
    PeopleIndex,
    Person,
    name_tokens,
)
from redaction.org_names import kept_name_keys, starts_organisation_name, without_kept_name_lines
from redaction.ownership import given_to, owner_named_next, owner_stated_after, stated_for_relative
from redaction.people import ALIAS_NON_NAME, _PeopleScan
from redaction.plan import _close_over_documents, _resolve_overlaps
from redaction.relation_initials import add_relation_initials, add_titled_initials
from redaction.role_evidence import add_role_evidence
from redaction.rules import Verdict, first_verdict
from redaction.sensitive import THIRD_PARTY_SENSITIVE, row_cells, sensitive_sentences, serious_harm
from redaction.sentence_owner import not_a_person, owned_sentences
from redaction.spans import (
    _LABEL_AT,
    _back_lines,
    _back_sentences,
    _dedupe_identifiers,
    _heading,
    _id_key,
    _looks_like_heading,
    _value_key,
)
from redaction.speakers import add_speaker_names
from redaction.subject_aliases import declared_subject_aliases
from redaction.subject_own import subject_field_owner
from redaction.text import paragraph_bounds, trim_span

# The end of a form label before a value: a dotted leader or a colon, then perhaps a title.
_FORM_LABEL_BEFORE = re.compile(r"\w[^\n]*(?:\.{2,}|:)[ \t]*(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?$")


def _lpp_candidate(page: _Page, start: int, end: int) -> _Candidate:
    """A passage of legal advice to the council (SCH2-P19-LPP)."""
    return _Candidate(page, start, end, "LEGAL_ADVICE", "SCH2-P19-LPP",
                      "Legal advice to the council (legal professional privilege).", 0.8, "LegalAdviceDetector")


def _lawyer_messages(pages: list[_Page]) -> dict:
    """Rule lpp-lawyer-message over each document's pages joined: ``{page key: [(start, end)]}``.

    A lawyer's message body may run over a page break, and its signature stand on the next page.
    """
    by_doc: dict[int, list[_Page]] = defaultdict(list)
    for p in pages:
        by_doc[p.doc].append(p)
    out: dict = defaultdict(list)
    for doc_pages in by_doc.values():
        starts, pos = [], 0
        for p in doc_pages:
            starts.append(pos)
            pos += len(p.text) + 1
        for s, e in lawyer_message_spans("\n".join(p.text for p in doc_pages)):
            i = bisect_right(starts, s) - 1
            page = doc_pages[i]
            out[page.key].append((s - starts[i], min(e - starts[i], len(page.text))))
    return out


def _postcodes_follow_their_address(occurrences: list, verdicts: list[Verdict]) -> None:
    """A postcode inside an address found whole is part of it and takes its verdict (in place).

    Ownership alone may place the postcode line too far from the name heading an address block, and
    then it was redacted while the address above it was disclosed as the subject's own.
    """
    addresses: dict[tuple[int, int], list[tuple[int, int, Verdict]]] = defaultdict(list)
    for (page, f, _o, _h), verdict in zip(occurrences, verdicts, strict=True):
        if f.entity == "UK_ADDRESS":
            addresses[page.key].append((f.start, f.end, verdict))
    for i, (page, f, _o, _h) in enumerate(occurrences):
        if f.entity == "UK_POSTCODE":
            inside = [v for a, b, v in addresses.get(page.key, ()) if a <= f.start and f.end <= b]
            if inside:
                verdicts[i] = max(inside)


class _Decider(_PeopleScan):
    """Bundle-wide decisions over detected pages (phase 2)."""

    def __init__(self, pages: list[_Page], context: RedactionContext, is_word: Callable[[str], bool]) -> None:
        self.pages = pages
        self.context = context
        #: Is a word ordinary vocabulary (the model's lemma tables)? Used to tell furniture from names.
        self.is_word = is_word
        self.people = PeopleIndex(context)
        self.by_key = {p.key: p for p in pages}
        # Per page: (start, end, person) of every name occurrence, kept or not.
        self.names: dict[tuple[int, int], list[tuple[int, int, Person]]] = defaultdict(list)
        self._doc_dates: dict[int, _date] = {}
        self._namesakes: set[tuple[str, str]] | None = None
        self._namesake_people: dict[str, Person] = {}
        self._surnames: set[str] | None = None

    # -- orchestration ----------------------------------------------------------------------------

    def decide(self) -> list[_Candidate]:
        """Return every candidate redaction in the bundle, overlaps resolved."""
        withheld = self._legal_pages()
        live = [p for p in self.pages if p.key not in withheld]
        declared = declared_subject_aliases((p.text for p in self.pages), self.context.subject.names,
                                            ALIAS_NON_NAME, self.is_word)
        if declared:  # "Preferred name: <Nick>" under the subject's name (redaction.subject_aliases)
            subject = replace(self.context.subject, aliases=self.context.subject.aliases + declared)
            self.context = replace(self.context, subject=subject)
            self.people = PeopleIndex(self.context)
        # Rule kept-name-line-not-organisation (redaction.org_names): the subject's or a listed
        # professional's name on its own line never starts a school or practice name.
        kept = kept_name_keys(self.context)
        for page in self.pages:
            page.findings = [f._replace(start=without_kept_name_lines(page.text, f.start, f.end, kept))
                             if f.entity in ("SCHOOL", "GP_PRACTICE") else f for f in page.findings]
        blocked = self._blocked_spans(self.pages)
        # People are learnt from every page, withheld ones included: a role stated only in a legal
        # meeting note ("<Given> <Surname> (Team Manager)") still makes her a professional elsewhere.
        mentions = self._mentions(self.pages, blocked)
        self.people.add_mentions(mentions, {p.key: p.text for p in self.pages})
        add_role_evidence(self.people, self.pages)  # author columns, ranks, job titles (redaction.role_evidence)
        self._scan_names(live, blocked)
        self._alias_names(live)
        self._vocatives(live)
        self._short_and_coordinated_names(live, blocked)
        add_speaker_names(self, live)  # transcripts, handles, relatives in messages (redaction.speakers)
        add_relation_initials(self, live)  # "the stepmother (AB)": relatives known only by initials
        add_titled_initials(self, live)  # "Mr K": a person known only by a title and an initial
        # Rule organisation-name-not-person (redaction.org_names), for a word known only on its own: a
        # word of a third party's full name stays theirs ("<Surname> Hospital" fails closed).
        full = {t for p in self.people.third_parties() if len(p.key) > 1 for t in p.key}
        for page in live:
            self.names[page.key] = [(s, e, p) for s, e, p in self.names.get(page.key, ()) if not (
                len(p.key) == 1 and p.key[0] not in full and starts_organisation_name(page.text, s, e))]
        out: list[_Candidate] = []
        for page in self.pages:
            if page.key in withheld:
                out.append(
                    _Candidate(
                        page,
                        0,
                        len(page.text),
                        "LEGAL_ADVICE",
                        "SCH2-P19-LPP",
                        "Legal advice to the council, withheld in full (legal professional privilege).",
                        1.0,
                        "LegalAdviceDetector",
                    )
                )
        out.extend(self._legal_passages(live))
        out.extend(self._name_candidates(live))
        out.extend(self._sensitive_candidates(live))
        out.extend(self._identifier_candidates(live))
        out = _resolve_overlaps(out)
        return _close_over_documents(out, live)

    # -- legal professional privilege -------------------------------------------------------------

    def _legal_pages(self) -> set[tuple[int, int]]:
        """Pages headed as legal advice; if a document's first page is, the whole document."""
        out: set[tuple[int, int]] = set()
        by_doc: dict[int, list[_Page]] = defaultdict(list)
        for p in self.pages:
            by_doc[p.doc].append(p)
        for doc_pages in by_doc.values():
            # A legal gateway/planning meeting record is redacted sentence by sentence (redaction.legal).
            headed = [p for p in doc_pages
                      if _LPP_HEADING.search(title_lines(_heading(p.text)))
                      and not is_meeting_record(_heading(p.text))]
            if headed and headed[0] is doc_pages[0]:
                out.update(p.key for p in doc_pages)
            else:
                out.update(p.key for p in headed)
        return out

    def _legal_passages(self, pages: list[_Page]) -> list[_Candidate]:
        out = []
        first = {}
        for page in self.pages:
            first.setdefault(page.doc, page)
        meeting = {d for d, p in first.items() if is_meeting_record(_heading(p.text))}
        lawyer = {d for d in first if written_by_lawyer("\n".join(p.text for p in self.pages if p.doc == d))}
        message_spans = _lawyer_messages(self.pages)
        for page in pages:
            spans = meeting_spans(page.text, page.sentences) if page.doc in meeting else []
            spans += first_person_spans(page.text, page.sentences) if page.doc in lawyer else []
            spans += relayed_spans(page.text, page.sentences)  # redaction.legal_relayed
            spans += message_spans.get(page.key, [])  # redaction.legal_messages
            for start, end in spans:
                out.append(_lpp_candidate(page, start, end))
            if page.doc in meeting:
                # Sentence by sentence only: its attendees, decisions and plans stay.
                for m in _LPP_PASSAGE.finditer(page.text):
                    sent = next(((a, b) for a, b in page.sentences if a <= m.start() < b), None)
                    if sent is not None:
                        out.append(_lpp_candidate(page, *sent))
                continue
            out.extend(self._legal_sections(page))
            paragraphs = paragraph_bounds(page.text)
            for m in _LPP_PASSAGE.finditer(page.text):
                para = next(((s, e) for s, e in paragraphs if s <= m.start() < e), (m.start(), len(page.text)))
                # The cue may start on a heading line ("Legal" / "Advice from ..."): the passage runs to
                # the end of the paragraph where the cue ends, not of the heading.
                last = next((e for s, e in paragraphs if s <= m.end() - 1 < e), para[1])
                sent = next((s for s, e in page.sentences if s <= m.start() < e), para[0])
                out.append(_lpp_candidate(page, *trim_span(page.text, max(para[0], sent), max(para[1], last))))
        return out

    def _legal_sections(self, page: _Page) -> list[_Candidate]:
        """Text under a "Legal advice" style heading inside another document, up to the next heading."""
        out = []
        lines = page.text.split("\n")
        offsets = [0]
        for ln in lines:
            offsets.append(offsets[-1] + len(ln) + 1)
        for i, ln in enumerate(lines[:-1]):
            if not (_LPP_SECTION.match(ln) and len(ln.split()) <= 8):
                continue
            start = offsets[i + 1]
            k = i + 1
            while k < len(lines) and not (k > i + 1 and _looks_like_heading(lines[k])):
                k += 1
            start, end = trim_span(page.text, start, offsets[k] - 1 if k < len(lines) else len(page.text))
            if end > start:
                out.append(_lpp_candidate(page, start, end))
        return out

    def _name_candidates(self, pages: list[_Page]) -> list[_Candidate]:
        out = []
        for page in pages:
            for start, end, person in self.names.get(page.key, ()):
                if person.kind != THIRD_PARTY or not_a_person(page.text, start, end):
                    continue  # a condition named after a person is nobody's name (tp-owner-not-a-person)
                if person.foster:
                    reason = "Name of a foster carer or other carer (third party)."
                else:
                    reason = "Name of another person (third party)."
                out.append(
                    _Candidate(page, start, end, "PERSON", "SCH2-P16-THIRD-PARTY", reason, 0.85, "PersonTracker")
                )
        return out

    def _sensitive_candidates(self, pages: list[_Page]) -> list[_Candidate]:
        """Whole sentences carrying a third party's sensitive information (rule tp-sensitive-sentence)."""
        given = {name_tokens(n)[0] for n in self.context.subject.names if name_tokens(n)}
        out = []
        for page in pages:
            names = [(s, e, p) for s, e, p in self.names.get(page.key, ()) if not not_a_person(page.text, s, e)]
            found = sensitive_sentences(
                page.text,
                page.sentences,
                [(s, e) for s, e, p in names if p.kind == THIRD_PARTY],
                [(s, e) for s, e, p in names if p.kind == SUBJECT],
                given,
                [(s, e) for s, e, p in names if p.kind in (PROFESSIONAL, DISCLOSED)],
            )
            found += row_cells(page.text, [(s, e, p.kind == THIRD_PARTY) for s, e, p in names])
            found += owned_sentences(page.text, page.sentences, [(s, e, p.kind, p.family) for s, e, p in names])
            for start, end, kind in found:
                harm = serious_harm(page.text[start:end])  # rule tp-sensitive-serious-harm
                reason = (
                    f"Another person's sensitive information ({kind}), withheld as a whole sentence "
                    + ("(third-party information); disclosure could cause serious harm: for a manager's decision."
                       if harm else "(third-party information).")
                )
                out.append(
                    _Candidate(page, start, end, THIRD_PARTY_SENSITIVE,
                               "SCH3-SERIOUS-HARM" if harm else "SCH2-P16-THIRD-PARTY", reason, 0.7,
                               "ThirdPartySensitiveRule")
                )
        return out

    # -- identifiers ------------------------------------------------------------------------------

    def _identifier_candidates(self, pages: list[_Page]) -> list[_Candidate]:
        subject_ids = {_id_key(v) for v in self.context.subject.identifiers}
        occurrences: list[tuple[_Page, Finding, _Owner, bool]] = []
        for page in pages:
            for f in _dedupe_identifiers(page.findings):
                if f.entity not in _IDENTIFIERS:
                    continue
                # Short digit runs are times and counts, unless a phone word stood right before them
                # (a foreign national number, rule cued-phone).
                if (f.entity == "PHONE_NUMBER" and len(re.sub(r"\D", "", page.text[f.start : f.end])) < 10
                        and f.recognizer != "CuedPhoneRecognizer"):
                    continue
                owner = self._owner(page, f.start, f.end)
                harm = f.entity in _LOCATING and self._serious_harm_context(page, f.start)
                occurrences.append((page, f, owner, harm))
        own = [self._verdict(page, f, owner, harm, subject_ids) for page, f, owner, harm in occurrences]
        _postcodes_follow_their_address(occurrences, own)
        # Bundle-wide decision per value: a third party's number is redacted everywhere.
        verdicts: dict[tuple[str, str], Verdict] = {}
        for (page, f, _owner, _harm), verdict in zip(occurrences, own, strict=True):
            key = _value_key(f.entity, page.text[f.start : f.end])
            verdicts[key] = max(verdicts.get(key, verdict), verdict)
        out = []
        for page, f, owner, harm in occurrences:
            key = _value_key(f.entity, page.text[f.start : f.end])
            verdict = verdicts[key]
            if verdict.keeps:
                continue
            what = _WHAT.get(f.entity, "Detail")
            if verdict is Verdict.HARM or harm or (owner.person is not None and owner.person.foster):
                code = "SCH3-SERIOUS-HARM"
                reason = (
                    f"{what} that could locate a child's placement, carers or adoptive family; proposed "
                    "under the serious-harm exemption for a manager's decision."
                )
            else:
                # Reasons go into the requester's schedule: they never name the third party.
                code = "SCH2-P16-THIRD-PARTY"
                reason = f"{what} of another person (third-party information)."
            out.append(_Candidate(page, f.start, f.end, f.entity, code, reason, f.score, f.recognizer))
        return out

    def _verdict(self, page: _Page, f: Finding, owner: _Owner, harm: bool, subject_ids: set) -> Verdict:
        """The verdict of the first rule of :data:`IDENTIFIER_RULES` that applies to one occurrence."""
        occ = _Occurrence(self, page, f, owner, harm, subject_ids, page.text[f.start : f.end], owner.relative,
                          owner.given)
        return first_verdict(IDENTIFIER_RULES, occ, Verdict.REDACT)[0]

    def _third_party_in_sentence(self, page: _Page, pos: int) -> bool:
        sent = next(((s, e) for s, e in page.sentences if s <= pos < e), (0, len(page.text)))
        return any(
            p.kind == THIRD_PARTY for s, e, p in self.names.get(page.key, ()) if s >= sent[0] and e <= pos
        )

    def _email_verdict(self, value: str) -> Verdict | None:
        if WORK_DOMAIN.search(value):
            return Verdict.KEEP
        local = re.split(r"[._\-+\d]+", value.split("@")[0].lower())
        kept = self.people.protected_tokens()
        third = {t for p in self.people.third_parties() for t in p.key if t not in kept}
        if any(t in third for t in local if len(t) > 1):
            return Verdict.REDACT_STRONG
        hits = [t for t in local if len(t) > 2 and t in kept]
        # A surname that a third party shares with the subject says nothing about whose address it
        # is: ownership (the names around it) decides, and with no owner it is redacted (fail closed).
        shared = {p.key[-1] for p in self.people.third_parties() if len(p.key) > 1}
        if hits and all(t in shared for t in hits):
            return None
        if hits:
            return Verdict.KEEP
        return Verdict.REDACT

    def _owner(self, page: _Page, start: int, end: int) -> _Owner:
        """The person a detail at ``start..end`` belongs to: nearest name in the same sentence.

        A possessive right before the detail ("X's mobile is") or the nearest name before it in the
        sentence is a strong owner, unless a relationship word stands between them ("X's mother's
        mobile"). With no name before it in the sentence, the name at the top of its label block,
        table row or signature block is a strong owner (:meth:`_block_owner`). Otherwise a name
        after it, or one found in the previous sentences when the sentence only has a pronoun, is a
        weak owner.
        """
        own = subject_field_owner(page.text, start, self.names.get(page.key, ()), lambda p: p.kind)
        if own is not None:  # a field of the subject's own record (redaction.subject_own)
            return _Owner(SUBJECT, True, own)
        sent = next(((s, e) for s, e in page.sentences if s <= start < e), (0, len(page.text)))
        line_start = page.text.rfind("\n", 0, start) + 1
        names = [n for n in self.names.get(page.key, ()) if n[1] <= start and n[0] >= sent[0]
                 and not self._role_line_name(page.text, n, line_start)]
        stated = next((n for n in self.names.get(page.key, ()) if n[0] >= end and (
            n[1] <= sent[1] and owner_stated_after(page.text, end, n[0], n[1])
            or owner_named_next(page.text, sent[1], n[0]))), None)
        if stated is not None:  # "07..., which is <Name>'s": the record states whose it is
            return _Owner(stated[2].kind if stated[2].kind != "disclosed" else SUBJECT, True, stated[2])
        if names:
            s, e, person = max(names, key=lambda n: n[1])
            between = page.text[e:start]
            if _FAMILY_WORD.search(between):
                # "<Subject>'s mother's mobile is ...": the detail is the relative's, not the subject's.
                return _Owner(THIRD_PARTY, False, None)
            others = _PRONOUN.search(between) and not re.match(r"\s*'s\b", page.text[e : e + 3])
            relative = stated_for_relative(page.text, s, e, sent[0],
                                          {t[0] for n in self.context.subject.names if (t := name_tokens(n))})
            return _Owner(person.kind if person.kind != "disclosed" else SUBJECT, not others, person, relative,
                          given_to(page.text, s, sent[0]))
        form = form_owner(page.text, start, self.names.get(page.key, ()), lambda p: p.kind)
        if form is not None:
            return _Owner(SUBJECT, True, form)
        block = self._block_owner(page, start)
        if block is not None:
            return block
        after = [n for n in self.names.get(page.key, ()) if n[0] >= end and n[1] <= sent[1]]
        if after:
            person = min(after, key=lambda n: n[0])[2]
            return _Owner(person.kind, False, person)
        # Pronoun only: the nearest non-professional name in the three sentences before.
        prior = [
            n
            for n in self.names.get(page.key, ())
            if n[1] <= sent[0] and n[2].kind != PROFESSIONAL and n[0] >= _back_sentences(page, sent[0], 3)
        ]
        if prior:
            person = max(prior, key=lambda n: n[1])[2]
            # A "Label: value" line in a block of such lines ("Name: X / NHS No: 123") belongs to the
            # name at the top of the block; a pronoun sentence does not.
            line_start = page.text.rfind("\n", 0, start) + 1
            block_start = _back_lines(page.text, line_start, 3)
            strong = bool(_LABEL_AT.match(page.text, line_start)) and max(prior, key=lambda n: n[1])[0] >= block_start
            return _Owner(person.kind, strong, person)
        return _Owner(None, False, None)

    def _block_owner(self, page: _Page, pos: int) -> _Owner | None:
        """The owner of a detail in a block of short lines: the nearest name above it in the block.

        Label/value blocks ("Young person:" / "Ruby Ellington" / "NHS number:" / "903 ..."), table
        rows with one cell per line and signature blocks (name / role / "Tel: ...") give each
        detail to the person the block is about. The block ends at a line of running prose; blank
        lines inside it are allowed, up to eight lines of it are read.
        """
        text = page.text
        wide = page.wide
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if len(line.strip()) >= 0.6 * wide:
            return None
        block_start, seen = line_start, 0
        while block_start > 0 and seen < 8:
            prev_start = text.rfind("\n", 0, block_start - 1) + 1
            prev = text[prev_start : block_start - 1].strip()
            if len(prev) >= 0.6 * wide:
                break
            block_start = prev_start
            seen += bool(prev)
        names = [n for n in self.names.get(page.key, ()) if n[0] >= block_start and n[1] <= pos]
        # Rule form-role-line: on a label/value form a professional filled in under a role label on
        # another line ("Personal Adviser ..... <Name>") is not whom the block is about; the person
        # the form is about (a name above without a role label) owns the details below.
        others = [n for n in names if not self._role_line_name(text, n, line_start)]
        names = others or names
        if not names:
            return None
        s, e, person = max(names, key=lambda n: n[1])
        kind = person.kind if person.kind != DISCLOSED else SUBJECT
        if kind == SUBJECT and (_FAMILY_WORD.search(text[e:pos]) or _PRONOUN.search(text[e:pos])):
            return _Owner(SUBJECT, False, person)
        return _Owner(kind, True, person)

    @staticmethod
    def _role_line_name(text: str, name: tuple[int, int, Person], detail_line: int) -> bool:
        """A professional's name on an earlier line, after a label ("<Role> ....: <Name>")."""
        s, _e, person = name
        own_line = text.rfind("\n", 0, s) + 1
        return (person.kind == PROFESSIONAL and own_line != detail_line
                and bool(_FORM_LABEL_BEFORE.search(text[own_line:s])))

    def _serious_harm_context(self, page: _Page, pos: int) -> bool:
        sent = next(((s, e) for s, e in page.sentences if s <= pos < e), (0, len(page.text)))
        return bool(_SERIOUS_HARM_CUE.search(page.text[sent[0] : sent[1]]))
