"""Request triage: split an incoming request into parts and route each part to its access regime.

Implements rulebook §2 (T-0..T-7) and the third-party routes of §1.4. The module is pure (stdlib only): it
reads the words of the request and an optional requester type and never touches the database.

Contract:
- :func:`triage` returns a :class:`TriageResult` with at least one :class:`TriagePart`. Each part has one
  regime from :data:`REGIMES`, the reasons that put it there (every reason names the rule and quotes the
  words that triggered it), the excerpt of the request it covers and the checks a caseworker must make
  before the clock is trusted (identity, authority, parental responsibility, ...).
- Parts follow the order of the text; adjacent clauses of the same regime are merged into one part.
- Repeat or vexatious cues add the ``flag_vexatious_review`` check to every part and never change a regime
  (T-7: flag for human decision, never auto-refuse).
- The result is advice for a human triager, not a decision: the rules are keyword and pattern cues, chosen
  for breadth, so unusual phrasings can be misrouted and the caseworker can override any part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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

_RIGHTS = ("rectification", "erasure", "restriction", "objection", "portability")


@dataclass(frozen=True)
class TriagePart:
    """One part of a request: a regime, why, the text it covers and the checks it needs."""

    regime: str
    reasons: tuple[str, ...]
    excerpt: str
    checks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.regime not in REGIMES:
            raise ValueError(f"unknown regime {self.regime!r}; expected one of {', '.join(REGIMES)}")
        unknown = [c for c in self.checks if c not in CHECKS]
        if unknown:
            raise ValueError(f"unknown check(s) {unknown}; expected some of {', '.join(CHECKS)}")

    def to_dict(self) -> dict:
        """JSON-ready form: ``{"regime", "reasons": [...], "excerpt", "checks": [...]}``."""
        return {
            "regime": self.regime,
            "reasons": list(self.reasons),
            "excerpt": self.excerpt,
            "checks": list(self.checks),
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


# --------------------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------------------

# Requesters write "FOI", "freedom of info", "the EIRs" and text-speak; fold these so one pattern serves all.
_REWRITES: tuple[tuple[str, str], ...] = (
    (r"[\u2018\u2019\u02bc`]", "'"),
    (r"[\u201c\u201d]", '"'),
    (r"[\u2013\u2014]", " - "),
    (r"\bfreedom\s+of\s+info(?:rmation|rmaiton|mation)?(?:\s+act)?(?:\s+2000)?", " foia "),
    (r"\bf\.?o\.?i\.?a?\b", " foia "),
    (r"\benvironmental\s+information\s+regulations?(?:\s+2004)?", " eir "),
    (r"\beirs?\b", " eir "),
    (r"\bdata\s+protection\s+act(?:\s+2018)?", " dpa "),
    (r"\bu\.?k\.?\s*gdpr\b", " gdpr "),
    (r"\bi'm\b|\bim\b", "i am"),
    (r"\bi've\b|\bive\b", "i have"),
    (r"\bi'd\b|\bid\s+(?=like|love|want|be)", "i would "),
    (r"\bwanna\b", "want to"),
    (r"\bgonna\b", "going to"),
    (r"\b(?:pls|plz|plse|pleas|pleae)\b", "please"),
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"\binfo\b", "information"),
    (r"\brecs\b", "records"),
    (r"\bdocs\b", "documents"),
    (r"\bdob\b|\bd\.o\.b\.?", " dob "),
    (r"\bdont\b", "don't"),
    (r"\bdoesnt\b", "doesn't"),
    (r"\bwont\b", "won't"),
    (r"\bcant\b", "can't"),
    (r"\bdidnt\b", "didn't"),
    (r"\bisnt\b", "isn't"),
    (r"\bmum's\b", "mum's"),
    (r"\s+", " "),
)
_REWRITES_RE = tuple((re.compile(p, re.I), r) for p, r in _REWRITES)

# Cue words typed with one slip still count ("recrods", "polciy"); real words that sit one edit away from
# a cue word ("police" ~ "policy", "floor" ~ "flood") are protected so they keep their own meaning.
_FUZZY_TARGETS = (
    "records", "information", "personal", "policy", "policies", "statistics", "asbestos", "pollution",
    "environmental", "contaminated", "contamination", "flooding", "emissions", "daughter", "children",
    "solicitor", "solicitors", "delete", "correct", "incorrect", "inaccurate", "rectify", "rectification",
    "erasure", "restrict", "restriction", "objection", "portability", "machine", "readable", "review",
    "safeguarding", "guardian", "adopted", "adoption", "deceased", "subject", "access", "budget",
    "spending", "contracts", "quality", "planning", "traffic", "journalist", "internal", "reconsider",
    "parental", "responsibility", "granddaughter", "grandson", "social", "services", "assessments",
    "correspondence", "documents", "procedure", "procedures", "expenditure", "number", "complaints",
    "request", "please", "noise", "file", "files", "copy", "erase", "survey",
)
_PROTECTED = frozenset(
    {"police", "floor", "flies", "person", "records", "record", "numbers", "copies", "filed", "fire",
     "fine", "five", "noisy", "noises", "nose", "reviews", "reviewed", "social", "accessed", "deleted",
     "corrected", "requested", "requests", "pleased", "subjects", "number", "please", "coffee", "fill",
     "fills", "film", "while", "mile", "mine", "wife", "life", "copying", "coping", "polices", "policed",
     "erased", "surveys", "journal", "guard", "parent", "parents", "planting", "planing", "delate",
     "playing", "players", "complaint", "contract", "procedure", "document", "budgets", "survey", "plaining",
     "correspond", "reviewer", "subjected", "requester", "daughters", "sending", "adapted", "adaption",
     "decreased", "diseased", "contacts", "interval", "films", "fines", "flooring", "mending", "lending",
     "tending", "sanding", "bending"}
)


def _osa(a: str, b: str) -> int:
    """Optimal-string-alignment edit distance (Damerau-Levenshtein without repeated edits)."""
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=4096)
def _fix_word(word: str) -> str:
    if len(word) < 5 or word in _PROTECTED or word in _FUZZY_TARGETS:
        return word
    for target in _FUZZY_TARGETS:
        if target[0] != word[0] or abs(len(target) - len(word)) > 1:
            continue
        if _osa(word, target) <= (1 if len(target) < 10 else 2):
            return target
    return word


def _norm(text: str) -> str:
    """Lower-case matching form of ``text``: folded synonyms, contractions and one-slip typos."""
    s = " " + text.lower() + " "
    for pattern, repl in _REWRITES_RE:
        s = pattern.sub(repl, s)
    s = re.sub(r"[a-z]+", lambda m: _fix_word(m.group(0)), s)
    return " " + s.strip() + " "


# --------------------------------------------------------------------------------------------------------
# Lexicons (broad on purpose: held-out requests use words our examples never did)
# --------------------------------------------------------------------------------------------------------

_NOUN = (
    r"(?:files?|records?|data|information|notes|case ?notes|documents?|documentation|paperwork|reports?|"
    r"assessments?|correspondence|e-?mails?|letters?|minutes|chronology|history|casefiles?|case files?|"
    r"case records?|logs?|photos?|photographs|recordings?|copies|details held|everything|anything|"
    r"material|entries|entry|papers|reviews?|plans?|stuff|footage|cctv|videos?|audio|referrals?|conferences?)"
)
_MOD = r"(?:[\w'-]+\s+){0,4}?"
_CHILD = (
    r"(?:son|sons|daughter|daughters|child|children|childrens|kids?|boy|boys|girl|girls|baby|babies|toddler|"
    r"step-?sons?|step-?daughters?|step-?child(?:ren)?|grandsons?|granddaughters?|grand-?child(?:ren)?|"
    r"grandkids?|twins|little one|youngest|eldest|oldest|foster (?:child|son|daughter)|lad|lass)"
)
_REL = (
    r"(?:brother|brothers|sister|sisters|siblings?|half-?(?:brother|sister)|mother|father|mum|mom|mam|dad|"
    r"parents?|husband|wife|partner|ex|ex-partner|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|"
    r"boyfriend|girlfriend|neighbou?rs?|friends?|cousins?|aunt|auntie|aunty|uncle|nephew|niece|"
    r"grandmother|grandfather|grandma|grandad|granddad|grandpa|nan|nana|nanna|gran|granny|grandparents?|"
    r"step-?mother|step-?father|step-?mum|step-?dad|tenant|landlord|colleague|flatmate|lodger|relative)"
)
# Words between "my" and the records noun; never another person ("my late grandmother's records").
_OWN_MOD = (
    r"(?:(?:children'?s services?|(?!(?:late|deceased|ex|former|client|requests?|foia|eir|complaints?|"
    r"enquiry|"
    r"appeal|application|question|letter|email)\b)(?![\w-]+(?:'s|s')(?:\s|$))"
    r"[\w'-]+)\s+){0,4}?"
)
_HOLD = (
    r"(?:hold|holds|held|have|has|had|keep|keeps|kept|store|stored|recorded|record|wrote|written|know|got)"
)
_ABOUT = (
    r"(?:about|on|of|concerning|regarding|re|relating to|related to|in relation to|in respect of|"
    r"mentioning|referring to|naming|that (?:mentions?|names?|refers? to|relates? to|concerns?)|"
    r"which (?:mentions?|names?|refers? to|relates? to|concerns?)|to do with|for)"
)

# Negation immediately governing a cue: "not my own data", "I am not asking for my file", "rather than".
_NEG_TAIL = re.compile(
    r"(?:\bnot|n't|\bno|\bnever|\bneither|\bnor|\brather than|\binstead of|\bother than|\bexcluding|"
    r"\bexcept|\bnothing to do with|\bwithout)\s+(?:(?:asking|requesting|looking|seeking|after|interested|"
    r"wanting|want|need|needing|requiring|mean|meaning|including|include|making|submitting|a|an|the|for|in|"
    r"about|any|to|of|request|requests|this|is|it|at|me|my|own|personal|see|get|have|access|concerned|with|"
    r"related|relating|on|copies|copy|a copy|you|your|information|data|concerning|regarding)\s+){0,6}$"
)


def _negated(s: str, start: int) -> bool:
    window = s[max(0, start - 60):start]
    # A new clause after the negation ("..., but I do want my file") ends its reach.
    window = re.split(r"\bbut\b|\bhowever\b|\bthough\b|[,;:.]", window)[-1]
    return bool(_NEG_TAIL.search(window))


def _find(patterns: tuple[re.Pattern, ...], s: str, *, negatable: bool = True) -> str | None:
    """The words of the first non-negated match of any pattern in ``s``, or ``None``."""
    for pattern in patterns:
        for m in pattern.finditer(s):
            if negatable and _negated(s, m.start()):
                continue
            return m.group(0).strip(" ,.")
    return None


def _rx(*patterns: str, flags: int = re.I) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, flags) for p in patterns)


# T-1: the requester's own personal data.
_OWN = _rx(
    rf"\b(?:my|our|mine)\s+(?!(?:{_CHILD}|{_REL}|client)(?:'s|s'|s)?\b){_OWN_MOD}{_NOUN}\b",
    rf"\b(?:{_NOUN}|{_HOLD})\b[^.;?!]{{0,70}}?\b{_ABOUT}\s+(?:me|myself|us)\b",
    r"\bpersonal (?:data|information|details)\b[^.;]{0,30}\b(?:about|on|of) me\b",
    r"\bmy (?:own )?personal (?:data|information|details)\b",
    rf"\b{_NOUN}\s+(?:of|from|at|during|with)\s+my\s+"
    rf"(?!(?:(?:late|deceased|dead)\s+)?(?:{_CHILD}|{_REL}|client)(?:'s|s'|s)?\b)"
    r"(?!(?:previous |earlier |original |last )?(?:foia|eir|requests?|complaints?|appeal|application|enquiry|"
    r"question|letter|e-?mail)\b)",
    rf"\b{_NOUN}\b[^.;?!]{{0,60}}?\b(?:my|our) (?:house|home|flat|address|property|visits?|meetings?|"
    r"interviews?|appointments?|phone calls?|calls?|conversations?|complaints?|referrals?|allegations?|"
    r"involvement|contact with|dealings|time|life|upbringing|childhood|placements?|stay|experience)\b",
    r"\b(?:mentions?|mentioning|containing|contains|with|under|in) my name\b|\bmy name (?:appears"
    r"|is mentioned)\b",
    rf"\b(?:{_NOUN}|{_HOLD})\b[^.;]{{0,50}}?\b{_ABOUT}\s+(?:my|our) (?:family|case|childhood|care"
    rf"|adoption)\b",
    rf"\b{_NOUN}\b[^.;]{{0,60}}?\b(?:when|while|whilst|from when|during the time|since) (?:i"
    rf"|we) (?:was|were)\b",
    rf"\b{_NOUN}\b[^.;]{{0,40}}?\b(?:of|from|during|covering|about) my (?:time|childhood|years"
    rf"|placements?|stay)\b",
    r"\b(?:why|how|when|where) (?:i|we) (?:was|were|got) (?:taken|placed|removed|put|adopted|fostered|"
    r"looked after|in care|moved|sent)\b",
    r"\bwhat (?:you|the council|social services|they|your department|children's services) "
    rf"(?:{_HOLD}|say|said|wrote|have written)\b[^.;]{{0,20}}?\b(?:about|on) me\b",
    r"\b(?:have|has) (?:you|the council|social services) got (?:a file|anything|records?) on me\b",
    r"\bwhat (?:was|has been|they|you|social services|the social worker)\s+(?:\w+\s+){0,2}?"
    r"(?:recorded|written|"
    r"noted|wrote|said|logged)\b[^.;]{0,40}\b(?:me|my|i)\b",
)
# Strong, explicit naming of the right of access.
_SAR_EXPLICIT = _rx(
    r"\b(?:data )?subject access\b",
    r"\bd?sar\b",
    r"\bright of access\b",
    r"\bart(?:icle)?\.? ?15\b",
    r"\baccess to (?:my )?(?:own )?(?:personal )?(?:records|files?|data)\b",
)
_FOI_ABOUT_SARS = _rx(
    r"\b(?:polic(?:y|ies)|procedures?|process(?:es)?|guidance|how many|number of|statistics|figures|"
    r"performance|compliance|handl(?:e|ing)|backlog|timeliness|training)\b[^.;]{0,40}\b(?:subject access|"
    r"d?sars?)\b",
    r"\b(?:subject access|d?sar) requests (?:did|were|have|has|received|made|answered|completed|late|"
    r"on time|in)\b",
)
# Third-person own data ("caller wants her records"); resolved against the requester context.
_THIRD_POSS = _rx(
    rf"\b(?:his|her|their)\s+(?!(?:{_CHILD}|{_REL}|client)(?:'s|s'|s)?\b)(?:own\s+)?{_OWN_MOD}{_NOUN}\b",

    rf"\b(?:{_NOUN}|{_HOLD})\b[^.;]{{0,60}}?\b{_ABOUT}\s+(?:him|her|them|himself|herself|themselves)\b",
    rf"\b(?:the )?(?:child|young person|pupil|service user|data subject|subject)'s\s+{_MOD}{_NOUN}\b",
)
# T-4: a parent (or carer) asking for their child's records.
_CHILD_DATA = _rx(
    rf"\b(?:my|our|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?{_CHILD}(?:'s|s'|\s+[a-z]+'s)?\s+{_MOD}{_NOUN}\b",
    rf"\b(?:{_NOUN}|{_HOLD})\b[^.;?!]{{0,70}}?\b{_ABOUT}\s+(?:both |all )?(?:of )?(?:my|our)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?{_CHILD}\b",
)
# Records about "the children" / "the mother": whose depends on who asks (a solicitor, a parent, a stranger).
_THIRD_GROUP = _rx(
    rf"\b{_NOUN}\b[^.;]{{0,60}}?\b{_ABOUT}\s+(?:the|these|both|all|those)\s+(?:\w+\s+)?(?:{_CHILD}|family|"
    r"mother|father|parents?|young (?:person|people)|siblings)\b(?!'s|s')",
)
_CHILD_LOOSE = _rx(
    rf"\b{_NOUN}\b[^.;?!]{{0,80}}?\b(?:my|our)\s+(?:[\w-]+\s+){{0,2}}?{_CHILD}\b",
    rf"\b(?:my|our)\s+(?:[\w-]+\s+){{0,2}}?{_CHILD}\b[^.;?!]{{0,60}}?\b{_NOUN}\b",
)
# T-1 s.40(2): someone else's records, asked for by a relative, neighbour or stranger.
_REL_DATA = _rx(
    rf"\b(?:my|our)\s+(?:late\s+|ex[- ]|former\s+|estranged\s+|deceased\s+|elderly\s+|older\s+|younger\s+|"
    rf"little\s+|big\s+)?{_REL}(?:'s|s'|s)?\s+{_MOD}{_NOUN}\b",
    rf"\b(?:{_NOUN}|{_HOLD})\b[^.;?!]{{0,70}}?\b{_ABOUT}\s+(?:my|our)\s+(?:late\s+|ex[- ]|former\s+|"
    rf"estranged\s+|deceased\s+|elderly\s+)?{_REL}\b",
)
_CLIENT_DATA = _rx(
    rf"\b(?:our|my) client(?:'s|s'|s)?\b[^.;]{{0,40}}?\b{_NOUN}\b",
    rf"\b{_NOUN}\b[^.;]{{0,60}}?\b{_ABOUT}\s+(?:our|my) clients?\b",
    rf"\b{_NOUN}\b[^.;]{{0,60}}?\bon (?:his|her|their) behalf\b",
    rf"\bon behalf of\b[^.;]{{0,60}}?\b{_NOUN}\b",
)
# Named or described third parties (original case for names: "records about Jane Smith", "Baby P").
_NAMED = _rx(
    rf"\b{_NOUN}\b[^.;]{{0,40}}?\b{_ABOUT}\s+(?:(?:[Mm]r|[Mm]rs|[Mm]s|[Mm]iss|[Mm]aster|[Dd]r)\.?\s+)?"
    r"[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)+",
    r"\b(?:[Bb]aby|[Cc]hild|[Ii]nfant) [A-Z]\b",
    flags=0,
)
# Capitalised words that end a place or organisation name, not a person's.
_PLACE = re.compile(
    r"\b(?:Lane|Road|Rd|Street|St|Avenue|Ave|Close|Drive|Way|House|Home|Homes|Lodge|School|Primary|Academy|"
    r"Centre|Center|Court|Park|Hall|Council|Team|Hospital|Unit|Estate|Green|Grove|Place|Crescent|Terrace|"
    r"Gardens|Farm|Manor|College|Nursery|Police|Services?|Trust|Partnership|Board|Panel|Department|Act|"
    r"Regulations|Borough|County|City|Town|Village|Ward|Hub|Office|Square|Row|Hill|Rise|Mews|View|Children|"
    r"Authority|Government|Ofsted|Cafcass|Service|Agency|Company|Organisation|Charity|Council)\b"
)
_THIRD_PARTY_DESC = _rx(
    r"\bthe (?:case|death|killing|murder|abuse|neglect) of\b",
    r"\bthe (?:[\w-]+ )?family (?:at|next door|across|opposite|living|who live|down the road|on my street)\b",
    r"\bnext door\b",
    r"\bneighbou?rs?\b",
    r"\ba (?:boy|girl|child|teenager|young person|toddler|baby) (?:who|that|at|in|from|called|named|known)\b",
    r"\bthe (?:child|boy|girl|baby|toddler) (?:called|named|known as|who died|who was)\b",
    r"\b(?:serious case review|child safeguarding practice review|safeguarding review)s? (?:into|of|about)\b",
)
_DECEASED = _rx(
    r"\b(?:my|our|his|her|their|the) late\b",
    r"\b(?:deceased|died|dead|passed away|passed on|has passed|since passed|who passed|no longer with us|"
    r"killed|rip|death of (?:my|our|his|her|their))\b",
    r"'s (?:death|funeral|passing)\b",
)
_DECEASED_REL = re.compile(
    rf"\b(?:late\s+(?:[\w-]+\s+){{0,2}}?({_REL}|{_CHILD})\b|(?:death|loss) of (?:my|our|his|her|their) "
    rf"(?:[\w-]+\s+){{0,2}}?({_REL}|{_CHILD})\b|({_REL}|{_CHILD})(?:\s*,)?\s+(?:[\w]+\s+){{0,3}}?"
    r"(?:died|passed away|passed on|is deceased|was killed|is dead|has passed|deceased)\b|"
    rf"({_REL}|{_CHILD})\s*\(deceased\)|(?:deceased|dead)\s+({_REL}|{_CHILD})\b|"
    rf"({_REL}|{_CHILD})'s (?:death|funeral|passing|inquest)\b)",
    re.I,
)

# T-2: environmental information, EIR reg 2(1).
_ENV = _rx(
    r"\bair (?:quality|pollution|monitoring|quality monitoring)\b|\bpollut(?:ion|ants?|ed|ing)\b",
    r"\bemissions?\b|\bcarbon\b|\bco2\b|\bnitrogen dioxide\b|\bno2\b|\bparticulates?\b|\bpm ?(?:2\.5|10)\b",
    r"\bnoise\b|\bnoisy\b|\bdecibels?\b|\bvibration\b|\bodou?rs?\b|\bsmells?\b|\bfumes?\b",
    r"\bcontaminat(?:ed|ion)\b|\basbestos\b|\bradon\b|\blegionella\b|\blead (?:paint|pipes?)\b"
    r"|\bpesticides?\b",
    r"\bherbicides?\b|\bglyphosate\b|\bweed ?killer\b",
    r"\bfloods?\b|\bflooding\b|\bflood risk\b|\bdrainage\b|\bsewage\b|\bsewers?\b"
    r"|\bwater (?:quality|supply|testing)\b",
    r"\bdrinking water\b|\brivers?\b",
    r"\bwaste\b(?! of)|\brecycling\b|\blandfill\b|\bfly-?tipping\b|\blitter\b|\bbins? collections?\b",
    r"\bplanning (?:application|applications|permission|consent|committee|officers?|department|decision|"
    r"enforcement|policy|history|records?|file|documents?|approval|appeal)\b|\blocal plan\b"
    r"|\bchange of use\b",
    r"\bbuild(?:ing)? (?:a |the )?new\b|\bplans? to (?:build|extend|demolish|convert)\b|"
    r"\b(?:building|construction|refurbishment|renovation) (?:project|programme|scheme)\b|\brefurbishment\b|"
    r"\bbuilding (?:regulations|control|works?)\b|\bdemolition\b|\bdemolish\w*\b"
    r"|\bconstruction (?:of|works?)\b",
    r"\b(?:condition|building|structural|stock condition|site|ecology|ecological|bat|tree) surveys?\b",
    r"\benvironment(?:al)?\s+(?:impact|health|assessment|survey|polic(?:y|ies)|data|information|report|"
    r"agency|officer|protection|permit)\b|\b(?:the|our|local) environment\b(?! for)|\benvironmental\b",
    r"\benergy\b|\belectricity\b|\bgas (?:usage|consumption|bills?|supply)\b|\bsolar\b|\bheat pumps?\b",
    r"\binsulation\b|\bepcs?\b|\bheating\b|\bnet zero\b|\bclimate\b|\bgreenhouse\b|\bfossil\b",
    r"\btraffic\b|\broad (?:safety )?(?:scheme|closure|layout|works)\b|\bschool streets?\b|\blow traffic\b",
    r"\bclean air\b|\bidling\b|\bspeed (?:limits?|bumps?|humps?|cameras?)\b|\bcycle lanes?\b|\b20 ?mph\b",
    r"\bdamp\b|\bmou?ld\b|\bmast\b|\bradiation\b|\bbiodiversity\b|\bwildlife\b|\becology\b"
    r"|\btree (?:preservation|"
    r"felling|survey|planting)\b|\btrees? (?:cut|felled|removed|planted|were|was)\b|\bfelling\b",
    r"\bsmoke\b(?! alarms?| detectors?)|\bbonfires?\b|\bburning (?:waste|rubbish)\b|\bfouling\b|\bvermin\b|"
    r"\brats\b|\bpest control\b|\bknotweed\b|\binvasive species\b",
    r"\bland (?:next to|at|behind|adjacent|near|off|on|beside)\b|\bderelict\b|\bbrownfield\b|"
    r"\bvacant (?:land|site|plot)\b|\bplaygrounds?\b|\bresurfac\w*\b",
    r"\blead (?:testing|levels?|contamination)\b",
    r"\bgrounds maintenance\b",
    r"\bgreen (?:space|spaces|belt)\b|\bplaying fields?\b|\ballotments?\b|\bcontaminated land\b|\bsoil\b",
    r"\b(?:sale|disposal|use) of (?:council |the )?land\b|\blight pollution\b|\bair conditioning\b",
)
# T-3: general information the council holds (aggregate, policy, money, organisation).
_FOI = _rx(
    r"\bpolic(?:y|ies)\b|\bprocedures?\b|\bprotocols?\b|\bguidance\b|\bstrateg(?:y|ies)\b|\bframework\b",
    r"\bhow many\b|\bhow much\b|\bnumbers? of\b|\bstatistics?\b|\bstats\b|\bfigures?\b|\bbreakdown\b",
    r"\btotal\b|\bpercentage\b|\bproportion\b|\baverage\b|\bper (?:year|annum|month)\b|\beach of the\b",
    r"\bbudgets?\b|\bspend\b|\bspent\b|\bspending\b|\bexpenditure\b|\bcosts?\b|\bpaid\b|\bpayments? to\b",
    r"\binvoices?\b|\bcontracts?\b|\bprocurement\b|\btenders?\b|\bsuppliers?\b|\bcommission(?:ed|ing)\b",
    r"\bsalar(?:y|ies)\b|\bpay (?:scales?|bands?|grades?)\b|\bstaffing\b|\bvacanc(?:y|ies)\b|\bcaseloads?\b",
    r"\bagency (?:staff|workers?|social workers?)\b|\bturnover\b|\borgani[sz]ation(?:al)? (?:chart"
    r"|structure)\b",
    r"\bstructure chart\b|\bminutes of (?:the )?(?:last )?(?:\w+ )?(?:board|committee|panel|cabinet|council|"
    r"meeting of the)\b|\bcorporate parenting\b|\bcabinet\b|\bcommittee\b|\brisk register\b|\baudits?\b",
    r"\bperformance\b|\btargets\b|\bkpis?\b|\bofsted (?:report|inspection|rating|judgement)s?\b",
    r"\baction plans?\b|\bbusiness case\b|\bconsultations?\b|\btraining (?:materials?|courses?|records of)\b",
    r"\b(?:the|your) council's\b|\byour (?:department|directorate|authority|organisation|service)'s\b",
    r"\bthe (?:local )?authority's\b|\bthe department'?s\b|\bchildren in care\b|\blooked[- ]after children\b",
    r"\bplacements?\b|\bout of (?:area|borough)\b|\bchildren's homes\b|\bfoster carers\b"
    r"|\bwaiting (?:list|times?)\b",
    r"\bcomplaints (?:received|made to|about the|figures|data)\b|\bdata (?:on"
    r"|about) (?:the )?(?:number|children|"
    r"families|referrals|complaints|placements|staff)\b|\breferrals\b|\bcases (?:were|have been|did)\b",
    r"\bin (?:each of )?the (?:last|past) (?:\w+ )?(?:years?|months?)\b|\bfinancial years?\b",
    r"\bannual (?:report|budget|spend|accounts)\b",
    r"\ballowances?\b|\brates\b|\bfees\b|\btariffs?\b",
    r"\bcorrespondence between (?:the council|your|the department|the director|officers)\b",
    r"\bemails? between (?:the council|your|the department|the director|officers|senior)\b",
    r"\bhandbooks?\b|\bmanuals?\b|\bleaflets?\b|\bbooklets?\b|\btemplates?\b|\bplans? to close\b|"
    r"\bproposals? to\b|\bhandling of\b|\bdecision to (?:close|open|cut|reduce|outsource|commission)\b",
    r"\bclosure of\b",
    r"\bdirector of children's services\b|\bhead of service\b|\bsenior management\b"
    r"|\bdepartment for education\b",
    r"\bwho (?:is|are) (?:the|your)\b|\bdo you (?:have|use|employ|pay|outsource|commission) (?:a|an|any)\b",
    r"\bretention schedule\b|\bprivacy notice\b|\bpublication scheme\b|\bequality impact\b|\bsection 17\b",
)
# Weak FOI: a question about the council with no other cue ("Who runs the fostering team?").
_FOI_WEAK = _rx(
    r"\b(?:council|authority|department|directorate|service|services|team|panel|board|staff|officers?|"
    r"director|managers?|government|dfe|provider|providers|home|homes|school|schools|contractors?|"
    r"councillors?|members)\b",
)
_PERSONAL_REF = re.compile(
    rf"\b(?:me|my|myself|i was|i am|his|her|him|their|them|our|us|{_CHILD})\b", re.I
)

# Data-protection rights other than access (UK GDPR Arts 16-21), rulebook §1.3 G-8.
_INACCURATE = _rx(
    r"\b(?:wrong|incorrect|inaccura(?:te|cy|cies)|errors?|mistakes?|mistaken|untrue|not true|false"
    r"|lies|lying|"
    r"misleading|factually|out of date|outdated|misspelt|misspelled|spelt wrong|spelled wrong|disagree|"
    r"dispute|disputed|do not accept|don't accept|"
    r"not accurate|isn't accurate|is not accurate|not correct|isn't right|not right)\b",
)
_RECTIFY = _rx(
    r"\b(?:rectif(?:y|ied|ication)|art(?:icle)?\.? ?16)\b",
    r"\b(?:correct|correcting|correction|corrections|amend|amended|amending|amendment|fix|fixed|put right|"
    r"update|updated|updating|change|changed)\b[^.;]{0,60}?\b(?:records?|files?|data|information|details|"
    r"name|address|date of birth|dob|spelling|surname|ethnicity|gender|it|them|this|that|entry|entries|"
    r"report|assessment|notes|statement|what|where|how)\b",
    r"\b(?:it|this|that|them|these|they|entry|entries|records?|files?|details|report|statement)\s+"
    r"(?:\w+\s+){0,5}?(?:corrected|amended|changed|fixed|rectified|updated|put right)\b",
    r"\b(?:please )?(?:correct|amend|fix|rectify|update)(?: (?:it|this|that|them))?\s*(?:[.!]|$)",
    r"\b(?:put|add|place|include|attach|record)\s+(?:a |my )?(?:note|statement|comment)s?\b[^.;]{0,60}\b"
    r"(?:dispute|"
    r"disagree|do not accept|don't accept|wrong|inaccurate|my side|my version)\b",
    r"\b(?:supplementary statement|add a note|add my (?:own )?(?:comments|statement|note|version))\b",
    r"\b(?:note|record) (?:that|on (?:my|the) file that) i (?:disagree|dispute)\b",
)
_ERASE_VERB = (
    r"(?:delete|deleted|deleting|deletion|erase|erased|erasing|remove|removed|removing|removal|"
    r"destroy|destroyed|destroying|wipe|wiped|purge|purged|get rid of|shred|shredded|take down"
    r"|expunge|expunged|take \w+ off|taken off|taking \w+ off|take off|struck off|strike \w+ off)"
)
_WHOLE_DATA = (
    r"(?:(?:all|any)\s+(?:of\s+)?(?:my|the|our)?\s*(?:personal\s+)?(?:data|information|records?"
    r"|files?|details)"
    r"|(?:my|our|his|her|their)\s+(?:[\w'-]+\s+){0,3}?(?:data|information|records?|files?|details|account|"
    r"profile|name|everything|number|phone number|address|email|email address|photos?|pictures?|"
    r"contact details)"
    r"|everything|me from|us from|my name from|our (?:data|information|records|details|files?)"
    r"|any (?:trace|record) of me|(?:data|information|records?|files?|details) (?:about|on|of) me)"
)
_ERASE_STRONG = _rx(
    r"\b(?:no longer want|don't want|do not want)\s+(?:you|the council|your department|social services|"
    r"anyone|children's services)?\s*(?:to )?(?:keep|hold|store|have|retain)(?:ing)?\b(?!\s+\w+ing\b)"
    r"[^.;]{0,30}?\b(?:my|me|records|"
    r"data|information|details|files?)\b",
    r"\bright to (?:be forgotten|erasure)\b|\berasure\b|\bforget me\b|\bart(?:icle)?\.? ?17\b",
    rf"\b{_ERASE_VERB}\b(?:(?!\bfrom\b)[^.;]){{0,50}}?\b{_WHOLE_DATA}",
    rf"\b{_WHOLE_DATA}\b[^.;]{{0,40}}?\b(?:be |being |is |are )?{_ERASE_VERB}\b",
)
# Erasing part of a record ("remove the 2015 referral", "I want it deleted"): erasure, unless the requester
# says the part is wrong, when correcting it is the Art 16 route.
_ERASE_PART = _rx(
    r"\b(?:referrals?|entry|entries|allegations?|comments?|references?|reports?|records? of|notes?|"
    r"mentions?)\b"
    r"[^.;]{0,40}?\b(?:removed|deleted|erased|taken out|struck out|expunged|destroyed)\b",
    rf"\b{_ERASE_VERB}\s+(?:it|them|these|those|this|everything|all of (?:it|them))\b",
    rf"\b(?:it|them|these|those|this|that|everything)\s+(?:all\s+)?(?:to be\s+|be\s+|being\s+)?"
    rf"{_ERASE_VERB}\b",
    r"\b(?:delete|erase|remove|destroy|wipe|purge|shred|expunge|strike out|take out)\b[^.;]{0,60}?\b"
    r"(?:records?|"
    r"files?|data|information|details|notes|entry|entries|referrals?|reports?|allegations?|comments?|"
    r"references?|statements?|photos?|everything|anything|mentions?)\b",
)
_ERASE_ANY = _rx(rf"\b{_ERASE_VERB}\b")
_RESTRICT = _rx(
    r"\brestrict(?:ion|ing|ed)?\b[^.;]{0,40}?\b(?:processing|use|using|sharing|my|data|information"
    r"|records?)\b",
    r"\bart(?:icle)?\.? ?18\b",
    r"\b(?:until|till|while|whilst|pending)\b[^.;]{0,80}?\b"
    r"(?:stop|cease|pause|suspend|freeze|not|don't|no longer)"
    r"\s+(?:\w+\s+){0,2}?(?:us(?:e|ing)|process\w*|shar(?:e|ing)|pass\w*)\b",
    r"\b(?:stop|stops|cease|ceases|pause|suspend|freeze|halt|limit|not to|don't|do not|no longer)\s+"
    r"(?:\w+\s+){0,3}?"
    r"(?:using|use|processing|process|sharing|share|passing on|relying on)\b[^.;]{0,80}?\b(?:while|whilst|"
    r"until|till|pending|during|in the meantime|meanwhile|whilst|before)\b",
    r"\b(?:put|place) (?:a )?(?:hold|freeze|restriction)\b[^.;]{0,40}\b(?:data|information|records?|file)\b",
    r"\bonly (?:keep|store|hold)\b[^.;]{0,40}\b(?:not use|not share|but not)\b",
)
_OBJECT = _rx(
    r"\bobject(?:ion|ing|s)?\b[^.;]{0,60}?\b(?:process\w*|us(?:e|ing)|shar\w*|hold\w*|keep\w*|my (?:data|"
    r"information|details|records|personal)|data|information|profiling|marketing|being (?:used|shared))\b",
    r"\bart(?:icle)?\.? ?21\b|\bright to object\b",
    r"\b(?:i|we) (?:do not|don't|no longer) (?:consent|agree|want)\b[^.;]{0,30}?\b(?:you |the council |"
    r"your department |social services |anyone )?(?:to )?(?:process\w*|us(?:e|ing)|shar\w*|pass\w*)\b",
    r"\b(?:stop|stops|cease|ceases)\s+(?:\w+\s+){0,3}?(?:using|processing|sharing|passing on|passing|"
    r"sending|giving|"
    r"disclosing|forwarding)\b[^.;]{0,60}?\b(?:my|our|me|data|information|details|records|it|them)\b",
    r"\b(?:keep|continue|continuing|carry on)\s+(?:\w+\s+)?(?:sharing|using|processing|passing)\b[^.;]{0,60}"
    r"\b(?:stop|no right|not consent|object)\b|\bno right to\b[^.;]{0,30}\b(?:share|sharing|use|using|"
    r"process|"
    r"processing|pass)\b",
    r"\b(?:do not|don't|stop|no longer|never)\s+(?:pass|share|send|give|disclose|forward)\w*\b[^.;]{0,40}\b"
    r"(?:my|our|me|data|information|details|records)\b[^.;]{0,40}?\b(?:to|with)\b",
    r"\b(?:refuse|refusing|withhold|withholding|deny|denying) (?:my |our )?(?:permission|consent)\b",
    r"\bwithdraw(?:ing|n)? (?:my |our )?consent\b|\bopt (?:me )?out\b",
)
_PORT = _rx(
    r"\bportab(?:le|ility)\b|\bmachine[- ]?readable\b|\bstructured,? commonly[- ]used\b"
    r"|\bart(?:icle)?\.? ?20\b",
    r"\b(?:csv|json|xml|spreadsheet|excel)\b(?: format| file)?",
    r"\b(?:transfer|transmit|port|move|send|pass|forward)\w*\s+(?:\w+\s+){0,3}?(?:my|our|the)\s+(?:[\w-]+\s+)"
    r"{0,2}?(?:data|information|records?|files?)\s+(?:\w+\s+){0,4}?(?:directly )?to\s+(?:my |the |a )?"
    r"(?:new|another|other|different|next)\b",
    r"\b(?:transfer|transmit|port)\w*\s+(?:\w+\s+){0,3}?(?:my|our)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:data|information|records?|files?)\b",
    r"\bdirectly to (?:another|a new|my new|the new)\b",
    r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:data|information|records?|files?)\s+(?:\w+\s+){0,2}?"
    r"(?:transferred|"
    r"transmitted|ported|moved)\s+(?:\w+\s+){0,2}?to\s+(?!me\b|my (?:solicitor|email|address|home|lawyer)\b)",
    r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:data|information|records?|files?)\s+(?:\w+\s+){0,2}?(?:sent|"
    r"transferred|moved|passed|forwarded|transmitted)\s+(?:\w+\s+){0,2}?to\s+(?:my |the |a )?(?:new|another|"
    r"other|different)\b",
)
_PURPOSE_CUT = re.compile(r"\b(?:so (?:that )?(?:i|we) can|in order to|to see (?:if|whether)|to check)\b.*$")

# Internal review (FOIA s.50 precursor, s.45 Code) and EIR reg 11 reconsideration.
_REVIEW = _rx(
    r"\binternal review\b|\breconsideration\b|\bmake representations\b|\brepresentations (?:under|about)\b",
    r"\breg(?:ulation)?\.? ?11\b",
    r"\bappeal (?:against |of )?(?:the |your |this |that )?(?:decision|refusal|response|outcome)\b",
    r"\b(?:not satisfied|dissatisfied|unhappy|not happy)\s+with\s+(?:how|the way)\s+(?:you|the council|your "
    r"team)\s+(?:dealt|handled|responded|answered|replied)\b",
    r"\b(?:decision|refusal|response|answer|outcome|reply|it|this|that)\s+(?:\w+\s+){0,2}?(?:reviewed|"
    r"reconsidered|"
    r"looked at again|revisited|checked again|re-?examined)\b",
    r"\b(?:like|want|ask|asking|request) (?:you|the council) to "
    r"(?:reconsider|review|look again|think again)\b",
    r"\b(?:please )?reconsider(?:\s*[.!]|\s*$)",
    r"\b(?:review|reconsider|re-consider|revisit|look again at"
    r"|challeng\w*)\s+(?:\w+\s+){0,4}?(?:decision|refusal|"
    r"response|reply|answer|handling|outcome|exemptions?|redactions?)\b",
    r"\b(?:complain\w*|unhappy|dissatisfied|not (?:happy|satisfied)|disagree|object)\s+(?:\w+\s+){0,4}?"
    r"(?:with|about|regarding|at|over|to)\s+(?:\w+\s+){0,4}?(?:response|reply|decision|refusal|answer|"
    r"handling|the way|redactions?|exemptions?)\b",
)
_REQUEST_CONTEXT = re.compile(
    r"\b(?:foia|eir|request|requests|exemptions?|section \d+|s\.? ?\d+|reg\.? ?\d+|refus\w*|withh\w*|"
    r"redact\w*|reference|ref)\b", re.I,
)

_ACCESS_VERB = re.compile(
    r"\b(?:see|view|read|copy|copies|access|look at|have a look|send me|send us|obtain|receive|get hold of|"
    r"know what|find out what|provide me)\b", re.I,
)

# What makes a clause a request rather than background ("I was in care in the 1990s.").
_REQUEST_MARK = re.compile(
    r"\?|\b(?:wonder|wondering|curious|grateful|appreciate|hoping|hope you can|please|kindly|would like|"
    r"would love|"
    r"want|wants|wanted|wanting|wish|need|needs|require|request (?:a"
    r"|an|the|that|"
    r"copies|copy|access|information|details|all|any|to)|i request|we request|requesting|asking for|asks for|"
    r"is asking|looking for|seeking|seeks|can (?:i|you|we|the council)|could (?:i|you|we)|would you|may i|"
    r"send|provide|disclose|tell me|let me (?:know|have|see)|give me|forward|supply|release|copy of|"
    r"copies of|how many|how much|details of|list of|a list|breakdown|interested in|after a copy|"
    r"trying to (?:get|find|obtain)|find out|like to know|want to know|under (?:the )?(?:foia|eir|dpa|gdpr)|"
    r"make a|making a|submit|this is a|rang|phoned|called|emailed|request:|enquiry:|inquiry:|re:|subject:)\b",
    re.I,
)
# A weak FOI cue counts only in a question ("Who runs the fostering team?"), not in a remark.
_QUESTION = re.compile(
    r"\?|^\s*(?:who|what|which|when|where|why|how|is|are|does|do|did|has|have|can you tell|could you tell|"
    r"please (?:tell|confirm|provide|send|let)|tell me|i would like to know|i want to know)\b|"
    r"\b(?:please )?(?:send|provide|supply|confirm|disclose)\b",
    re.I,
)
_GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|hiya|hey|good (?:morning|afternoon|evening)|to whom|yours|kind regards|regards|"
    r"best wishes|many thanks|thanks|thank you|sincerely|cheers|from:|to:|sent:|date:)\b", re.I,
)
_DECLARATIVE = re.compile(
    r"^\s*(?:[\w',-]+\s+){0,12}?(?:is|was|were|are|am|has|have|had|did|do|does|didn't|doesn't|don't|hasn't|"
    r"haven't|wasn't|isn't|aren't|weren't|can't|won't|said|says|told|went|lived|live|"
    r"think|thought|believe|know|feel|felt|got|received|became|been|came|left|moved|asked|wrote|sent|made|"
    r"submitted|replied|responded|refused|applied|will|should|must|seems?)\b", re.I,
)
_CONNECTOR = re.compile(
    r"^\s*(?:and|also|plus|additionally|in addition|separately|secondly|thirdly|finally|lastly"
    r"|further(?:more)?|"
    r"moreover|besides|as well as|along with|together with|[-*\u2022]|\(?\d+[.)]|\(?[a-h][.)])\b", re.I,
)

# Requester context.
_JOURNALIST = _rx(
    r"\b(?:journalist|reporter|correspondent|editor|newspaper|news desk|newsroom|the press|press office|"
    r"freelance writer|broadcaster|documentary|podcast|blog(?:ger)?|publication)\b",
    r"\bfor (?:a|an|my|our) (?:news |newspaper )?(?:article|story|feature|investigation|piece|report)\b",
    r"\b(?:bbc|itv|channel 4|sky news|guardian newspaper|the times|the sun|daily \w+|evening \w+|gazette|"
    r"chronicle|echo|herald|telegraph|mirror|independent|observer|reach plc)\b",
)
_SOLICITOR = _rx(
    r"\bsolicitors?\b|\blaw firm\b|\bllp\b|\blegal representatives?\b|\bwe act for\b|\bwe are instructed\b",
    r"\b(?:our|my) client(?:'s|s)?\b|\bacting (?:on behalf of|for)\b|\binstructed by\b|\blegal aid\b",
    r"\bbarrister\b|\bcounsel\b|\blitigation friend\b",
)
_AGENT = _rx(
    r"\bon (?:his|her|their) behalf\b|\bon behalf of (?:my|our) (?!client)\w+\b",
    r"\bwith (?:his|her|their) (?:full )?(?:written )?(?:consent|permission|authority|agreement)\b",
    r"\b(?:signed|written) (?:consent|authority|authori[sz]ation|mandate|form)\b|\bform of authority\b",
    r"\bletter of authority\b|\bmandate\b|\bpower of attorney\b|\blpa\b|\bdeputyship\b"
    r"|\bcourt of protection\b",
    r"\bauthori[sz]ed me\b|\b(?:i am|as) (?:his|her|their) (?:advocate|representative|appointee|deputy)\b",
    r"\b(?:his|her|their) (?:attorney|deputy|appointee|representative|advocate)\b|\battorney\b",
    r"\b(?:he|she|they) (?:says|said) (?:it's|its|it is) (?:ok|okay|fine|alright)\b|\b(?:has|have) (?:agreed|"
    r"consented|given (?:me )?(?:written )?(?:permission|consent))\b|\bwritten permission\b|\bagreed to me\b",
    r"\bconstituent\b|\badvocacy (?:service|worker)\b|\b(?:i am|as) an? advocate\b",
)
_PARENT_SELF = _rx(
    r"\b(?:i am|as|we are) (?:his|her|their|the|a|her birth|his birth) (?:birth |adoptive |step-?|foster )?"
    r"(?:mother|father|mum|dad|mam|parents?|special guardian|guardian|carer|grandparents?|grandmother|"
    r"grandfather|nan|gran|kinship carer)\b",
    r"\b(?:my|our) (?:[\w-]+ ){0,2}?(?:son|sons|daughter|daughters|child|children|kids?|baby|twins|stepson|"
    r"stepdaughter|grandson|granddaughter|grandchildren)\b",
    r"\bparental responsibility\b|\bspecial guardian(?:ship)?\b|\bchild arrangements order\b"
    r"|\bresidence order\b",
)
_CARE_LEAVER = _rx(
    r"\bcare leaver\b|\bleft care\b|\b(?:i|we) (?:was|were) (?:in care|looked after|in foster care|fostered|"
    r"in a children's home|taken into care|placed in care|adopted|in (?:\w+ )?(?:care|foster)|"
    r"in (?:kids|children's|childrens|foster|care|residential) homes?|in residential care|in a home)\b",
    r"\b(?:took|taken|removed|placed|put) me (?:off|from|into|in|away)\b|"
    r"\b(?:were|was|have been|had been|got) involved with (?:me|us|my family|our family)\b|"
    r"\b(?:i|we) (?:was|were) known to\b|\bi had a social worker\b|"
    r"\bi (?:was a resident|was resident|lived|stayed|grew up) (?:at|in)\b[^.;]{0,50}\b(?:children's home|"
    r"home for|care|foster|residential)|"
    r"\bformer(?:ly)? looked[- ]after\b|\bmy time in care\b|\bwhen i was in care\b|\bas a child in care\b",
    r"\b(?:he|she|they) (?:was|were) (?:in care|looked after|fostered|adopted)\b",
)
_ADOPTION = _rx(
    r"\badopt(?:ed|ion|ive)\b|\bbirth (?:mother|father|parents?|family|mum|dad|relatives|siblings?)\b",
    r"\bbirth records?\b|\bbirth certificate\b[^.;]{0,30}\boriginal\b|\blater life letter\b",
)
_SUBJECT_3P = _rx(
    r"\b(?:caller|requester|requestor|applicant|data subject|service user|customer|enquirer|visitor|"
    r"young person|care leaver|ms \w+|mrs \w+|mr \w+|miss \w+)\b[^.;]{0,40}?\b(?:wants|would like|is asking|"
    r"asks|asked|requests|requested|requesting|rang|phoned|called|came in|emailed|wrote|says|said|"
    r"is after|needs|wishes)\b",
    r"\b(?:rang|phoned|called|telephoned|came in to|came into|visited) (?:reception|the office|today|in|us|"
    r"the contact centre|the front desk)\b|\bphone (?:call|note)\b|\btel(?:ephone)? (?:call|note)\b",
    r"\b(?:she|he|they) (?:wants|would like|is asking for|asks for|asked for|requested|needs) (?:a copy of )?"
    r"(?:her|his|their)\b",
)
_CHILD_AGE = re.compile(
    r"\b(?:i am|i'm|aged|age) (?:only )?(1[0-7]|[5-9])(?: years? old| yrs?| y/?o)?\b|\b(?:i am"
    r"|i'm) still in care\b",
    re.I,
)
_VEXATIOUS = _rx(
    r"\b(?:for the|this is the|this is my) (?:second|third|fourth|fifth|sixth|tenth|umpteenth"
    r"|\d+(?:st|nd|rd|th)|"
    r"hundredth|millionth|last) time\b",
    r"\b(?:i|we) have (?:already |now )?(?:asked|requested|written|emailed)\b[^.;]{0,30}?\b(?:\d+"
    r"|two|three|four|"
    r"five|six|several|many|numerous|countless|multiple|dozens of) times\b",
    r"\b(?:same|identical|repeat(?:ed)?|duplicate) (?:request|question|foia request|sar)\b",
    r"\b(?:resubmit\w*|re-submit\w*|asking (?:yet )?again|asked (?:you )?(?:this )?before|yet again|"
    r"once again|again and again|i will keep (?:asking|writing|emailing|sending|requesting))\b",
    r"\b(?:every (?:day|week|hour) until|until you (?:comply|answer|give))\b",
    r"\b(?:useless|incompetent|corrupt|liars|lying scum|scum|idiots?|morons?|criminals|disgrace(?:ful)?|"
    r"pathetic|bloody|f\*+|bastards?|crooks)\b",
    r"\b(?:i will|i'll) (?:sue|expose|ruin|come (?:down|round)|make (?:your|you)|destroy|report you all)\b",
    r"\b(?:all|every) (?:single )?(?:emails?|texts?|messages?|documents?) (?:sent|written"
    r"|held) by (?:every|all)\b",
)

# --------------------------------------------------------------------------------------------------------
# T-5 / §1.4: statutory third-party requesters
# --------------------------------------------------------------------------------------------------------

_SELF = r"(?:i am|we are|this is|writing (?:from|as|on behalf of)|calling from|officer (?:from|at|with)|" \
    r"on behalf of|as (?:the|a|an))\s+(?:a |an |the )?(?:[\w'-]+\s+){0,4}?"

_STATUTORY: tuple[tuple[str, str, tuple[re.Pattern, ...]], ...] = (
    (
        "police",
        "DPA 2018 Sch 2 Part 1 para 2 (crime); permits but does not oblige disclosure",
        _rx(
            rf"\b{_SELF}(?:police|constabulary|cid|public protection unit|metropolitan police"
            rf"|the met|mash police)\b",
            r"\b(?:detective (?:constable|sergeant|inspector|chief inspector)|police (?:constable|sergeant|"
            r"inspector|staff investigator|officer in the case|disclosure officer))\b",
            r"\bsch(?:edule|ed|\.)?\.? ?2\b[^.;]{0,40}?\b(?:para(?:graph)?\.? ?2|crime|dpa|request)\b",
            r"\b(?:police|constabulary)\b[^.;]{0,80}\b(?:we are investigating|we're investigating|"
            r"we are conducting|"
            r"our investigation|are investigating)\b",
            r"^\s*(?:[a-z]+ )?(?:police|constabulary)\s*[-:,]",
            r"\bschedule 2 request\b|\bprevention (?:or|and) detection of crime\b"
            r"|\bapprehension or prosecution\b",
            r"\b(?:crime|incident) (?:reference|ref|number)\b|\bcrn\b|\bofficer in (?:the )?case\b|\boic\b",
            r"\bpolice (?:request|enquiry|inquiry|disclosure request|information request)\b",
            r"\b(?:national crime agency|nca|hmrc|dwp fraud|fraud investigat\w*|immigration enforcement|"
            r"border force|probation service)\b",
        )
        + _rx(r"\b(?:PC|DC|DS|DI|DCI|PS|Det|Sgt|Insp)\.?\s+(?:\d+\s+)?[A-Z][a-z]+", flags=0),
    ),
    (
        "court",
        "DPA 2018 Sch 2 Part 1 para 5 (required by court order or enactment); deadline is the date "
        "in the order",
        _rx(
            r"\bwitness summons\b|\bsubpoena\b|\bproduction order\b|\bdisclosure order\b"
            r"|\bnorwich pharmacal\b",
            r"\bcourt order (?:requir\w+|direct\w+|for (?:the )?(?:disclosure|production)|dated"
            r"|made|attached|"
            r"enclosed)\b|\b(?:under|pursuant to|in accordance with|complying with) (?:the |an |a |this )?"
            r"(?:attached |enclosed )?(?:court )?order\b",
            r"\b(?:court|judge|tribunal|magistrates?|hhj|his honour judge|her honour judge|district judge)"
            r" (?:has |have )?(?:ordered|directed|requires?d?|requested)\b",
            r"\b(?:judge|hhj|dj|recorder|magistrates?)\s+\w+\s+(?:has |have )?(?:ordered|directed)\b",
            r"\bordered (?:the (?:council|local authority|la)|you"
            r"|children's services) to (?:disclose|produce|"
            r"provide|file|release|serve)\b",
            r"\border\b[^.;]{0,60}\b(?:requir\w+|direct\w+)\s+(?:the (?:council|local authority|la)|you)"
            r"\s+to\s+"
            r"(?:disclose|produce|provide|file|release)\b",
            r"\border of (?:the )?(?:court|judge|hhj)\b|\bthird party disclosure\b|\bcpr 31\.17\b"
            r"|\bfpr 2010\b",
            rf"\b{_SELF}(?:court|clerk to the|legal adviser to the|family court)\b",
        ),
    ),
    (
        "police_investigation",
        "DPA 2018 Sch 2 Part 1 para 2 (crime); permits but does not oblige disclosure",
        _rx(
            r"\b(?:assist|support|for|in connection with|as part of) (?:a|an|the|our|this) "
            r"(?:ongoing |current |"
            r"live )?(?:police|criminal) investigation\b|\bnamed suspect\b",
            r"\b(?:police|constabulary) (?:are|is|have been) "
            r"(?:conducting|making|carrying out|investigating)\b",
            r"\b(?:police|constabulary) (?:request|requests|require|requires|need|needs)\b",
        ),
    ),
    (
        "ico_investigation",
        "regulator: Information Commissioner's investigation (DPA 2018 s.142 information notice)",
        _rx(
            r"\b(?:information commissioner'?s?(?: office)?|ico)\b(?: here)?[^.]{0,40}\b"
            r"(?:we are investigating|"
            r"we're investigating|our investigation|is investigating|investigating a complaint)\b",
        ),
    ),
    (
        "court_direction",
        "DPA 2018 Sch 2 Part 1 para 5 (required by court order); deadline is the date in the order",
        _rx(
            r"\b(?:direction|directions) of the (?:family |crown |county )?court\b|\bcourt directions?\b",
            r"\b(?:court )?order (?:is )?(?:attached|enclosed)\b|\b(?:attached|enclosed) (?:court )?order\b",
            r"\bthe court (?:requires|needs|has asked for)\b",
            r"\b(?:an|the) order of the (?:family |crown |county |high )?court\b",
        ),
    ),
    (
        "childrens_guardian",
        "Children Act 1989 s.42: the Children's Guardian may examine and copy the records at all "
        "reasonable times",
        _rx(
            r"(?<!special )\bguardian (?:for|in|appointed)\b[^.;]{0,60}\b(?:proceedings|case|children|"
            r"siblings|child)\b",
            r"(?<!special )\bchildren's guardian\b|\bguardian ad litem\b|\bfamily court adviser\b",
            r"\b(?:from|on behalf of|at|with|i am|we are|as) (?:the )?cafcass\b|\bcafcass (?:officer|worker|"
            r"practitioner|guardian|family court adviser)\b",
            r"\bs(?:ection|\.)? ?42\b[^.;]{0,40}\b(?:children act|ca 1989|guardian|cafcass)\b",
            r"\b(?:children act 1989|ca 1989),? s(?:ection|\.)? ?42\b",
        ),
    ),
    (
        "regulator",
        "Ofsted: Education and Inspections Act 2006 s.140 (inspect and copy records); legal obligation",
        _rx(
            rf"\b{_SELF}(?:ofsted|his majesty's inspector|her majesty's inspector|hmi|lead inspector|"
            r"social care regulatory inspector)\b",
            r"\bofsted (?:inspection |ilacs )?(?:team|inspectors?)\b\s*[:,-]?\s*(?:please|we require|"
            r"we request|"
            r"we need)\b",
            r"\bofsted (?:inspectors?|inspection team|team) (?:require|request|will|need|are|would"
            r"|is|has|have)\b",
            r"\bs(?:ection|\.)? ?1(?:36|39|40)\b[^.;]{0,40}\b(?:education and inspections|eia"
            r"|ofsted|inspect)\w*",
            r"\bofsted\b[^.]{0,100}\bfor the (?:upcoming |forthcoming )?inspection\b|^\s*ofsted\s*[:-]",
            r"\beducation and inspections act\b|\bilacs\b|\bjtai\b|\bjoint targeted area inspection\b",
            r"\bas part of (?:the|our|this|an?) (?:ofsted )?(?:inspection|focused visit|monitoring visit)\b",
            r"\b(?:ahead of|for|during) (?:the|our|this|next week's) (?:ofsted )?"
            r"(?:focused|monitoring) visit\b",
        ),
    ),
    (
        "coroner",
        "coroner: Coroners and Justice Act 2009 Sch 5 notice; deadline per the notice",
        _rx(
            r"\b(?:senior|area|assistant|hm|her majesty's|his majesty's) coroner\b|\bcoroner's officer\b",
            r"\bon behalf of (?:the |hm )?coroner\b|\bthe coroner (?:requires|requests"
            r"|has requested|needs|has asked|"
            r"is requesting|would like|has directed)\b|\bschedule 5 (?:notice|of the coroners)\b",
            r"\bcoroners and justice act\b",
        ),
    ),
    (
        "ombudsman",
        "LGSCO: Local Government Act 1974 s.29 information requirement; deadline per the requirement",
        _rx(
            r"\b(?:from|on behalf of|i am|we are|this is|as"
            r"|at) (?:the )?(?:local government (?:and social care )?"
            r"ombudsman|lgsco|ombudsman)\b",
            r"\b(?:ombudsman|lgsco) (?:requires|requests|is investigating"
            r"|has decided to investigate|investigator|"
            r"assessor|will)\b|\bs(?:ection|\.)? ?29\b[^.;]{0,30}\blocal government act\b",
            r"\blocal government act 1974\b",
            r"\b(?:ombudsman|lgsco) (?:has|have) (?:asked|requested|required)\b",
            r"\b(?:ombudsman|lgsco) (?:ref|reference|case|complaint) ?(?:no\.?|number)?\s*:?\s*\d",
            r"\b(?:lgsco|ombudsman)\b[^.]{0,80}\b(?:we are investigating|our investigation|investigating a "
            r"complaint|we have decided to investigate)\b",
        ),
    ),
    (
        "ico",
        "regulator: Information Commissioner's investigation (DPA 2018 s.142 information notice)",
        _rx(
            r"\b(?:from|on behalf of|i am|we are|this is|as) (?:the )?(?:information commissioner|ico\b)",
            r"\binformation notice\b|\bsocial work england\b[^.;]{0,40}\bfitness to practise\b",
        ),
    ),
    (
        "safeguarding",
        "safeguarding partners: Children Act 2004 s.16H information request; per the request",
        _rx(
            r"\bsafeguarding partners?\b|\blocal safeguarding (?:children )?partnership\b|\blscp\b",
            r"\bchild safeguarding practice review\b|\brapid review\b|\bs(?:ection|\.)? ?16h\b",
            r"\bchildren act 2004\b|\bmulti-agency safeguarding hub\b|\bmash\b",
            rf"\b{_SELF}(?:social worker|team manager|practitioner|health visitor|school nurse|designated "
            r"safeguarding lead|dsl|headteacher|head teacher|gp|paediatrician|named nurse|designated nurse|"
            r"probation officer|youth offending|midwife)\b[^.;]{0,60}?\b(?:at|from|with|for|of)\b",
            r"\b(?:information|info) sharing request\b|\b(?:strategy (?:meeting|discussion)"
            r"|section 47 enquir\w+)"
            r" (?:is|was|has been|will be) (?:being )?(?:held|convened|planned|arranged)\b",
        ),
    ),
)
_REQUESTER_STATUTORY = {
    "police": "police",
    "court": "court",
    "childrens_guardian": "childrens_guardian",
    "regulator": "regulator",
}
_STATUTORY_BASIS = {kind: basis for kind, basis, _ in _STATUTORY}
_PERSONAL_CAPACITY = re.compile(r"\b(?:personal|private) capacity\b|\bas a private individual\b", re.I)


# --------------------------------------------------------------------------------------------------------
# Whole-request context
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    requester_type: str | None
    journalist: str | None
    solicitor: str | None
    agent: str | None
    parent: str | None
    care_leaver: str | None
    adoption: str | None
    deceased: str | None
    deceased_rels: frozenset[str]
    subject_3p: str | None
    child_requester: str | None
    third_party_desc: str | None
    foia_mentioned: bool
    eir_mentioned: bool
    env_anywhere: bool
    vexatious: str | None
    has_dob: bool
    request_context: bool


def _context(norm: str, requester_type: str | None) -> _Context:
    rels = frozenset(
        next(g for g in m.groups() if g).lower().rstrip("s") for m in _DECEASED_REL.finditer(norm)
    )
    age = _CHILD_AGE.search(norm)
    return _Context(
        requester_type=requester_type,
        journalist=_find(_JOURNALIST, norm) or ("requester type journalist" if requester_type == "journalist"
                                                else None),
        solicitor=_find(_SOLICITOR, norm) or ("requester type solicitor" if requester_type == "solicitor"
                                              else None),
        agent=_find(_AGENT, norm),
        parent=_find(_PARENT_SELF, norm) or ("requester type parent" if requester_type == "parent" else None),
        care_leaver=_find(_CARE_LEAVER, norm),
        adoption=_find(_ADOPTION, norm),
        deceased=_find(_DECEASED, norm, negatable=False),
        deceased_rels=rels,
        subject_3p=_find(_SUBJECT_3P, norm, negatable=False),
        child_requester=age.group(0).strip() if age else None,
        third_party_desc=_find(_THIRD_PARTY_DESC, norm, negatable=False),
        foia_mentioned=" foia " in norm,
        eir_mentioned=" eir " in norm,
        env_anywhere=_find(_ENV, norm) is not None,
        vexatious=_find(_VEXATIOUS, norm, negatable=False),
        has_dob=bool(re.search(r"\bdob\b|\bdate of birth\b|\bborn (?:on|in)\b", norm)),
        request_context=bool(_REQUEST_CONTEXT.search(norm)),
    )


def _statutory(norm: str, orig: str, ctx: _Context) -> tuple[str, str] | None:
    """``(kind, trigger words)`` when a §1.4 statutory requester is making the request, else ``None``."""
    if ctx.requester_type in _REQUESTER_STATUTORY:
        kind = _REQUESTER_STATUTORY[ctx.requester_type]
        if kind == "regulator":
            for sub in ("regulator", "ombudsman", "ico", "coroner"):
                for k, _, patterns in _STATUTORY:
                    if k == sub and _find(patterns, norm, negatable=False):
                        return sub, f"requester type regulator; {_find(patterns, norm, negatable=False)}"
        return kind, f"requester type {ctx.requester_type}"
    if _PERSONAL_CAPACITY.search(norm):
        return None
    for kind, _, patterns in _STATUTORY:
        for pattern in patterns:
            # Police ranks ("DC Smith") only make sense in the original case.
            m = pattern.search(orig) if not (pattern.flags & re.I) else pattern.search(norm)
            if m:
                return kind, m.group(0).strip(" ,.")
    return _agency_about_someone(norm, orig, ctx)


# Agencies named anywhere, for the fallback below.
_AGENCY: tuple[tuple[str, re.Pattern], ...] = (
    ("police", re.compile(r"\b(?:police|constabulary|detective|cid)\b", re.I)),
    ("childrens_guardian", re.compile(r"\bcafcass\b|(?<!special )\bguardian\b", re.I)),
    ("regulator", re.compile(r"\bofsted\b|\binspectors?\b", re.I)),
    ("coroner", re.compile(r"\bcoroner'?s?\b", re.I)),
    ("ombudsman", re.compile(r"\bombudsman\b|\blgsco\b", re.I)),
    ("ico", re.compile(r"\binformation commissioner\b|\bico\b", re.I)),
    ("court", re.compile(r"\b(?:court|judge|hhj|tribunal)\b", re.I)),
)
# A specific person or family, as an agency names them ("the child", "Mr X", "the Holt children").
_SOMEONE = re.compile(
    r"\b(?:the|this|these|that) (?:child|children|family|young person|subject|mother|father|parents?|"
    r"siblings|baby|boy|girl|suspect|victim|deceased|pupil|patient|individual|person)\b|"
    r"\b(?:mr|mrs|ms|miss|dr)\.? [a-z]+|"
    r"\b(?:her|his|their) (?:\w+ )?(?:address|records?|file|details|whereabouts)\b|\b(?:child|baby) [a-z]\b|"
    r"\bdob\b|\bnamed\b|\b[a-z]+ (?:children|family|siblings)\b|"
    r"\b(?:missing|named|vulnerable|looked after|unborn) (?:child|person|young person|girl|boy|teenager)\b",
    re.I,
)


def _agency_about_someone(norm: str, orig: str, ctx: _Context) -> tuple[str, str] | None:
    """Fallback T-5 cue: an agency named, a specific person asked about, and nothing personal or general.

    Catches phrasings the self-identification patterns miss ("Westshire Police re the Holt children: ...")
    while leaving "the police told me to ask for my file" (personal) and "how many police referrals" (FOI)
    alone.
    """
    if ctx.journalist or ctx.third_party_desc or ctx.requester_type in ("member_of_public", "journalist"):
        return None
    if ctx.parent or ctx.care_leaver or ctx.subject_3p or ctx.solicitor or ctx.agent or ctx.adoption:
        return None
    blockers = (_OWN, _SAR_EXPLICIT, _AGENT, _CHILD_DATA, _CHILD_LOOSE, _REL_DATA, _FOI, _ENV, _REVIEW)
    if any(_find(p, norm) for p in blockers) or not _SOMEONE.search(norm):
        return None
    for kind, pattern in _AGENCY:
        m = pattern.search(norm)
        if m:
            return kind, f"{m.group(0)} ... {_SOMEONE.search(norm).group(0)}"
    return None


# --------------------------------------------------------------------------------------------------------
# Splitting
# --------------------------------------------------------------------------------------------------------

_ABBREV = re.compile(
    r"\b(?:mr|mrs|ms|dr|st|no|e\.g|i\.e|etc|ref|reg|s|para|sch|art|vs|approx|dob|tel|cllr|det|insp|sgt|"
    r"prof|rev|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|ltd|co|inc|fig|p|pp|v)\.$", re.I,
)
_SENT_END = re.compile(r"[.!?]+[\"')\]]*\s+|;\s*|\n")
_SOFT_SPLIT = re.compile(
    r"\s+\+\s+|\s+/\s+|\s(?=\(?\d{1,2}\)\s)|\s(?=\([a-hA-H]\)\s)|"
    r"(?:,\s*|\s+)(?=(?:and also|also|additionally|in addition|separately|secondly|thirdly|finally|"
    r"lastly|"
    r"furthermore|moreover|as well as|along with|together with|plus)\b)", re.I,
)
_HARD_SPLIT = re.compile(r",\s*(?:and\s+|plus\s+|&\s+)?|\s+(?:and|&|plus|but|or)\s+", re.I)


def _spans(text: str) -> list[tuple[int, int]]:
    """Clause spans: sentences, lines that start a list item, semicolons and "also"-type connectors."""
    cuts = [0]
    for m in _SENT_END.finditer(text):
        head = text[cuts[-1]:m.start() + 1]
        if m.group(0).startswith("."):
            word = text[max(0, m.start() - 6):m.start() + 1].split()
            if word and _ABBREV.search(word[-1]):
                continue
        if m.group(0).startswith("\n"):
            before = text[cuts[-1]:m.start()].rstrip()
            after = text[m.end():].lstrip()
            wrapped = (before and before[-1].isalnum() and len(before.split()) > 6 and after
                       and after[0].islower())
            if wrapped:
                continue
        if head.strip():
            cuts.append(m.end())
    spans = []
    bounds = cuts + [len(text)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        seg_cuts = [a] + [a + m.end() for m in _SOFT_SPLIT.finditer(text[a:b]) if m.start() > 0] + [b]
        for x, y in zip(seg_cuts, seg_cuts[1:], strict=False):
            if text[x:y].strip(" \t\n,;."):
                spans.append((x, y))
    return spans


# --------------------------------------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------------------------------------


@dataclass
class _Label:
    regime: str | None
    reasons: list[str]
    checks: set[str]
    weak: bool = False


def _q(words: str) -> str:
    return f"'{words}'"


def _sar_label(reason: str, checks: set[str], ctx: _Context) -> _Label:
    reasons = [reason]
    if ctx.foia_mentioned:
        reasons.append("T-1 / FOIA s.40(1), s.40(5A): cited FOIA, but the requester's own data is absolutely "
                       "exempt from FOIA; send a short FOIA response and handle as a SAR (UK GDPR Art 15)")
    if ctx.eir_mentioned:
        reasons.append("T-1 / EIR reg 5(3): own personal data is excluded from EIR; handle as a SAR")
    if ctx.care_leaver:
        reasons.append(f"T-6: care-leaver access to records ({_q(ctx.care_leaver)}); offer supported access")
    if ctx.adoption:
        reasons.append(f"T-6 / DPA 2018 Sch 4 para 3: adoption records ({_q(ctx.adoption)}) are excluded "
                       "from "
                       "SAR; route them through ACA 2002 ss.56-65")
        checks = checks | {"adoption_route"}
    if ctx.child_requester and "parental_responsibility" not in checks:
        reasons.append(f"T-4: the requester may be a child ({_q(ctx.child_requester)}); assess competence")
        checks = checks | {"child_competence"}
    return _Label("sar", reasons, checks)


def _classify(norm: str, orig: str, ctx: _Context, clause_norm: str) -> _Label:
    """Regime of one piece of text. ``clause_norm`` is the whole clause, for cues that span pieces.

    The rule families run in a fixed order, most specific first: a review quotes the topic of the request it
    reviews; a data right names the data it acts on; whose data it is decides SAR against FOI; only then do
    the topic words (environmental, general) count.
    """
    for family in (_review_label, _rights_label, _personal_label, _topic_label):
        label = family(norm, orig, ctx, clause_norm)
        if label is not None:
            return label
    return _Label(None, [], set())


_PR_CHECKS = frozenset({"identity", "parental_responsibility", "child_competence"})


def _review_label(norm: str, orig: str, ctx: _Context, clause_norm: str) -> _Label | None:
    """Internal review (FOIA) or reconsideration (EIR reg 11); a review of a SAR stays a SAR (G-9)."""
    review = _find(_REVIEW, norm)
    if not review or not (review in ("internal review", "reconsideration") or ctx.request_context):
        return None
    if _find(_OWN, norm) or _find(_SAR_EXPLICIT, norm) or _find(_CHILD_DATA, norm):
        return _Label("sar", [f"G-9 / Art 15: review of or complaint about a SAR response ({_q(review)})"],
                      {"identity"})
    eir = ctx.eir_mentioned or ctx.env_anywhere or (
        re.search(r"\breconsideration\b|\brepresentations\b|\breg(?:ulation)?\.? ?11\b", norm)
        and not ctx.foia_mentioned)
    if eir:
        return _Label("eir-reconsideration",
                      [f"T-2 / EIR reg 11: request to reconsider an EIR response ({_q(review)})"], set())
    return _Label("foi-internal-review",
                  [f"T-3 / FOIA s.45 Code: internal review of an FOI response ({_q(review)})"], set())


def _rights_label(norm: str, orig: str, ctx: _Context, clause_norm: str) -> _Label | None:
    """UK GDPR Arts 16-21 (G-8). Erasing a part the requester says is wrong is rectification (Art 16)."""
    rights_norm = _PURPOSE_CUT.sub("", norm)
    who = _who(norm, ctx)
    port = _find(_PORT, rights_norm)
    if port:
        return _right("portability", "Art 20", port, who)
    restrict = _find(_RESTRICT, rights_norm)
    if restrict:
        return _right("restriction", "Art 18", restrict, who)
    erase = _find(_ERASE_STRONG, rights_norm)
    if erase:
        return _right("erasure", "Art 17", erase, who)
    inaccurate = _find(_INACCURATE, rights_norm)
    erase = _find(_ERASE_PART, rights_norm)
    if erase and not inaccurate:
        return _right("erasure", "Art 17", erase, who)
    objection = _find(_OBJECT, rights_norm)
    if objection:
        return _right("objection", "Art 21", objection, who)
    rectify = _find(_RECTIFY, rights_norm)
    if rectify and (inaccurate or _CORRECTING.search(rectify)):
        return _right("rectification", "Art 16", rectify, who)
    if inaccurate and _find(_ERASE_ANY, rights_norm):
        return _right("rectification", "Art 16", f"{inaccurate} ... {_find(_ERASE_ANY, rights_norm)}", who)
    return None


_CORRECTING = re.compile(
    r"\brectif|\bamend|\bcorrect|\bupdate|\bsupplementary|\badd\b|\bchange|\bfix|\bput right"
)


def _personal_label(norm: str, orig: str, ctx: _Context, clause_norm: str) -> _Label | None:
    """T-1 / T-4 / T-6: whose personal data is asked for (the requester's, their child's, a client's...)."""
    about_sars = _find(_FOI_ABOUT_SARS, norm)
    if about_sars:  # "your policy on subject access requests" is about the council, not the requester
        return _Label("foi", [f"T-3: asks about the council's handling of requests ({_q(about_sars)}), not "
                              "for personal data"], set())
    own = _find(_OWN, norm) or _find(_SAR_EXPLICIT, norm)
    if own:
        return _sar_label(f"T-1 / FOIA s.40(1), EIR reg 5(3): requester asks for their own personal data "
                          f"({_q(own)})", {"identity"}, ctx)
    third = _find(_THIRD_POSS, norm)
    if third and ctx.deceased:
        return _deceased(third, ctx)
    child = _find(_CHILD_DATA, norm)
    if child:
        if _dead_child(child, ctx):
            return _deceased(child, ctx)
        return _Label("sar", [f"T-4: parent or carer asks for their child's records ({_q(child)}); the "
                              "right is the child's: check parental responsibility and competence"],
                      set(_PR_CHECKS))
    client = _find(_CLIENT_DATA, norm)
    if client:
        return _agent_label(client, ctx)
    rel = _find(_REL_DATA, norm)
    if rel and _find(_ENV, norm):
        rel = None  # "records about my neighbour's bonfires" asks about the environment (EIR, reg 13)
    if rel:
        if ctx.deceased and (not ctx.deceased_rels or any(r in rel.lower() for r in ctx.deceased_rels)
                             or "late" in rel.lower()):
            return _deceased(rel, ctx)
        if ctx.agent:
            return _agent_label(f"{rel}; {ctx.agent}", ctx)
        return _Label("foi", [f"T-1 / FOIA s.40(2): asks for another person's records ({_q(rel)}); "
                              "disclosure to the world will almost always be refused under s.40(2)"], set())
    if third:
        return _third_person(third, ctx)
    named = _NAMED_POSS.search(orig)
    if named and not _PLACE.search(named.group(1)):
        return _third_person(named.group(0), ctx, named=True)
    return None


def _topic_label(norm: str, orig: str, ctx: _Context, clause_norm: str) -> _Label | None:
    """T-2 / T-3 topic words, then the weaker personal cues that only count when no topic word does."""
    env = _find(_ENV, norm)
    if env:
        return _Label("eir", [f"T-2 / EIR reg 2(1): environmental information ({_q(env)}); FOIA s.39 "
                              "applies"], set())
    foi = _find(_FOI, norm)
    if foi:
        extra = (f" about a third party ({_q(ctx.third_party_desc)}); s.40(2) will likely apply"
                 if ctx.third_party_desc else "")
        return _Label("foi", [f"T-3: information held by the council ({_q(foi)}){extra}"], set())
    loose = _find(_CHILD_LOOSE, norm)
    if loose:
        if _dead_child(loose, ctx):
            return _deceased(loose, ctx)
        return _Label("sar", [f"T-4: parent or carer asks for records about their child ({_q(loose)}); check "
                              "parental responsibility and the child's competence"], set(_PR_CHECKS))
    group = _find(_THIRD_GROUP, norm)
    if group and (ctx.solicitor or ctx.agent or ctx.parent or ctx.journalist):
        return _third_person(group, ctx)
    named = _named_person(orig)
    if named:
        return _third_person(named, ctx, named=True)
    mine = _first_person_records(norm)
    if mine:
        return _sar_label(f"T-1: records and the requester in one request ({_q(mine)}); read as their own "
                          "data", {"identity"}, ctx)
    if (ctx.journalist or ctx.requester_type == "member_of_public") and ctx.third_party_desc:
        return _Label("foi", [f"T-1 / FOIA s.40(2): asks about a third party's case "
                              f"({_q(ctx.third_party_desc)}); s.40(2) will likely apply"], set())
    access = _ACCESS_VERB.search(norm)
    if access and (_find(_OWN, clause_norm) or _has_rights(clause_norm)):
        # "I want to see and correct my records": the "see" half is a SAR beside the right.
        return _sar_label(f"T-1: asks to {_q(access.group(0))} their own records alongside another right",
                          {"identity"}, ctx)
    weak = _find(_FOI_WEAK, norm, negatable=False)
    if weak and not _PERSONAL_REF.search(norm) and _QUESTION.search(norm) and not _GREETING.search(norm):
        return _Label("foi", [f"T-3: question about the council ({_q(weak)})"], set(), weak=True)
    if " foia " in norm and not _PERSONAL_REF.search(norm) and len(norm.split()) > 4:
        return _Label("foi", ["T-3: request made under FOIA with no personal-data cue"], set(), weak=True)
    return None


def _dead_child(words: str, ctx: _Context) -> bool:
    """Whether the child named in ``words`` ("my son's file") is one the request says has died."""
    child_noun = re.search(_CHILD, words, re.I)
    return bool(child_noun) and child_noun.group(0).lower().rstrip("s") in ctx.deceased_rels


# "Ruby's file": a capitalised name's records (resolved against who is asking, like "records about Ruby Lee").
_NAMED_POSS = re.compile(rf"\b(?!The\b|My\b|Our\b)([A-Z][a-z]+)'s\s+{_MOD}{_NOUN}\b")


def _named_person(orig: str) -> str | None:
    """Records about a capitalised name ("files about Tom Jenkins"), unless the name is a place."""
    for pattern in _NAMED:
        for m in pattern.finditer(orig):
            if not _PLACE.search(m.group(0)):
                return m.group(0).strip(" ,.")
    return None


# "send me", "my request", "my local school": first-person words that do not make the records the requester's.
_NOT_ABOUT_ME = re.compile(
    r"\b(?:send|sent|email|e-mail|give|provide|tell|let|forward|show|inform|advise|contact|help|post|"
    r"write to|"
    r"copy|ring|call|phone)\s+me\b|\b(?:to|for) me\b|"
    r"\bmy (?:request|email|e-mail|letter|question|enquiry|complaint|local|"
    r"area|council|mp|councillor|solicitor|behalf|view|opinion|previous|last|foia|eir|understanding|"
    r"research|dissertation|studies|article|story|address is|name is|details are|contact details|"
    r"phone number is)\b",
    re.I,
)


_ME = re.compile(
    r"\b(?:me|myself|i was|i were|i (?:suffered|experienced|endured|went through|lived|grew up))\b|"
    rf"\bmy\b(?!\s+(?:(?:late|dead|deceased|ex|former)\s+)?(?:{_REL}|{_CHILD}|client)"
    r"(?:'s|s'|s)?\b)",
    re.I,
)


def _first_person_records(norm: str) -> str | None:
    """Records asked for in a sentence about the requester ("the notes they made when I was ...")."""
    rest = _NOT_ABOUT_ME.sub(" ", norm)
    noun = re.search(rf"\b{_NOUN}\b", rest, re.I)
    if not noun:
        return None
    for me in _ME.finditer(rest):
        if not _negated(rest, me.start()):
            return f"{noun.group(0)} ... {me.group(0)}"
    return None


def _has_rights(norm: str) -> bool:
    return any(_find(p, norm) for p in (_PORT, _RESTRICT, _ERASE_STRONG, _OBJECT, _RECTIFY))


def _who(norm: str, ctx: _Context) -> set[str]:
    """Checks for a rights request: whose data it is decides whose authority must be shown."""
    if _find(_CHILD_DATA, norm) or (ctx.parent and not _find(_OWN, norm)):
        return set(_PR_CHECKS)
    if ctx.solicitor or _find(_CLIENT_DATA, norm):
        return {"solicitor_authority"}
    return {"identity"}


def _right(regime: str, article: str, words: str, checks: set[str]) -> _Label:
    reasons = [f"§1.3 G-8 / UK GDPR {article}: {regime} request ({_q(words)}); one-month clock"]
    if "parental_responsibility" in checks:
        reasons.append("T-4: made for a child; check parental responsibility and the child's competence")
    return _Label(regime, reasons, set(checks))


def _agent_label(words: str, ctx: _Context) -> _Label:
    who = "solicitor" if ctx.solicitor else "representative"
    return _Label("sar", [f"T-4: {who} acting for the data subject ({_q(words)}); clock starts when written "
                          "authority is received (G-2)"], {"solicitor_authority"})


def _deceased(words: str, ctx: _Context) -> _Label:
    return _Label("foi", [f"T-1 deceased: records of a person who has died ({_q(words)}; "
                          f"{_q(ctx.deceased or '')}) are not personal data; FOIA with s.41, s.44 and "
                          "s.40(2) for living relatives"], set())


def _third_person(words: str, ctx: _Context, *, named: bool = False) -> _Label:
    """Resolve "her records" / "records about Jane Smith" against who is asking.

    A possessive with no other context ("caller wants her file") is read as a note about the requester; a
    capitalised name with no other context is read as someone else (s.40(2)).
    """
    if ctx.deceased:
        return _deceased(words, ctx)
    if ctx.solicitor or ctx.agent:
        return _agent_label(f"{words}; {ctx.solicitor or ctx.agent}", ctx)
    if ctx.parent:
        return _Label("sar", [f"T-4: parent or carer asks for the child's records ({_q(words)}; "
                              f"{_q(ctx.parent)})"],
                      set(_PR_CHECKS))
    if ctx.journalist or ctx.third_party_desc or ctx.requester_type == "member_of_public":
        cue = ctx.journalist or ctx.third_party_desc or "member of the public"
        return _Label("foi", [f"T-1 / FOIA s.40(2): asks for a third party's records ({_q(words)}; "
                              f"{_q(cue)}); s.40(2) will likely apply"], set())
    if ctx.subject_3p or ctx.requester_type == "data_subject" or ctx.has_dob or ctx.care_leaver \
            or not named:
        cue = ctx.subject_3p or ctx.care_leaver or "third-person note"
        return _sar_label(f"T-1: request noted in the third person for the requester's own records "
                          f"({_q(words)}; {_q(cue)})", {"identity"}, ctx)
    return _Label("foi", [f"T-1 / FOIA s.40(2): asks for a named person's records ({_q(words)}) with no sign "
                          "that the requester is that person or acts for them"], set())


# --------------------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------------------


@dataclass
class _Piece:
    start: int
    end: int
    label: _Label
    request: bool


def _is_request(norm: str, label: _Label) -> bool:
    if label.regime in _RIGHTS or label.regime in ("foi-internal-review", "eir-reconsideration"):
        return True
    if _REQUEST_MARK.search(norm) or _CONNECTOR.search(norm):
        return True
    if re.search(r"\b(?:i|we) (?:asked|requested|made|submitted|sent|received)\b", norm):
        return False
    return not _DECLARATIVE.search(norm)


def _pieces(text: str, ctx: _Context) -> list[_Piece]:
    pieces: list[_Piece] = []
    for a, b in _spans(text):
        orig = text[a:b]
        norm = _norm(orig)
        whole = _classify(norm, orig, ctx, norm)
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


_COST_TAIL = re.compile(
    r"^\s*(?:and\s+)?(?:the\s+|any\s+)?(?:total\s+)?"
    r"(?:costs?|spend|spending|expenditure|price|budget|how much)\b",
    re.I,
)
_ANAPHORA = re.compile(r"\b(?:it|this|that|these|those|them)\s*[?.!]?\s*$", re.I)


def _sub_split(text: str, a: int, b: int, clause_norm: str, ctx: _Context) -> list[_Piece]:
    """Split a clause at commas and "and" when its pieces belong to different regimes."""
    cuts = [a] + [a + m.end() for m in _HARD_SPLIT.finditer(text[a:b].lower())] + [b]
    out: list[_Piece] = []
    for x, y in zip(cuts, cuts[1:], strict=False):
        if not text[x:y].strip(" ,.;"):
            continue
        piece = _norm(text[x:y])
        label = _classify(piece, text[x:y], ctx, clause_norm)
        # "... and how much the council paid for it": a short FOI-cue piece that points back at the
        # previous piece's subject belongs to that piece.
        if label.weak or (label.regime == "foi" and len(piece.split()) <= 10 and _ANAPHORA.search(piece)):
            label = _Label(None, [], set())
        # "... flooding incidents and the cost of repairs": the cost of an environmental matter is EIR too
        # (reg 2(1)(e)), so a short cost phrase right after an EIR piece stays with it.
        prior = next((p.label.regime for p in reversed(out) if p.label.regime), None)
        tail = _COST_TAIL.search(piece)
        if label.regime == "foi" and prior == "eir" and len(piece.split()) <= 8 and tail \
                and not _find(_FOI, piece[tail.end():]):
            label = _Label(None, [], set())
        out.append(_Piece(x, y, label, True))
    return out


def _assemble(text: str, pieces: list[_Piece], ctx: _Context) -> list[TriagePart]:
    for before, p in zip(pieces, pieces[1:], strict=False):
        # "My children were on a plan in 2010. I want to know what was said." asks about the background.
        if p.request and not p.label.regime and before.label.regime and not before.request \
                and not before.label.weak and _REQUEST_MARK.search(_norm(text[p.start:p.end])):
            before.request = True
    live = [p for p in pieces if p.label.regime and p.request]
    strong = [p for p in live if not p.label.weak]
    if strong and any(p.label.regime != "foi" for p in strong):
        # A weak FOI question only stands beside other parts when it is its own sentence.
        live = [p for p in live if not p.label.weak or p.end - p.start > 15]
    if not live:
        live = [p for p in pieces if p.label.regime]
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
            if groups and pending and not _CONNECTOR.search(text[pending[0].start:pending[0].end]) \
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
        excerpt = _EXCERPT_EDGE.sub("", text[group[0].start:group[-1].end].strip(" \t\n,;"))
        parts.append(_part(regime, reasons, checks, excerpt, ctx))
    return parts


_EXCERPT_EDGE = re.compile(r"[\s,;]+(?:and|&|plus|but|or)$|^(?:and|&|plus|but)\s+", re.I)


def _part(regime: str, reasons: list[str], checks: set[str], excerpt: str, ctx: _Context) -> TriagePart:
    if ctx.vexatious:
        reasons = reasons + [f"T-7: possible repeat or vexatious request ({_q(ctx.vexatious)}); flag for a "
                             "human decision (FOIA s.14, EIR reg 12(4)(b), Art 12(5)); never auto-refuse"]
        checks = checks | {"flag_vexatious_review"}
    return TriagePart(regime, tuple(reasons), excerpt, tuple(c for c in CHECKS if c in checks))


def _default(text: str, ctx: _Context) -> TriagePart:
    """No cue at all: fall back on who is asking, then on the regime the requester named, then FOIA."""
    excerpt = text.strip()
    personal = ctx.subject_3p or ctx.care_leaver or ctx.adoption or ctx.parent or ctx.solicitor or ctx.agent
    if ctx.requester_type in ("data_subject", "parent", "solicitor") or personal:
        if ctx.parent:
            label = _Label("sar", ["T-4: parent asks for records with no other cue; check parental "
                                   "responsibility and the child's competence"],
                           set(_PR_CHECKS))
        elif ctx.solicitor or ctx.agent:
            label = _agent_label(ctx.solicitor or ctx.agent or "", ctx)
        else:
            label = _sar_label("T-1: the data subject asks for records with no other cue", {"identity"}, ctx)
        return _part("sar", label.reasons, label.checks, excerpt, ctx)
    if ctx.eir_mentioned:
        return _part("eir", ["T-2: request made under the EIR with no other cue"], set(), excerpt, ctx)
    return _part("foi", ["T-0 / T-3: a request for recorded information with no personal-data, environmental "
                         "or third-party cue defaults to FOIA"], set(), excerpt, ctx)


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
    norm = _norm(text)
    ctx = _context(norm, requester_type)
    statutory = _statutory(norm, text, ctx)
    if statutory:
        kind, words = statutory
        # A parent who mentions the MASH, or a support worker making a SAR for a care leaver, is not a
        # statutory requester: the words of the request decide.
        soft = kind in ("safeguarding", "ico", "ombudsman", "court_direction", "police_investigation")
        personal = any(_find(p, norm) for p in (_OWN, _SAR_EXPLICIT, _AGENT, _CHILD_DATA))
        # "How many staff work in the MASH?" is an FOI question about a safeguarding body.
        personal = personal or (kind == "safeguarding" and _find(_FOI, norm) is not None)
        if not (soft and requester_type is None and personal):
            reason = (f"T-5 / §1.4: statutory third-party request ({_q(words)}); "
                      f"{_STATUTORY_BASIS.get(kind, kind)}; not FOI and not SAR: route to the "
                      "disclosure-decision workflow")
            return TriageResult((_part("third-party", [reason], set(), text.strip(), ctx),))
    return TriageResult(tuple(_assemble(text, _pieces(text, ctx), ctx)))
