"""Cues for whose personal data is asked for (rulebook T-1, T-4, T-6)."""

from __future__ import annotations

import re

from triage.cues.lexicon import ABOUT, CHILD, HOLD, MOD, NOUN, OWN_MOD, REL, cue

# T-1: the requester's own personal data.
OWN = cue(
    "own", "T-1", "the requester's own personal data",
    # Who worked on the requester's case is part of the requester's record ("the social workers on my case").
    r"\b(?:worked on|involved (?:in|with)|allocated to|assigned to|dealt with|responsible for) (?:my|our) "
    r"(?:case|file|family|assessment|child protection plan|care)\b",
    rf"\b(?:my|our|mine)\s+(?!(?:{CHILD}|{REL}|client)(?:'s|s'|s)?\b){OWN_MOD}{NOUN}\b",
    rf"\b(?:{NOUN}|{HOLD})\b[^.;?!]{{0,70}}?\b{ABOUT}\s+(?:me|myself|us)\b",
    r"\bpersonal (?:data|information|details)\b[^.;]{0,30}\b(?:about|on|of) me\b",
    r"\bmy (?:own )?personal (?:data|information|details)\b",
    rf"\b{NOUN}\s+(?:of|from|at|during|with)\s+my\s+"
    rf"(?!(?:(?:late|deceased|dead)\s+)?(?:{CHILD}|{REL}|client)(?:'s|s'|s)?\b)"
    r"(?!(?:previous |earlier |original |last )?(?:foia|eir|requests?|complaints?|appeal|application|enquiry|"
    r"question|letter|e-?mail)\b)",
    rf"\b{NOUN}\b[^.;?!]{{0,60}}?\b(?:my|our) (?:house|home|flat|address|property|visits?|meetings?|"
    r"interviews?|appointments?|phone calls?|calls?|conversations?|complaints?|referrals?|allegations?|"
    r"involvement|contact with|dealings|time|life|upbringing|childhood|placements?|stay|experience)\b",
    r"\b(?:mentions?|mentioning|containing|contains|with|under|in) my name\b|\bmy name (?:appears"
    r"|is mentioned)\b",
    rf"\b(?:{NOUN}|{HOLD})\b[^.;]{{0,50}}?\b{ABOUT}\s+(?:my|our) (?:family|case|childhood|care"
    rf"|adoption)\b",
    rf"\b{NOUN}\b[^.;]{{0,60}}?\b(?:when|while|whilst|from when|during the time|since) (?:i"
    rf"|we) (?:was|were)\b",
    rf"\b{NOUN}\b[^.;]{{0,40}}?\b(?:of|from|during|covering|about) my (?:time|childhood|years"
    rf"|placements?|stay)\b",
    r"\b(?:why|how|when|where) (?:i|we) (?:was|were|got) (?:taken|placed|removed|put|adopted|fostered|"
    r"looked after|in care|moved|sent)\b",
    r"\bwhat (?:you|the council|social services|they|your department|children's services) "
    rf"(?:{HOLD}|say|said|wrote|have written)\b[^.;]{{0,20}}?\b(?:about|on) me\b",
    r"\b(?:have|has) (?:you|the council|social services) got (?:a file|anything|records?) on me\b",
    r"\bwhat (?:was|has been|they|you|social services|the social worker)\s+(?:\w+\s+){0,2}?"
    r"(?:recorded|written|"
    r"noted|wrote|said|logged)\b[^.;]{0,40}\b(?:me|my|i)\b",
)
# Strong, explicit naming of the right of access.
SAR_EXPLICIT = cue(
    "sar_explicit", "T-1 / UK GDPR Art 15", "the right of access named",
    # A team, mailbox or officer named after requests is where one writes, not a request made.
    r"\b(?:data )?subject access\b(?!(?: requests?)? (?:team|unit|mailbox|inbox|officers?|department|"
    r"co-?ordinators?|lead|email address)\b)",
    r"\bd?sar\b(?!s? (?:team|unit|mailbox|inbox|officers?|department|co-?ordinators?|lead)\b)",
    r"\bright of access\b",
    r"\bart(?:icle)?\.? ?15\b",
    r"\baccess to (?:my )?(?:own )?(?:personal )?(?:records|files?|data)\b",
)
FOI_ABOUT_SARS = cue(
    "foi_about_sars", "T-3", "asks about the council's handling of subject access requests",
    r"\b(?:polic(?:y|ies)|procedures?|process(?:es)?|guidance|how many|number of|statistics|figures|"
    r"performance|compliance|handl(?:e|ing)|backlog|timeliness|training|fees?|charges?|charging|how long|"
    r"time ?limits?|deadlines?|forms?|templates?)\b[^.;]{0,40}\b(?:subject access|"
    r"d?sars?)\b",
    r"\b(?:subject access|d?sar) requests (?:did|were|have|has|received|made|answered|completed|late|"
    r"on time|in)\b",
)
# Third-person own data ("caller wants her records"); resolved against the requester context.
THIRD_POSS = cue(
    "third_poss", "T-1", "a third person's own records (resolved against who is asking)",
    rf"\b(?:his|her|their)\s+(?!(?:{CHILD}|{REL}|client)(?:'s|s'|s)?\b)(?:own\s+)?{OWN_MOD}{NOUN}\b",

    rf"\b(?:{NOUN}|{HOLD})\b[^.;]{{0,60}}?\b{ABOUT}\s+(?:him|her|them|himself|herself|themselves)\b",
    rf"\b(?:the )?(?:child|young person|pupil|service user|data subject|subject)'s\s+{MOD}{NOUN}\b",
)
# T-4: a parent (or carer) asking for their child's records.
CHILD_DATA = cue(
    "child_data", "T-4", "a parent or carer asks for their child's records",
    rf"\b(?:my|our|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?{CHILD}(?:'s|s'|\s+[a-z]+'s)?\s+{MOD}{NOUN}\b",
    rf"\b(?:{NOUN}|{HOLD})\b[^.;?!]{{0,70}}?\b{ABOUT}\s+(?:both |all )?(?:of )?(?:my|our)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?{CHILD}\b",
)
# Records about "the children" / "the mother": whose depends on who asks (a solicitor, a parent, a stranger).
THIRD_GROUP = cue(
    "third_group", "T-1 / T-4", "records about a family or its children (resolved against who is asking)",
    rf"\b{NOUN}\b[^.;]{{0,60}}?\b{ABOUT}\s+(?:the|these|both|all|those)\s+(?:\w+\s+)?(?:{CHILD}|family|"
    r"mother|father|parents?|young (?:person|people)|siblings)\b(?!'s|s')",
)
CHILD_LOOSE = cue(
    "child_loose", "T-4", "records and the requester's child in one clause",
    rf"\b{NOUN}\b[^.;?!]{{0,80}}?\b(?:my|our)\s+(?:[\w-]+\s+){{0,2}}?{CHILD}\b",
    rf"\b(?:my|our)\s+(?:[\w-]+\s+){{0,2}}?{CHILD}\b[^.;?!]{{0,60}}?\b{NOUN}\b",
)
# T-1 s.40(2): someone else's records, asked for by a relative, neighbour or stranger.
REL_DATA = cue(
    "rel_data", "T-1 / FOIA s.40(2)", "another person's records, asked for by a relative or neighbour",
    rf"\b(?:my|our)\s+(?:late\s+|ex[- ]|former\s+|estranged\s+|deceased\s+|elderly\s+|older\s+|younger\s+|"
    rf"little\s+|big\s+)?{REL}(?:'s|s'|s)?\s+{MOD}{NOUN}\b",
    rf"\b(?:{NOUN}|{HOLD})\b[^.;?!]{{0,70}}?\b{ABOUT}\s+(?:my|our)\s+(?:late\s+|ex[- ]|former\s+|"
    rf"estranged\s+|deceased\s+|elderly\s+)?{REL}\b",
)
CLIENT_DATA = cue(
    "client_data", "T-4", "an agent asks for their client's records",
    rf"\b(?:our|my) client(?:'s|s'|s)?\b[^.;]{{0,40}}?\b{NOUN}\b",
    rf"\b{NOUN}\b[^.;]{{0,60}}?\b{ABOUT}\s+(?:our|my) clients?\b",
    rf"\b{NOUN}\b[^.;]{{0,60}}?\bon (?:his|her|their) behalf\b",
    rf"\bon behalf of\b[^.;]{{0,60}}?\b{NOUN}\b",
)
# Named or described third parties (original case for names: "records about Jane Smith", "Baby P").
NAMED = cue(
    "named", "T-1 / FOIA s.40(2)", "a named or described person's records",
    rf"\b{NOUN}\b[^.;]{{0,40}}?\b{ABOUT}\s+(?:(?:[Mm]r|[Mm]rs|[Mm]s|[Mm]iss|[Mm]aster|[Dd]r)\.?\s+)?"
    r"[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)+",
    r"\b(?:[Bb]aby|[Cc]hild|[Ii]nfant) [A-Z]\b",
    flags=0,
)
# Capitalised words that end a place or organisation name, not a person's.
PLACE = re.compile(
    r"\b(?:Lane|Road|Rd|Street|St|Avenue|Ave|Close|Drive|Way|House|Home|Homes|Lodge|School|Primary|Academy|"
    r"Centre|Center|Court|Park|Hall|Council|Team|Hospital|Unit|Estate|Green|Grove|Place|Crescent|Terrace|"
    r"Gardens|Farm|Manor|College|Nursery|Police|Services?|Trust|Partnership|Board|Panel|Department|Act|"
    r"Regulations|Borough|County|City|Town|Village|Ward|Hub|Office|Square|Row|Hill|Rise|Mews|View|Children|"
    r"Authority|Government|Ofsted|Cafcass|Service|Agency|Company|Organisation|Charity|Council)\b"
)
THIRD_PARTY_DESC = cue(
    "third_party_desc", "T-1 / FOIA s.40(2)", "a described third party (a case, a neighbour, a family)",
    r"\bthe (?:case|death|killing|murder|abuse|neglect) of\b",
    r"\bthe (?:[\w-]+ )?family (?:at|next door|across|opposite|living|who live|down the road|on my street)\b",
    r"\bnext door\b",
    r"\bneighbou?rs?\b",
    r"\ba (?:boy|girl|child|teenager|young person|toddler|baby) (?:who|that|at|in|from|called|named|known)\b",
    r"\bthe (?:child|boy|girl|baby|toddler) (?:called|named|known as|who died|who was)\b",
    r"\b(?:serious case review|child safeguarding practice review|safeguarding review)s? (?:into|of|about)\b",
)
DECEASED = cue(
    "deceased", "T-1 deceased", "a person who has died",
    r"\b(?:my|our|his|her|their|the) late\b",
    r"\b(?:deceased|died|dead|passed away|passed on|has passed|since passed|who passed|no longer with us|"
    r"killed|rip|death of (?:my|our|his|her|their))\b",
    r"'s (?:death|funeral|passing)\b",
)
DECEASED_REL = re.compile(
    rf"\b(?:late\s+(?:[\w-]+\s+){{0,2}}?({REL}|{CHILD})\b|(?:death|loss) of (?:my|our|his|her|their) "
    rf"(?:[\w-]+\s+){{0,2}}?({REL}|{CHILD})\b|({REL}|{CHILD})(?:\s*,)?\s+(?:[\w]+\s+){{0,3}}?"
    r"(?:died|passed away|passed on|is deceased|was killed|is dead|has passed|deceased)\b|"
    rf"({REL}|{CHILD})\s*\(deceased\)|(?:deceased|dead)\s+({REL}|{CHILD})\b|"
    rf"({REL}|{CHILD})'s (?:death|funeral|passing|inquest)\b)",
    re.I,
)

# "send me", "my request", "my local school": first-person words that do not make the records the requester's.
NOT_ABOUT_ME = re.compile(
    r"\b(?:send|sent|email|e-mail|give|provide|tell|let|forward|show|inform|advise|contact|help|post|"
    r"write to|"
    r"copy|ring|call|phone)\s+me\b|\b(?:to|for) me\b|"
    r"\bmy (?:request|email|e-mail|letter|question|enquiry|complaint|local|"
    r"area|council|mp|councillor|solicitor|behalf|view|opinion|previous|last|foia|eir|understanding|"
    r"research|dissertation|studies|article|story|address is|name is|details are|contact details|"
    r"phone number is)\b",
    re.I,
)

# Whose data a right acts on: the requester's, or a child's, client's or the subject of a third-person note.
RIGHTS_SUBJECT = re.compile(
    r"\b(?:me|my|myself|mine|our|us|we|i)\b|\b(?:his|her|their) (?:own )?(?:[\w-]+ )?(?:data|information|"
    r"records?|files?|details|notes|name|address)\b|\b(?:client|son|daughter|child|children)(?:'s|s')",
)
# "send me", "tell me": the requester as the recipient of an answer, not as the person whose data it is.
RECIPIENT_ME = re.compile(
    r"\b(?:send|sent|email|e-mail|give|provide|tell|let|forward|show|inform|advise|contact|help|post|"
    r"write to|copy|ring|call|phone)\s+me\b|\b(?:to|for) me\b",
    re.I,
)
