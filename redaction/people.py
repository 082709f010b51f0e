"""The people stage of the redaction engine: finding every way a person is named.

Holds ``_PeopleScan``, the part of the bundle-wide decider (:mod:`redaction.decide`) that learns
people from mentions and records each name occurrence per page: blocked spans, mentions, name
scans, aliases, namesakes of the subject, short and coordinated names and vocatives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date as _date

from redaction.aliases import alias_names
from redaction.candidates import (
    _PROF_TITLE_NAME,
    _WORD,
    _Page,
)
from redaction.cast_initials import initials_index, initials_spans_indexed
from redaction.detectors.uk import DATE
from redaction.diminutives import is_short_form, listed
from redaction.english import ordinary_capitals
from redaction.furniture import (
    is_label_line,
    names_an_identifier,
    on_running_line,
    running_lines,
)
from redaction.hyphenated import whole_hyphenated
from redaction.letters import name_key
from redaction.lexicon import (
    ADULT_ONLY_TITLES,
    ALL_TITLES,
    words,
)
from redaction.messages import FUNCTION_WORDS, message_lines, on_message_line
from redaction.names import (
    NON_NAME,
    ROLE_PHRASE,
    SUBJECT,
    THIRD_PARTY,
    Mention,
    Person,
    clean_mention,
    name_tokens,
)
from redaction.org_names import kept_name_cells, kept_name_keys, organisation_name
from redaction.party_roles import role_table_rows
from redaction.spans import (
    _SALUTATION,
    _TITLE_SURNAME,
    _VOCATIVE_AFTER,
    _inside,
    _month_in_date,
    _parse_date,
    _relationship_next_to,
    _split_mention,
    _strip_possessive,
    _title_before,
)

# Never a nickname: words that are never names, and agency words ("<Name> (<Agency>)" is an affiliation).
ALIAS_NON_NAME = NON_NAME | frozenset(w.lower() for w in words("agency_words"))
# Read receipts and transcript labels ("Screenshot 2", "Delivered"): furniture, never a lone name.
_TRANSCRIPT_FURNITURE = frozenset(w.lower() for w in words("transcript_furniture"))


# "Our ref: AB/FAM/<Surname>/0912" in a letter from solicitors acting for someone: the surname in the
# reference is their client's (rule client-reference).
_REF_LINE = re.compile(r"^[ \t]*(?:our|your|my)?[ \t]*ref(?:erence)?\b[ \t.]*:?", re.IGNORECASE)
_ACTS_FOR = re.compile(r"\bwe\s+(?:act|are\s+instructed)\s+(?:for|by)\b|\bour\s+client\b", re.IGNORECASE)


def _client_reference(text: str, pos: int, doc_text: str) -> bool:
    """A subject surname inside the reference line of a letter from a client's solicitors.

    Rule client-reference: someone who shares the subject's surname is not the subject. When the
    letter acts for a client and a third party bears that surname, the reference is the client's.
    """
    line_start = text.rfind("\n", 0, pos) + 1
    return bool(_REF_LINE.match(text[line_start:pos + 1])) and bool(_ACTS_FOR.search(doc_text))


def _clean_cell(cell: str) -> bool:
    """A table cell that is one clean name and nothing else."""
    return clean_mention(name_tokens(cell)) == tuple(cell.split())


class _PeopleScan:
    """Name scanning for :class:`redaction.decide._Decider` (its attributes are set there)."""

    def _blocked_spans(self, pages: list[_Page]) -> dict[tuple[int, int], list[tuple[int, int]]]:
        """Spans where a name cannot be: inside addresses, e-mail addresses and school/practice names."""
        out: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for page in pages:
            # Rule role-table-row: a name cell above its role cell ("<Given> <Surname>\nSchool Nurse") is
            # a person, not the start of a school or practice name wrapped onto the next line.
            cells = role_table_rows(page.text, self.is_word, _clean_cell)
            page.findings = [f for f in page.findings if not (
                f.entity in ("SCHOOL", "GP_PRACTICE") and any(s == f.start and e < f.end for s, e in cells))]
            for f in page.findings:
                if f.entity in ("UK_ADDRESS", "EMAIL_ADDRESS", "SCHOOL", "GP_PRACTICE", "URL"):
                    out[page.key].append((f.start, f.end))
        return out

    def _mentions(self, pages: list[_Page], blocked) -> list[Mention]:
        out: list[Mention] = []
        # A lone proper noun the model did not call a person counts once it recurs in the bundle
        # (first names in notes: "Caspar has...", "Caspar attends...").
        # Running headers and footers are page furniture, not evidence (redaction.furniture).
        running = running_lines((p.doc, p.text) for p in pages)
        singles: dict[str, int] = defaultdict(int)
        kept = kept_name_keys(self.context)  # rule kept-name-line-not-organisation (redaction.org_names)
        for page in pages:
            page.findings = [
                f
                for f in page.findings
                if not (f.entity == "PROPN_SINGLE" and on_running_line(page.text, f.start, running))
            ]
            for f in page.findings:
                if f.entity == "PROPN_SINGLE" and not _inside(f.start, f.end, blocked.get(page.key, ())):
                    singles[page.text[f.start : f.end].lower()] += 1
        for page in pages:
            spans = [(f.start, f.end, f.recognizer) for f in page.findings if f.entity == "PERSON"]
            spans += [
                (f.start, f.end, f.recognizer)
                for f in page.findings
                if f.entity == "PROPN_SINGLE" and singles[page.text[f.start : f.end].lower()] >= 2
            ]
            spans += [(m.start(1), m.end(1), "ProfessionalTitle") for m in _PROF_TITLE_NAME.finditer(page.text)]
            # Rule role-table-row (redaction.party_roles): "<Given> <Surname>" above its role cell.
            spans += [(s, e, "RoleTableRow") for s, e in role_table_rows(page.text, self.is_word, _clean_cell)]
            cells = [(s, e, src) for s0, e0, src in spans for s, e in kept_name_cells(page.text, s0, e0, kept)]
            for start, end, source in cells:
                start, end = whole_hyphenated(page.text, start, end)  # rule hyphenated-name
                if _inside(start, end, blocked.get(page.key, ())):
                    continue
                for m in _split_mention(page, start, end, source):
                    if len(m.tokens) == 1 and self.is_word(m.tokens[0]) and (
                        on_running_line(page.text, m.start, running)
                        or is_label_line(page.text, m.start, m.end, self.is_word)
                        or names_an_identifier(page.text, m.end)
                    ):
                        continue  # a dictionary word in a header, footer or label: furniture
                    if m.title is None and organisation_name(page.text, m.start, m.end):
                        continue  # rule organisation-name-not-person
                    if len(m.tokens) == 1 and m.title is None and (
                        _month_in_date(page.text, m.start, m.end)  # rule month-in-date: "11 Jun 2021"
                        or m.tokens[0].lower() in _TRANSCRIPT_FURNITURE  # rule transcript-furniture
                    ):
                        continue
                    out.append(m)
        out.sort(key=lambda m: (m.doc, m.page, m.start, -m.end))
        return out

    def _scan_names(self, pages: list[_Page], blocked) -> None:
        """Find every written form of every known person on every page (bundle-wide tracking).

        Matching is case-insensitive (ALL CAPS forms count) but every word must start with a capital,
        so "read" the verb is not "Read" the surname. A variant may be split over a line break, may
        carry a title before it ("Mrs <Surname>") and a possessive after it ("<Given>'s").
        """
        by_first: dict[str, list[tuple[tuple[str, ...], Person]]] = defaultdict(list)
        for person in self.people.persons.values():
            for variant in self.people.variants(person) if person.tokens else ():
                low = tuple(name_key(t) for t in variant)
                by_first[low[0]].append((low, person))
        # Longest first so "<Given> <Surname>" wins over "<Given>"; kept persons before third parties on ties.
        for items in by_first.values():
            items.sort(key=lambda x: (-len(x[0]), x[1].kind == THIRD_PARTY, x[1].key))
        # The same order, by the whole variant: only variants whose every word matches the next words can
        # match, so they are looked up by those words (one lookup per variant length), not every variant
        # sharing the first word tried (issue 11: many people share a given name in a large bundle).
        by_words: dict[tuple[str, ...], list[tuple[tuple[str, ...], Person]]] = defaultdict(list)
        lengths: dict[str, list[int]] = {}
        for first, items in by_first.items():
            for low, person in items:
                by_words[low].append((low, person))
            lengths[first] = sorted({len(low) for low, _ in items}, reverse=True)
        titles = ALL_TITLES
        surname_relatives = {
            p.key[-1]: p
            for p in self.people.third_parties()
            if len(p.key) > 1 and p.key[-1] in self.people.subject_tokens
        }
        for page in pages:
            text = page.text
            words = [(m.start(), m.end(), _strip_possessive(text, m.start(), m.end())) for m in _WORD.finditer(text)]
            spans = blocked.get(page.key, ())
            chat = message_lines(text)
            i = 0
            while i < len(words):
                ws, we, wn = words[i]
                lower = text[ws].islower()
                first = name_key(text[ws:wn])
                hit = None
                items = [
                    item
                    for n in lengths.get(first, ())
                    if i + n <= len(words)
                    for item in by_words.get((first, *_keys(text, words[i + 1 : i + n])), ())
                ]
                for low, person in items:
                    k = len(low)
                    if lower and not self._lower_case_form(person, low, on_message_line(chat, ws)):
                        continue
                    seq = words[i : i + k]
                    if not all(
                        name_key(text[s0:n0]) == tok and (text[s0].islower() if lower else text[s0].isupper())
                        for (s0, _e0, n0), tok in zip(seq, low, strict=True)
                    ):
                        continue
                    # Only white space between the words, and no possessive inside the name.
                    if any(text[seq[j][1] : seq[j + 1][0]].strip() or seq[j][2] != seq[j][1] for j in range(k - 1)):
                        continue
                    hit = (seq[-1][2], seq[-1][1], person, k)
                    break
                if hit is None:
                    hit = self._family_plural(text, ws, we, by_first)
                if hit is None:
                    i += 1
                    continue
                end, word_end, person, k = hit
                if (
                    (ws > 0 and (text[ws - 1].isalnum() or text[ws - 1] in "@.-'"))
                    or re.match(r"[\w@\-]|\.\w", text[word_end : word_end + 2])
                    or _inside(ws, end, spans)
                    or _month_in_date(text, ws, end)
                    or ROLE_PHRASE.match(text, ws)
                ):
                    i += k
                    continue
                start, title, initial = _title_before(text, words, i, titles)
                if k == 1 and person.kind == SUBJECT and text[ws:end].lower() in self._subject_surnames():
                    other = self._other_with_subject_surname(page, start, end, title, initial)
                    relative = surname_relatives.get(text[ws:end].lower())
                    if not other and relative is not None and _client_reference(text, ws, self._doc_text(page.doc)):
                        # The whole reference goes, so the surname elsewhere (the subject's) can stay.
                        start = ws - len(re.search(r"\S*$", text[:ws]).group())
                        end = end + len(re.match(r"\S*", text[end:]).group())
                        self.names[page.key].append((start, end, relative))
                        i += k
                        continue
                    if other:
                        person = surname_relatives.get(text[ws:end].lower()) or self._namesake(text[start:end])
                self.names[page.key].append((start, end, person))
                i += k
            self.names[page.key].sort(key=lambda x: (x[0], -x[1]))

    def _doc_text(self, doc: int) -> str:
        """The text of every page of document ``doc``."""
        return "\n".join(p.text for p in self.pages if p.doc == doc)

    def _alias_names(self, pages: list[_Page]) -> None:
        """Short forms a document defines for a third party (rules alias-initials, alias-nickname)."""
        extra = alias_names(
            [(p.key, p.text) for p in pages], self.names, lambda person: person.kind == THIRD_PARTY,
            self.is_word, ALIAS_NON_NAME,
        )
        for key, spans in extra.items():
            self.names[key].extend(spans)
            self.names[key].sort(key=lambda x: (x[0], -x[1]))
        # Rule initials-of-named-person (redaction.cast_initials): letters standing for someone the
        # same document names, without a definition.
        named: dict[int, dict[int, Person]] = defaultdict(dict)
        for p in pages:
            for _s, _e, person in self.names.get(p.key, ()):
                named[p.doc][id(person)] = person
        # Each document's people indexed by their initials once, not once per page (issue 11).
        by_letters = {doc: initials_index(people.values()) for doc, people in named.items()}
        for p in pages:
            taken = [(s, e) for s, e, _p in self.names.get(p.key, ())]
            # Letters are judged by ordinary_capitals, not the lemma table, which lists nearly every pair.
            found = initials_spans_indexed(p.text, by_letters.get(p.doc, {}), taken,
                                           lambda x: x.kind == THIRD_PARTY, ordinary_capitals, ALIAS_NON_NAME)
            if found:
                self.names[p.key].extend(found)
                self.names[p.key].sort(key=lambda x: (x[0], -x[1]))

    def _lower_case_form(self, person: Person, low: tuple[str, ...], message: bool = False) -> bool:
        """May this third-party name be matched in lower case ("went to see <name>")?

        Only when none of its words is ordinary vocabulary, so "read" the verb is never "Read" the
        surname; on a transcribed message line (rule message-line, :mod:`redaction.messages`) a given
        name that is an ordinary word counts too unless it is a function word or a record word,
        because messages are written in lower case and the bundle already knows the word as this
        person's name.
        """
        if person.kind != THIRD_PARTY:
            return False
        if message and low[0] == person.key[0]:
            # Given names and nicknames only: messages call people by them, and a surname that is a
            # word ("Read") is far likelier the word ("did u read it").
            return all(len(t) >= 3 and t not in FUNCTION_WORDS and t not in ALIAS_NON_NAME for t in low)
        return all(len(t) >= 3 and not self.is_word(t) for t in low)

    @staticmethod
    def _family_plural(text: str, ws: int, we: int, by_first) -> tuple[int, int, Person, int] | None:
        """A third party's surname in the plural for their household ("the Rourkes", "at the Rourkes'").

        Only after "the" or before a plural possessive apostrophe, and only for a surname already
        known to be a third party's, so ordinary plurals are untouched.
        """
        word = text[ws:we]
        if not (word[0].isupper() and word.lower().endswith("s") and len(word) > 3):
            return None
        if not (re.search(r"\bthe\s+$", text[max(0, ws - 5) : ws], re.IGNORECASE) or text[we : we + 1] == "'"):
            return None
        for low, person in by_first.get(word[:-1].lower(), ()):
            if len(low) == 1 and person.kind == THIRD_PARTY:
                return (we + (text[we : we + 1] == "'"), we, person, 1)
        return None

    def _subject_surnames(self) -> set[str]:
        if self._surnames is None:
            self._surnames = set()
            for name in self.context.subject.names:
                toks = [t.lower() for t in name_tokens(name)]
                if len(toks) > 1:
                    self._surnames.add(toks[-1])
        return self._surnames

    def _subject_initials(self) -> set[str]:
        return {name_tokens(n)[0][0].upper() for n in self.context.subject.names if name_tokens(n)}

    def _other_with_subject_surname(self, page: _Page, start: int, end: int, title, initial) -> str | None:
        """Why ``title? initial? Surname`` (the subject's surname) names someone else, or ``None``.

        A redactor reads "Mr S. <Surname>" as not <Subject> <Surname> when the initial is not hers,
        when the title is an adult's and she is a child on the document's date ("Dear Mr
        <Surname>"), or when a relationship word sits next to the name ("her father, Mr
        <Surname>"). A title and surname shown to be someone else once are someone else throughout
        the bundle.
        """
        if title is None and initial is None:
            return None
        if initial is not None and initial.upper() not in self._subject_initials():
            return "initial"
        text = page.text
        key = (title, text[start:end].split()[-1].lower()) if title else None
        if key is not None and key in self._namesake_titles():
            return "named as someone else elsewhere"
        child = self._subject_is_child(page.doc)
        if title in ADULT_ONLY_TITLES and child:
            return "adult title"
        if _relationship_next_to(text, start, end, child, self._subject_first_names()):
            return "relationship"
        return None

    def _subject_first_names(self) -> set[str]:
        return {name_tokens(n)[0].lower() for n in self.context.subject.names if name_tokens(n)}

    def _subject_is_child(self, doc: int) -> bool:
        """The subject is under 18 on the document's date (its latest date; today if it has none)."""
        dob = _parse_date(self.context.subject.dob or "")
        if dob is None:
            return False
        if doc not in self._doc_dates:
            dates = [
                d
                for p in self.pages
                if p.doc == doc
                for m in re.finditer(DATE, p.text)
                if (d := _parse_date(m.group())) is not None and dob < d <= _date.today()
            ]
            self._doc_dates[doc] = max(dates, default=_date.today())
        on = self._doc_dates[doc]
        return (on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))) < 18

    def _namesake_titles(self) -> set[tuple[str, str]]:
        """``(title, surname)`` pairs next to a relationship word anywhere in the bundle."""
        if self._namesakes is None:
            self._namesakes = set()
            surnames = self._subject_surnames()
            child_docs = {p.doc for p in self.pages if self._subject_is_child(p.doc)}
            for page in self.pages:
                for m in _TITLE_SURNAME.finditer(page.text):
                    surname = m.group(2).lower()
                    if surname in surnames and _relationship_next_to(
                        page.text, m.start(), m.end(), page.doc in child_docs, self._subject_first_names()
                    ):
                        self._namesakes.add((m.group(1).lower().rstrip("."), surname))
        return self._namesakes

    def _namesake(self, written: str) -> Person:
        """A third party who shares the subject's surname and is known only as ``written``."""
        key = " ".join(written.split()).lower()
        if key not in self._namesake_people:
            person = Person(tokens=tuple(written.split()))
            person.evidence.append("title, initial or relationship shows this is not the subject")
            self._namesake_people[key] = person
        return self._namesake_people[key]

    def _short_and_coordinated_names(self, pages: list[_Page], blocked) -> None:
        """Names the detectors missed that a redactor still reads as a known third party's.

        * A short form of a third party's first name: the start of the first name (3+ letters),
          or such a start plus a pet-name ending (-ie, -y, -i, -ee).
        * A capitalised word joined by "and"/"&" to a third party's name ("living with <Given> and
          <Given>"): another person of the same household.

        Only capitalised words that do not start a sentence or a line, are not ordinary record words
        and are not part of the subject's or a professional's name; a short form must fit one third
        party only, and no kept person's first name.
        """
        kept = self.people.protected_tokens()
        kept_first = {p.key[0] for p in self.people.kept() if len(p.key) > 1} | self._subject_first_names()
        firsts: dict[str, list[Person]] = defaultdict(list)
        for person in self.people.third_parties():
            if len(person.key) > 1 and len(person.key[0]) >= 4 and person.key[0] not in kept:
                firsts[person.key[0]].append(person)

        def short_form(word: str) -> Person | None:
            # Rule short-form (redaction.diminutives): a prefix or a listed pet name of one third
            # party's given name, and of no kept person's.
            if any(is_short_form(word, f) for f in kept_first):
                return None
            found = {id(p): p for f, ps in firsts.items() if is_short_form(word, f) for p in ps}
            return next(iter(found.values())) if len(found) == 1 else None

        for page in pages:
            text = page.text
            names = self.names.get(page.key, [])
            taken = [(s, e) for s, e, _p in names] + list(blocked.get(page.key, ()))
            added = []
            chat = message_lines(text)
            # On a message line short forms are written in lower case or capitals too (rule message-line).
            for m in re.finditer(r"(?<![\w@.'\-])(?:[a-z]{2,}|[A-Z]{2,})(?![\w@'\-])", text):
                s, e = m.start(), m.end()
                low = m.group().lower()
                if (not on_message_line(chat, s) or low in kept or low in NON_NAME or low in FUNCTION_WORDS
                        or _inside(s, e, taken) or (low not in listed() and self.is_word(low))):
                    continue
                person = short_form(low)
                if person is not None:
                    added.append((s, e, person))
                    taken.append((s, e))
            for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
                s, e = m.start(), m.end()
                word = m.group()
                low = word.lower()
                if len(low) < 3 and low not in listed():
                    continue
                if low in kept or low in NON_NAME or _inside(s, e, taken):
                    continue
                before = text[:s].rstrip(" \t")
                if not before or before[-1] in ".!?:\n\"'-(|" or re.match(r"[\w'\-]|[ \t]*\d", text[e : e + 2]):
                    continue  # starts a sentence, line or cell; or part of a longer word or a date
                person = short_form(word)
                if person is None:
                    near = [
                        p
                        for a, b, p in names
                        if p.kind == THIRD_PARTY
                        and (
                            re.fullmatch(r"[ \t]+(?:and|&)[ \t]+", text[e:a])
                            or re.fullmatch(r"[ \t]+(?:and|&)[ \t]+", text[b:s])
                        )
                    ]
                    if not near or re.match(r"[ \t]+[A-Z]", text[e:]):
                        continue
                    person = self.people._person((word,))
                    if person.kind != THIRD_PARTY:
                        continue
                added.append((s, e, person))
            if added:
                names.extend(added)
                names.sort(key=lambda x: (x[0], -x[1]))
                self.names[page.key] = names

    def _vocatives(self, pages: list[_Page]) -> None:
        """A lone first name addressing the reader of a letter to a third party is that third party.

        In a letter opening "Dear Mr <Surname>," whose addressee is a third party, a proper noun that
        starts a sentence and is followed by a comma and "you"/"your"/"please" ("<Given>, please do
        not ...") names the addressee. It must not be a kept person's name, and when the recipient
        block gives an initial ("Mr S. <Surname>") it must start with that initial.
        """
        kept = self.people.protected_tokens()
        for page in pages:
            text = page.text
            salute = _SALUTATION.search(text)
            if salute is None:
                continue
            named = [n for n in self.names.get(page.key, ()) if n[0] <= salute.start(2) < n[1]]
            if not named or named[0][2].kind != THIRD_PARTY:
                continue
            addressee = named[0][2]
            title, surname = salute.group(1), salute.group(2)
            initial = re.search(r"\b" + title + r"\.?\s+([A-Z])\.?\s+" + re.escape(surname) + r"\b", text)
            taken = [(s, e) for s, e, _p in self.names.get(page.key, ())]
            for f in page.findings:
                if f.entity != "PROPN_SINGLE" or f.start < salute.end() or _inside(f.start, f.end, taken):
                    continue
                word = text[f.start : f.end]
                if word.lower() in kept or (initial and word[0] != initial.group(1)):
                    continue
                sent = next(((a, b) for a, b in page.sentences if a <= f.start < b), (f.start, len(text)))
                if text[sent[0] : f.start].strip() or not _VOCATIVE_AFTER.match(text[f.end : sent[1]]):
                    continue
                self.names[page.key].append((f.start, f.end, addressee))
            self.names[page.key].sort(key=lambda x: (x[0], -x[1]))


def _keys(text: str, words) -> tuple[str, ...]:
    """``name_key`` of each ``(start, end, name_end)`` word of ``text`` (``_scan_names``)."""
    return tuple(name_key(text[s:n]) for s, _e, n in words)
