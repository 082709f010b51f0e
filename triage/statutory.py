"""Statutory third-party routes (rulebook T-5, §1.4): police, court, Guardian, regulators."""

from __future__ import annotations

import re

from triage.context import Context
from triage.cues.lexicon import find, rx
from triage.cues.personal import CHILD_DATA, CHILD_LOOSE, OWN, REL_DATA, SAR_EXPLICIT
from triage.cues.requester import AGENT
from triage.cues.requests import REVIEW
from triage.cues.topics import ENV, FOI_TOPIC

SELF = r"(?:i am|we are|this is|writing (?:from|as|on behalf of)|calling from|officer (?:from|at|with)|" \
    r"on behalf of|as (?:the|a|an))\s+(?:a |an |the )?(?:[\w'-]+\s+){0,4}?"

STATUTORY: tuple[tuple[str, str, tuple[re.Pattern, ...]], ...] = (
    (
        "police",
        "DPA 2018 Sch 2 Part 1 para 2 (crime); permits but does not oblige disclosure",
        rx(
            rf"\b{SELF}(?:police|constabulary|cid|public protection unit|metropolitan police"
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
        + rx(r"\b(?:PC|DC|DS|DI|DCI|PS|Det|Sgt|Insp)\.?\s+(?:\d+\s+)?[A-Z][a-z]+", flags=0),
    ),
    (
        "court",
        "DPA 2018 Sch 2 Part 1 para 5 (required by court order or enactment); deadline is the date "
        "in the order",
        rx(
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
            rf"\b{SELF}(?:court|clerk to the|legal adviser to the|family court)\b",
        ),
    ),
    (
        "police_investigation",
        "DPA 2018 Sch 2 Part 1 para 2 (crime); permits but does not oblige disclosure",
        rx(
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
        rx(
            r"\b(?:information commissioner'?s?(?: office)?|ico)\b(?: here)?[^.]{0,40}\b"
            r"(?:we are investigating|"
            r"we're investigating|our investigation|is investigating|investigating a complaint)\b",
        ),
    ),
    (
        "court_direction",
        "DPA 2018 Sch 2 Part 1 para 5 (required by court order); deadline is the date in the order",
        rx(
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
        rx(
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
        rx(
            rf"\b{SELF}(?:ofsted|his majesty's inspector|her majesty's inspector|hmi|lead inspector|"
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
        rx(
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
        rx(
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
        rx(
            r"\b(?:from|on behalf of|i am|we are|this is|as) (?:the )?(?:information commissioner|ico\b)",
            r"\binformation notice\b|\bsocial work england\b[^.;]{0,40}\bfitness to practise\b",
        ),
    ),
    (
        "safeguarding",
        "safeguarding partners: Children Act 2004 s.16H information request; per the request",
        rx(
            r"\bsafeguarding partners?\b|\blocal safeguarding (?:children )?partnership\b|\blscp\b",
            r"\bchild safeguarding practice review\b|\brapid review\b|\bs(?:ection|\.)? ?16h\b",
            r"\bchildren act 2004\b|\bmulti-agency safeguarding hub\b|\bmash\b",
            rf"\b{SELF}(?:social worker|team manager|practitioner|health visitor|school nurse|designated "
            r"safeguarding lead|dsl|headteacher|head teacher|gp|paediatrician|named nurse|designated nurse|"
            r"probation officer|youth offending|midwife)\b[^.;]{0,60}?\b(?:at|from|with|for|of)\b",
            r"\b(?:information|info) sharing request\b|\b(?:strategy (?:meeting|discussion)"
            r"|section 47 enquir\w+)"
            r" (?:is|was|has been|will be) (?:being )?(?:held|convened|planned|arranged)\b",
        ),
    ),
)
REQUESTER_STATUTORY = {
    "police": "police",
    "court": "court",
    "childrens_guardian": "childrens_guardian",
    "regulator": "regulator",
}
STATUTORY_BASIS = {kind: basis for kind, basis, _ in STATUTORY}
PERSONAL_CAPACITY = re.compile(r"\b(?:personal|private) capacity\b|\bas a private individual\b", re.I)



def statutory_route(norm: str, orig: str, ctx: Context) -> tuple[str, str] | None:
    """``(kind, trigger words)`` when a §1.4 statutory requester is making the request, else ``None``."""
    if ctx.requester_type in REQUESTER_STATUTORY:
        kind = REQUESTER_STATUTORY[ctx.requester_type]
        if kind == "regulator":
            for sub in ("regulator", "ombudsman", "ico", "coroner"):
                for k, _, patterns in STATUTORY:
                    if k == sub and find(patterns, norm, negatable=False):
                        return sub, f"requester type regulator; {find(patterns, norm, negatable=False)}"
        return kind, f"requester type {ctx.requester_type}"
    if PERSONAL_CAPACITY.search(norm):
        return None
    for kind, _, patterns in STATUTORY:
        for pattern in patterns:
            # Police ranks ("DC Smith") only make sense in the original case.
            m = pattern.search(orig) if not (pattern.flags & re.I) else pattern.search(norm)
            if m:
                return kind, m.group(0).strip(" ,.")
    return _agency_about_someone(norm, orig, ctx)


# Agencies named anywhere, for the fallback below.
AGENCY: tuple[tuple[str, re.Pattern], ...] = (
    ("police", re.compile(r"\b(?:police|constabulary|detective|cid)\b", re.I)),
    ("childrens_guardian", re.compile(r"\bcafcass\b|(?<!special )\bguardian\b", re.I)),
    ("regulator", re.compile(r"\bofsted\b|\binspectors?\b", re.I)),
    ("coroner", re.compile(r"\bcoroner'?s?\b", re.I)),
    ("ombudsman", re.compile(r"\bombudsman\b|\blgsco\b", re.I)),
    ("ico", re.compile(r"\binformation commissioner\b|\bico\b", re.I)),
    ("court", re.compile(r"\b(?:court|judge|hhj|tribunal)\b", re.I)),
)
# A specific person or family, as an agency names them ("the child", "Mr X", "the Holt children").
SOMEONE = re.compile(
    r"\b(?:the|this|these|that) (?:child|children|family|young person|subject|mother|father|parents?|"
    r"siblings|baby|boy|girl|suspect|victim|deceased|pupil|patient|individual|person)\b|"
    r"\b(?:mr|mrs|ms|miss|dr)\.? [a-z]+|"
    r"\b(?:her|his|their) (?:\w+ )?(?:address|records?|file|details|whereabouts)\b|\b(?:child|baby) [a-z]\b|"
    r"\bdob\b|\bnamed\b|\b[a-z]+ (?:children|family|siblings)\b|"
    r"\b(?:missing|named|vulnerable|looked after|unborn) (?:child|person|young person|girl|boy|teenager)\b",
    re.I,
)


def _agency_about_someone(norm: str, orig: str, ctx: Context) -> tuple[str, str] | None:
    """Fallback T-5 cue: an agency named, a specific person asked about, and nothing personal or general.

    Catches phrasings the self-identification patterns miss ("Westshire Police re the Holt children: ...")
    while leaving "the police told me to ask for my file" (personal) and "how many police referrals" (FOI)
    alone.
    """
    if ctx.journalist or ctx.third_party_desc or ctx.requester_type in ("member_of_public", "journalist"):
        return None
    if ctx.parent or ctx.care_leaver or ctx.subject_3p or ctx.solicitor or ctx.agent or ctx.adoption:
        return None
    blockers = (OWN, SAR_EXPLICIT, AGENT, CHILD_DATA, CHILD_LOOSE, REL_DATA, FOI_TOPIC, ENV, REVIEW)
    if any(find(p, norm) for p in blockers) or not SOMEONE.search(norm):
        return None
    for kind, pattern in AGENCY:
        m = pattern.search(norm)
        if m:
            return kind, f"{m.group(0)} ... {SOMEONE.search(norm).group(0)}"
    return None
