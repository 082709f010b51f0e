"""People in transcribed conversations: speaker labels, handles and names written in lower case.

A redactor reading a chat export or a call transcript sees who speaks on every line, and treats each
speaker as a person: the subject's own lines keep their label, a professional's too, and anyone else
is a third party whose label goes wherever it appears in the bundle (SCH2-P16-THIRD-PARTY). This
module does the same, as a layout feature rather than a word list. Its rules (:data:`RULES`):

* ``speaker-label``: a page whose lines read ``<label><sep><message>`` at least twice (``<sep>`` a
  colon, with or without a clock time before the label, or a clock time after it) is a transcript;
  each label is a person mention. A label made of ordinary or record words ("Date:", "Outcome:") is
  a form field, not a speaker; a phone number is left to the identifier rules.
* ``speaker-handle``: a label shaped like an account name (letters with digits, dots or
  underscores, "@name") is a handle, owned by the person it labels. It is the subject's (kept, it is
  their own data) only when its parts spell the subject's names or initials; otherwise it is read,
  after undoing digit-for-letter spellings ("0" for "o"), as the handle of a third party whose name
  it spells, or of an unknown person.
* ``platform-handle-nearby``: a handle-shaped token on the same line as a platform name from
  ``lexicon/platforms.txt`` ("chat with <handle>") is a handle, resolved the same way.
* ``relation-apposition``: on a message line, a lower-case word right after a possessive and a
  relationship word ("my cousin <name>", ``lexicon/chat_relations.txt``) is that relative's name,
  unless it is ordinary vocabulary.

  A kin word used as a title ("uncle <name>", "auntie <name>") needs no possessive.
* ``saved-contact-name``: the name a phone shows for a contact, quoted after "saved/stored/listed ...
  as" ('the contact is saved in her phone as "<name>"'), is a person's label even when it is an
  ordinary word; the sender is resolved like a speaker label (kept when it is the subject's or a
  professional's name).
* ``message-addressee``: on a message line, a lower-case word right after a verb of addressing or
  meeting ("tell <name>", "ask <name>", "with <name>") or right before a verb of telling ("<name> told
  us"), unless it is ordinary vocabulary, a function word or text-speak (``lexicon/chat_slang.txt``).

Fail closed: a label, handle or name that nothing in the bundle places (no role, relationship or
directory entry) becomes a person with no evidence, so the cast lists them as ``unresolved`` and
their every occurrence is still proposed for redaction. Nothing person-like found here is kept
unless it is shown to be the subject's or a professional's.

The decider calls :func:`add_speaker_names` once, after its own name scans, with itself; the
function only reads ``people``, ``context``, ``is_word`` and ``names`` of it and adds name spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from redaction.detectors.uk import RELATIONSHIPS
from redaction.letters import name_key
from redaction.lexicon import alternation, lower, words
from redaction.messages import FUNCTION_WORDS, message_lines, on_message_line
from redaction.names import NON_NAME, PROFESSIONAL, THIRD_PARTY, Mention, Person, name_tokens


@dataclass(frozen=True)
class Rule:
    """One named rule of this module: its id and what it finds."""

    id: str
    finds: str


RULES = (
    Rule("speaker-label", "the sender label of each line of a transcript: a person mention"),
    Rule("speaker-handle", "a handle-shaped sender label: an account name owned by the person it labels"),
    Rule("platform-handle-nearby", "a handle-shaped token on a line naming a platform"),
    Rule("relation-apposition", "a lower-case word after 'my <relative>' on a message line: a name"),
    Rule("saved-contact-name", "the name a phone's contact is saved as ('saved in her phone as \"<name>\"')"),
    Rule("message-addressee", "a lower-case word after 'tell/ask/with' or before 'told/said' on a message line"),
)

#: Digits written for letters in account names ("j0hn", "s4m"): read back as letters to link a handle.
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"})

_TIME = (r"[\[(]?(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+)?"
         r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*[ap]\.?m\.?)?[\])]?")
_LABEL = r"[@+]?[\w][\w.'\-]{0,30}(?:[ \t][\w][\w.'\-]{0,30}){0,2}"
# "<time> <label>: <message>", "<label>: <message>" and "<label> <time>: <message>" / "<label> (<time>) <message>"
_SPEAKER_LINE = re.compile(
    rf"^[ \t]*(?:(?P<time>{_TIME})[ \t,|\-]*)?(?P<label>{_LABEL})[ \t]*"
    rf"(?:(?P<after>{_TIME})[ \t]*[:\-\u2013]?|(?:\([^)\n]{{0,40}}\))?[ \t]*:)(?![\d/])[ \t]*(?P<msg>\S[^\n]*)$",
    re.MULTILINE,
)
_HANDLE_SHAPE = re.compile(r"@?[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+|@?[A-Za-z]+\d[A-Za-z0-9_]*|@[A-Za-z]\w+")
_HANDLE_TOKEN = re.compile(r"(?<![\w@.\-/])@?[A-Za-z][\w.]{1,29}[A-Za-z0-9_](?![\w@\-/]|\.\w)")
_PLATFORM = re.compile(r"\b" + alternation(tuple(w for w in words("platforms") if len(w) > 2)) + r"\b")
_REL_WORDS = sorted({*RELATIONSHIPS, *words("chat_relations")}, key=len, reverse=True)
_APPOSITION = re.compile(
    r"(?i:\b(?:my|ur|your|his|her|their|our|me)[ \t]+(?:" + "|".join(re.escape(r) for r in _REL_WORDS) + r"))"
    r"[ \t]+(?P<name>[a-z][a-z'\-]{2,20})\b"
)
# "tell <name>", "ask <name>", "with <name>" / "<name> told", "<name> said": a lower-case word a message
# addresses or quotes, in the place a person stands (rule message-addressee).
_LOW = r"[a-z\u00df-\u00f6\u00f8-\u00ff][a-z\u00df-\u00f6\u00f8-\u00ff'\-]{2,20}"
_ADDRESSEE = re.compile(
    r"\b(?:tell|ask|text|ring|call|message|msg|meet|see|seen|phone|with)[ \t]+(?P<name>" + _LOW + r")"
    r"(?![\w'\u2019])|(?<![\w'\u2019])(?P<actor>" + _LOW + r")[ \t]+(?:told|said|says|knows|saw|texted|rang|called|"
    r"wants|grassed|snitched)\b"
)
_SLANG = lower("chat_slang")
# "uncle <name>", "auntie <name>": a kin word used as a title before a lower-case name on a message line,
# without a possessive (rule relation-apposition).
_KIN_TITLE = re.compile(r"\b(?:uncle|aunt|auntie|aunty|nan|nana|nanna|gran|grandma|grandad|cousin|cuz)[ \t]+"
                        r"(?P<name>" + _LOW + r")(?![\w'\u2019])")
# 'saved in her phone as "<name>"', 'the contact is saved as <name>': the name a phone shows for a
# sender, whatever its case or whether it is also a word (rule saved-contact-name).
_SAVED_AS = re.compile(r"\b(?:saved|stored|listed)\b[^\n\".]{0,30}?\bas[ \t]+[\"\u201c'\u2018]"
                       r"(?P<name>[^\"\u201d'\u2019\n]{2,30})[\"\u201d'\u2019]")
# Words never a speaker: record and form words, relationships, platforms, stop words.
# Month and weekday names and their three-letter forms ("Mon 14:30 - ...") head a diary line, not a message.
_CALENDAR = frozenset(w.lower()[:n] for w in (*words("months"), "Monday", "Tuesday", "Wednesday", "Thursday",
                                             "Friday", "Saturday", "Sunday") for n in (3, 4, len(w)))
_NOT_SPEAKER = (NON_NAME | FUNCTION_WORDS | frozenset(r.lower() for r in _REL_WORDS) | lower("platforms")
                | _CALENDAR)
# Endings that make a dotted token a web address or a file, not an account name.
_NOT_HANDLE_END = frozenset("com org net uk gov nhs co io pdf png jpg jpeg docx doc txt html htm".split())
_PHONE_LIKE = re.compile(r"^[+\d][\d \t\-()]{5,}$")


def is_handle(label: str) -> bool:
    """``label`` is shaped like an account name (letters with digits, dots or underscores, or "@name")."""
    if not _HANDLE_SHAPE.fullmatch(label):
        return False
    parts = re.split(r"[._@]+", label.lower())
    return parts[-1] not in _NOT_HANDLE_END and any(len(re.sub(r"\d", "", p)) >= 3 for p in parts)


def speaker_labels(text: str, is_word: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of every speaker label of a transcript page (rule speaker-label).

    Empty unless at least two lines of ``text`` are ``<label><sep><message>`` with a plausible label.
    """
    found = []
    for m in _SPEAKER_LINE.finditer(text):
        label = m.group("label").strip()
        if _PHONE_LIKE.match(label) or not _plausible_label(label, is_word):
            continue
        timed = bool(m.group("time") or m.group("after"))
        found.append((m.start("label"), m.start("label") + len(label), label, timed))
    timed = sum(t for *_x, t in found)
    labels = [lab for _s, _e, lab, _t in found]
    repeated = len(labels) != len({name_key(x) for x in labels})
    if len(found) < 2 or not (timed >= 2 or repeated):
        return []
    return [(s, e, lab) for s, e, lab, _t in found]


def _plausible_label(label: str, is_word: Callable[[str], bool]) -> bool:
    """A sender a transcript could show: a handle, or one to three name-like words that are not record words."""
    if is_handle(label):
        return True
    toks = label.split()
    if not 1 <= len(toks) <= 3:
        return False
    for t in toks:
        low = t.lower().strip(".'")
        if len(low) < 2 or low in _NOT_SPEAKER or not re.fullmatch(r"[^\W\d_][\w'\-]*", t):
            return False
        if is_word(low) and not t[0].isupper():
            return False  # "note: ..." is a remark, not a sender
    # A capitalised dictionary word alone ("Comment:", "Action:") is a field label.
    return not (len(toks) == 1 and toks[0][0].isupper() and is_word(toks[0].lower()))


def handle_parts(handle: str) -> list[str]:
    """The words an account name is made of, digits read as letters ("j0hn.sm1th" -> john, smith)."""
    return [p for p in re.split(r"[._@\-]+", handle.lower().translate(LEET)) if p]


def add_speaker_names(decider, pages) -> None:
    """Add speaker labels, handles and lower-case relative names of ``pages`` to ``decider.names``.

    Each one is resolved against the cast (subject and professionals keep theirs); a third party's is
    found on every page of the bundle and added as a name span of that person, with a mention so the
    cast shows them (``unresolved`` when nothing places them).
    """
    people = decider.people
    is_word = decider.is_word
    found: dict[str, tuple[str, str]] = {}  # case-folded written form -> (written form, rule)
    for page in pages:
        text = page.text
        for _s, _e, label in speaker_labels(text, is_word):
            found.setdefault(label.casefold(), (label, "speaker-handle" if is_handle(label) else "speaker-label"))
        chat = message_lines(text)
        for m in _APPOSITION.finditer(text):
            name = m.group("name")
            if (on_message_line(chat, m.start()) and name not in _NOT_SPEAKER and not is_word(name)):
                found.setdefault(name.casefold(), (name, "relation-apposition"))
        for m in _KIN_TITLE.finditer(text):
            name = m.group("name")
            if (on_message_line(chat, m.start()) and name not in _NOT_SPEAKER and name not in _SLANG
                    and not is_word(name)):
                found.setdefault(name.casefold(), (name, "relation-apposition"))
        for m in _SAVED_AS.finditer(text):
            name = m.group("name").strip()
            if name.casefold() not in _NOT_SPEAKER and not _PHONE_LIKE.match(name):
                found.setdefault(name.casefold(), (name, "saved-contact-name"))
        for m in _ADDRESSEE.finditer(text):
            name = m.group("name") or m.group("actor")
            if (on_message_line(chat, m.start()) and name not in _NOT_SPEAKER and name not in _SLANG
                    and not is_word(name)):
                found.setdefault(name.casefold(), (name, "message-addressee"))
        for line in re.finditer(r"[^\n]+", text):
            if not _PLATFORM.search(line.group()):
                continue
            for h in _HANDLE_TOKEN.finditer(line.group()):
                if is_handle(h.group()) and not _PLATFORM.fullmatch(h.group()):
                    found.setdefault(h.group().casefold(), (h.group(), "platform-handle-nearby"))
    for written, rule in found.values():
        person = _resolve(people, decider.context, written, rule)
        if person is None or person.kind != THIRD_PARTY:
            continue
        _add_everywhere(decider, pages, written, person, rule)


def _resolve(people, context, written: str, rule: str) -> Person | None:
    """The person a label stands for: the subject, a professional, a known third party or someone new."""
    subject_tokens = people.subject_tokens
    if rule in ("speaker-handle", "platform-handle-nearby") or is_handle(written):
        parts = handle_parts(written)
        initials = {"".join(t[0] for t in name_tokens(n.replace("-", " ")) if t).lower() for n in context.subject.names}
        sub_parts = {p for n in context.subject.names for t in name_tokens(n) for p in handle_parts(t)}
        if parts and parts[0] in subject_tokens | sub_parts and all(
                p in subject_tokens | sub_parts or p in initials or len(p) <= 2 or p.isdigit() for p in parts):
            return None  # the subject's own account: their data, disclosed to them
        kept = people.protected_tokens((PROFESSIONAL,))
        if parts and all(p in kept for p in parts if len(p) > 2) and any(len(p) > 2 for p in parts):
            return None
        for p in parts:
            if len(p) < 3:
                continue
            for cand in people.third_parties():
                if any(p == k or (len(p) >= 4 and k.startswith(p)) for k in cand.key):
                    return cand
        return people._person((written,))
    toks = tuple(name_tokens(written))
    if not toks:
        return None
    key = tuple(name_key(t) for t in toks)
    if all(k in subject_tokens for k in key):
        return None
    if key in people.persons:
        return people.persons[key]
    if len(key) == 1:
        person = people.resolve_single(toks[0])
        if person is not None:
            return person if person.kind == THIRD_PARTY else None
    protected = people.protected_tokens()
    if any(k in protected for k in key) and not any(p.kind == THIRD_PARTY and p.key == key
                                                     for p in people.persons.values()):
        # Part of a kept person's name ("<Given> <Surname>" of a professional written as "<Given>").
        return None
    return people._person(toks)


def _add_everywhere(decider, pages: Iterable, written: str, person: Person, rule: str) -> None:
    """Every occurrence of ``written`` in the bundle (any case) becomes a name span of ``person``."""
    rx = re.compile(r"(?<![\w@.\-])" + re.escape(written) + r"(?![\w@\-]|\.\w)", re.IGNORECASE)
    add_matches(decider, pages, rx, written, person, rule)


def add_matches(decider, pages: Iterable, rx: re.Pattern, written: str, person: Person, rule: str) -> None:
    """Every match of ``rx`` on ``pages`` becomes a name span of ``person`` in ``decider.names``.

    Each gets a mention under ``rule`` (at most 50 a person); never over a kept person's name or inside
    another name span.
    """
    for page in pages:
        names = decider.names[page.key]
        added = False
        for m in rx.finditer(page.text):
            s, e = m.start(), m.end()
            # Never over a kept person's name; a longer form of a third party's name may cover a
            # shorter one ("<Given> <Hyphenated-Surname>" over "<Given>"), overlaps are resolved later.
            if any(a < e and s < b and (p.kind != THIRD_PARTY or (a <= s and e <= b)) for a, b, p in names):
                continue
            names.append((s, e, person))
            added = True
            if len(person.mentions) < 50:
                person.mentions.append(Mention(page.doc, page.page.page_index, s, e, (written,), None, rule))
        if added:
            names.sort(key=lambda x: (x[0], -x[1]))


__all__ = ["LEET", "RULES", "Rule", "add_matches", "add_speaker_names", "handle_parts", "is_handle", "speaker_labels"]
