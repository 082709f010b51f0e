"""Cues for the UK GDPR rights other than access (Arts 16-21; rulebook §1.3 G-8)."""

from __future__ import annotations

import re

from triage.cues.lexicon import cue

# Data-protection rights other than access (UK GDPR Arts 16-21), rulebook §1.3 G-8.
INACCURATE = cue(
    "inaccurate", "§1.3 G-8 / UK GDPR Art 16", "says the data is inaccurate",
    r"\b(?:wrong|incorrect|inaccura(?:te|cy|cies)|errors?|mistakes?|mistaken|untrue|not true|false"
    r"|lies|lying|"
    r"misleading|factually|out of date|outdated|misspelt|misspelled|spelt wrong|spelled wrong|disagree|"
    r"dispute|disputed|do not accept|don't accept|"
    r"not accurate|isn't accurate|is not accurate|not correct|isn't right|not right)\b",
)
RECTIFY = cue(
    "rectify", "§1.3 G-8 / UK GDPR Art 16", "asks for a correction",
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
ERASE_VERB = (
    r"(?:delete|deleted|deleting|deletion|erase|erased|erasing|remove|removed|removing|removal|"
    r"destroy|destroyed|destroying|wipe|wiped|purge|purged|get rid of|shred|shredded|take down"
    r"|expunge|expunged|take \w+ off|taken off|taking \w+ off|take off|struck off|strike \w+ off)"
)
WHOLE_DATA = (
    r"(?:(?:all|any)\s+(?:of\s+)?(?:my|the|our)?\s*(?:personal\s+)?(?:data|information|records?"
    r"|files?|details)"
    r"|(?:my|our|his|her|their)\s+(?:[\w'-]+\s+){0,3}?(?:data|information|records?|files?|details|account|"
    r"profile|name|everything|number|phone number|address|email|email address|photos?|pictures?|"
    r"contact details)"
    r"|everything|me from|us from|my name from|our (?:data|information|records|details|files?)"
    r"|any (?:trace|record) of me|(?:data|information|records?|files?|details) (?:about|on|of) me)"
)
ERASE_STRONG = cue(
    "erase_strong", "§1.3 G-8 / UK GDPR Art 17", "asks for their data to be erased",
    r"\b(?:no longer want|don't want|do not want)\s+(?:you|the council|your department|social services|"
    r"anyone|children's services)?\s*(?:to )?(?:keep|hold|store|have|retain)(?:ing)?\b(?!\s+\w+ing\b)"
    r"[^.;]{0,30}?\b(?:my|me|records|"
    r"data|information|details|files?)\b",
    r"\bright to (?:be forgotten|erasure)\b|\berasure\b|\bforget me\b|\bart(?:icle)?\.? ?17\b",
    rf"\b{ERASE_VERB}\b(?:(?!\bfrom\b)[^.;]){{0,50}}?\b{WHOLE_DATA}",
    rf"\b{WHOLE_DATA}\b[^.;]{{0,40}}?\b(?:be |being |is |are )?{ERASE_VERB}\b",
)
# Erasing part of a record ("remove the 2015 referral", "I want it deleted"): erasure, unless the requester
# says the part is wrong, when correcting it is the Art 16 route.
ERASE_PART = cue(
    "erase_part", "§1.3 G-8 / UK GDPR Art 17", "asks for part of a record to be erased",
    r"\b(?:referrals?|entry|entries|allegations?|comments?|references?|reports?|records? of|notes?|"
    r"mentions?|statements?|sentences?|paragraphs?|claims?|remarks?)\b"
    r"[^.;]{0,40}?\b(?:removed|deleted|erased|taken out|struck out|expunged|destroyed)\b",
    rf"\b{ERASE_VERB}\s+(?:it|them|these|those|this|everything|all of (?:it|them))\b",
    rf"\b(?:it|them|these|those|this|that|everything)\s+(?:all\s+)?(?:to be\s+|be\s+|being\s+)?"
    rf"{ERASE_VERB}\b",
    r"\b(?:delete|erase|remove|destroy|wipe|purge|shred|expunge|strike out|take out)\b[^.;]{0,60}?\b"
    r"(?:records?|"
    r"files?|data|information|details|notes|entry|entries|referrals?|reports?|allegations?|comments?|"
    r"references?|statements?|photos?|everything|anything|mentions?)\b",
)
ERASE_ANY = cue("erase_any", "§1.3 G-8 / UK GDPR Arts 16-17", "an erasure verb", rf"\b{ERASE_VERB}\b")
RESTRICT = cue(
    "restrict", "§1.3 G-8 / UK GDPR Art 18", "asks for processing to be restricted",
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
OBJECT = cue(
    "object", "§1.3 G-8 / UK GDPR Art 21", "objects to processing",
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
PORT = cue(
    "port", "§1.3 G-8 / UK GDPR Art 20", "asks for their data in a portable form",
    r"\bportab(?:le|ility)\b|\bmachine[- ]?readable\b|\bstructured,? commonly[- ]used\b"
    r"|\bart(?:icle)?\.? ?20\b",
    # A file format is portability only for the requester's own data ("my records as a CSV"), never for
    # "the spreadsheet you use" or "the figures in Excel".
    r"\b(?:my|our)\s+(?:[\w-]+\s+){0,3}?(?:data|information|records?|files?|details)\b[^.;]{0,60}?"
    r"\b(?:csv|json|xml|spreadsheet|excel)\b(?: format| file)?",
    r"\b(?:csv|json|xml|spreadsheet|excel)\b[^.;]{0,40}?\b(?:of|with|containing) (?:all )?(?:my|our)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:data|information|records?|files?|details)\b",
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
PURPOSE_CUT = re.compile(r"\b(?:so (?:that )?(?:i|we) can|in order to|to see (?:if|whether)|to check)\b.*$")
