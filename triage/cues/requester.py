"""Cues about who is asking: journalist, solicitor, agent, parent, care leaver, child, repeat requests."""

from __future__ import annotations

import re

from triage.cues.lexicon import cue

# Requester context.
JOURNALIST = cue(
    "journalist", "T-1 / FOIA s.40(2)", "the requester is a journalist",
    r"\b(?:journalist|reporter|correspondent|editor|newspaper|news desk|newsroom|the press|press office|"
    r"freelance writer|broadcaster|documentary|podcast|blog(?:ger)?|publication)\b",
    r"\bfor (?:a|an|my|our) (?:news |newspaper )?(?:article|story|feature|investigation|piece|report)\b",
    r"\b(?:bbc|itv|channel 4|sky news|guardian newspaper|the times|the sun|daily \w+|evening \w+|gazette|"
    r"chronicle|echo|herald|telegraph|mirror|independent|observer|reach plc)\b",
)
SOLICITOR = cue(
    "solicitor", "T-4", "the requester is a solicitor or legal representative",
    r"\bsolicitors?\b|\blaw firm\b|\bllp\b|\blegal representatives?\b|\bwe act for\b|\bwe are instructed\b",
    r"\b(?:our|my) client(?:'s|s)?\b|\bacting (?:on behalf of|for)\b|\binstructed by\b|\blegal aid\b",
    r"\bbarrister\b|\bcounsel\b|\blitigation friend\b",
)
AGENT = cue(
    "agent", "T-4", "the requester acts for the data subject",
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
PARENT_SELF = cue(
    "parent_self", "T-4", "the requester is a parent or carer",
    r"\b(?:i am|as|we are) (?:his|her|their|the|a|her birth|his birth) (?:birth |adoptive |step-?|foster )?"
    r"(?:mother|father|mum|dad|mam|parents?|special guardian|guardian|carer|grandparents?|grandmother|"
    r"grandfather|nan|gran|kinship carer)\b",
    r"\b(?:my|our) (?:[\w-]+ ){0,2}?(?:son|sons|daughter|daughters|child|children|kids?|baby|twins|stepson|"
    r"stepdaughter|grandson|granddaughter|grandchildren)\b",
    r"\bparental responsibility\b|\bspecial guardian(?:ship)?\b|\bchild arrangements order\b"
    r"|\bresidence order\b",
)
CARE_LEAVER = cue(
    "care_leaver", "T-6", "the requester was in care",
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
ADOPTION = cue(
    "adoption", "T-6 / DPA 2018 Sch 4 para 3", "adoption records",
    r"\badopt(?:ed|ion|ive)\b|\bbirth (?:mother|father|parents?|family|mum|dad|relatives|siblings?)\b",
    r"\bbirth records?\b|\bbirth certificate\b[^.;]{0,30}\boriginal\b|\blater life letter\b",
)
SUBJECT_3P = cue(
    "subject_3p", "T-1", "a request noted in the third person",
    r"\b(?:caller|requester|requestor|applicant|data subject|service user|customer|enquirer|visitor|"
    r"young person|care leaver|ms \w+|mrs \w+|mr \w+|miss \w+)\b[^.;]{0,40}?\b(?:wants|would like|is asking|"
    r"asks|asked|requests|requested|requesting|rang|phoned|called|came in|emailed|wrote|says|said|"
    r"is after|needs|wishes)\b",
    r"\b(?:rang|phoned|called|telephoned|came in to|came into|visited) (?:reception|the office|today|in|us|"
    r"the contact centre|the front desk)\b|\bphone (?:call|note)\b|\btel(?:ephone)? (?:call|note)\b",
    r"\b(?:she|he|they) (?:wants|would like|is asking for|asks for|asked for|requested|needs) (?:a copy of )?"
    r"(?:her|his|their)\b",
)
CHILD_AGE = re.compile(
    r"\b(?:i am|i'm|aged|age) (?:only )?(1[0-7]|[5-9])(?: years? old| yrs?| y/?o)?\b|\b(?:i am"
    r"|i'm) still in care\b",
    re.I,
)
VEXATIOUS = cue(
    "vexatious", "T-7", "possible repeat or vexatious request",
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
