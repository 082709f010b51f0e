"""Legal advice at the level of the sentence: meeting records and lawyers' own words (SCH2-P19-LPP).

:mod:`redaction.decide` withholds a whole document headed as privileged legal advice and redacts
passages cued "Legal Services advised ..." anywhere. Two further rules, as a redactor applies them:

* ``lpp-meeting-record``: a record headed as a legal gateway / planning meeting or panel, without a
  privilege marking, is a meeting record, not advice as a whole. Its labelled lines (attendees,
  actions) and sections under other headings (a safety plan) stay; what goes is every sentence that
  reports advice ("Legal advised ...", "It was advised ...") and every line of prose that is not
  under such a heading (fail closed: unattributed prose in a legal meeting is taken to be advice).
* ``lpp-lawyer-first-person``: in a document written by a lawyer (an e-mail ``From:`` line or a
  signature naming Legal Services, a solicitor, counsel or a barrister), a sentence in which the
  writer gives advice in the first person ("My advice is ...", "In my view ...", "I would advise
  ...") and the prose lines that follow it in the same paragraph.

Word lists are general legal-English usage (no corpus phrases).
"""

from __future__ import annotations

import re

from redaction.text import trim_span

_PRIVILEGE_MARK = re.compile(
    r"legal\s+advice|legally\s+privileged|\bprivileged\b|legal\s+professional\s+privilege|"
    r"counsel's\s+(?:advice|opinion)|advice\s+(?:from|of)\s+(?:legal|counsel)|without\s+prejudice|"
    r"instructions\s+to\s+counsel",
    re.IGNORECASE,
)
MEETING_HEADING = re.compile(
    r"legal\s+(?:gateway|planning)(?:\s+(?:meeting|panel|forum|discussion))?|"
    r"legal\s+(?:surgery|panel)|pre-proceedings\s+planning",
    re.IGNORECASE,
)
# A sentence that reports advice given: "Legal advised", "it was advised", "advice was (given) that".
_ADVICE_SENTENCE = re.compile(
    r"\b(?:advised|advises|advise\s+that|advice\s+(?:was|is|given)|recommended\s+that|"
    r"(?:view|opinion)\s+(?:is|was)\s+that)\b",
    re.IGNORECASE,
)
_ADVICE_HEADING = re.compile(r"^[ \t]*(?:legal[ \t]+)?advice(?:[ \t]+(?:given|received|from[ \t]+\w+(?:[ \t]+\w+)?))?"
                             r"[ \t]*:?[ \t]*$", re.IGNORECASE)
_LABEL_LINE = re.compile(r"^[ \t]*[A-Z][\w']*(?:[ \t]+[\w']+){0,3}[ \t]*:")
# The writer's own advice, in the first person.
_FIRST_PERSON_ADVICE = re.compile(
    r"\b(?:my|our)\s+(?:advice|view|opinion|recommendation)\b|\bin\s+(?:my|our)\s+(?:view|opinion)\b|"
    r"\b(?:I|we)\s+(?:would\s+)?(?:advise|recommend)\b|\bI\s+(?:consider|am\s+of\s+the\s+view)\s+that\b",
    re.IGNORECASE,
)
_LAWYER = re.compile(r"legal\s+services|legal\s+team|\bsolicitor\b|\bcounsel\b|\bbarrister\b|legal\s+adviser",
                     re.IGNORECASE)
_FROM_LINE = re.compile(r"^[ \t]*from[ \t]*:(.*)$", re.IGNORECASE | re.MULTILINE)


def title_lines(heading: str) -> str:
    """The lines of a page's heading that are titles or markings, not sentences (rule lpp-title-only).

    "A legal gateway meeting is booked for 5 May." or "The parents were advised to seek legal
    advice." on a case note's second line is a sentence about the law, not a title: it neither
    makes the document a meeting record nor marks it privileged. A line ending like a sentence
    with more than four words is dropped.
    """
    return "\n".join(ln for ln in heading.split("\n")
                     if not (ln.rstrip()[-1:] in ".!?" and len(ln.split()) > 4))


def is_meeting_record(heading: str) -> bool:
    """A legal gateway/planning meeting record without a privilege marking (rule lpp-meeting-record)."""
    heading = title_lines(heading)
    return bool(MEETING_HEADING.search(heading)) and not _PRIVILEGE_MARK.search(heading)


def written_by_lawyer(text: str) -> bool:
    """The document's ``From:`` line or its closing lines (the signature) name a lawyer."""
    m = _FROM_LINE.search(text)
    if m and _LAWYER.search(m.group(1)):
        return True
    tail = [ln for ln in text.split("\n") if ln.strip()][-5:]
    return any(_LAWYER.search(ln) and len(ln.split()) <= 10 and not ln.rstrip().endswith(".") for ln in tail)


def meeting_spans(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Advice in a legal meeting record, by sentence and line (rule lpp-meeting-record).

    Fail closed inside the record: every line of prose is advice unless it stands under a section
    heading that is not about advice ("Safety plan", "Actions") or is a labelled line ("Present:",
    "Actions: ..."). Sentences that report advice ("Legal advised ...") go wherever they stand.
    """
    out = []
    for s, e in sentences:
        if _ADVICE_SENTENCE.search(text, s, e):
            out.append(trim_span(text, s, e))
    lines = text.split("\n")
    pos = [0]
    for ln in lines:
        pos.append(pos[-1] + len(ln) + 1)
    advice, started, prev_end = True, False, True
    for i, ln in enumerate(lines):
        line = ln.strip()
        if not line:
            prev_end = True
            continue
        if _LABEL_LINE.match(ln):
            started, prev_end = True, True
            continue
        ends = line[-1:] in ".;!?"
        if not ends and prev_end and len(line.split()) <= 8:
            # A section heading once the record has begun; the title and markings come before that.
            if started:
                advice = bool(_ADVICE_HEADING.match(ln))
            prev_end = True
            continue
        started = True
        if advice:
            out.append(trim_span(text, pos[i], pos[i] + len(ln)))
        prev_end = ends
    return [(s, e) for s, e in out if e > s]


def first_person_spans(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A lawyer's first-person advice sentences and the prose lines after them (rule lpp-lawyer-first-person)."""
    out = []
    for s, e in sentences:
        if _FIRST_PERSON_ADVICE.search(text, s, e) is None:
            continue
        end = text.find("\n", max(s, e - 1))
        end = len(text) if end < 0 else end
        # Following lines of the same paragraph that are prose (end like a sentence).
        while end < len(text):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            line = text[end + 1 : nxt]
            if not line.strip() or line.rstrip()[-1:] not in ".;!?" or _LABEL_LINE.match(line):
                break
            end = nxt
        out.append(trim_span(text, s, end))
    return [(a, b) for a, b in out if b > a]
