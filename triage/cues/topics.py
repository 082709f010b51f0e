"""Topic cues: environmental information (T-2, EIR reg 2(1)) and general information (T-3)."""

from __future__ import annotations

import re

from triage.cues.lexicon import CHILD, cue, find

# T-2: environmental information, EIR reg 2(1).
ENV = cue(
    "env", "T-2 / EIR reg 2(1)", "environmental information",
    r"\bair (?:quality|pollution|monitoring|quality monitoring)\b|\bpollut(?:ion|ants?|ed|ing)\b",
    r"\bemissions?\b|\bcarbon\b|\bco2\b|\bnitrogen dioxide\b|\bno2\b|\bparticulates?\b|\bpm ?(?:2\.5|10)\b",
    r"\bnoise\b|\bnoisy\b|\bdecibels?\b|\bvibration\b|\bodou?rs?\b|\bsmells?\b|\bfumes?\b",
    r"\bcontaminat(?:ed|ion)\b|\basbestos\b|\bradon\b|\blegionella\b|\blead (?:paint|pipes?)\b"
    r"|\bpesticides?\b",
    r"\bherbicides?\b|\bglyphosate\b|\bweed ?killer\b",
    r"\bfloods?\b|\bflooding\b|\bflood risk\b|\bdrainage\b|\bsewage\b|\bsewers?\b"
    r"|\bwater (?:quality|supply|testing)\b",
    r"\bdrinking water\b|\brivers?\b",
    r"\bwaste\b(?! of)|\brecycling\b|\blandfill\b|\bfly-?tipping\b|\blitter(?:ing)?\b|\bbins? collections?\b",
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
    # Smoke in the air is an emission; tobacco smoke in a home is about a child's care, not the elements.
    r"(?<!cigarette )(?<!tobacco )(?<!second-hand )(?<!passive )\bsmoke\b(?! alarms?| detectors?)|"
    r"\bbonfires?\b|\bburning (?:waste|rubbish)\b|\bfouling\b|\bvermin\b|"
    r"\brats\b|\bpest control\b|\bknotweed\b|\binvasive species\b",
    r"\bland (?:next to|at|behind|adjacent|near|off|on|beside)\b|\bderelict\b|\bbrownfield\b|"
    r"\bvacant (?:land|site|plot)\b|\bplaygrounds?\b|\bresurfac\w*\b",
    r"\blead (?:testing|levels?|contamination)\b",
    r"\bgrounds maintenance\b",
    r"\bgreen (?:space|spaces|belt)\b|\bplaying fields?\b|\ballotments?\b|\bcontaminated land\b",
    # Soil as the element (reg 2(1)(a)), not "soil" in a figure of speech ("British soil").
    r"\bsoil (?:samples?|sampling|tests?|testing|surveys?|investigations?|quality|contamination|reports?|analysis)\b|"
    r"\b(?:contaminated|polluted) soil\b|\btopsoil\b",
    r"\b(?:sale|disposal|use) of (?:council |the )?land\b|\blight pollution\b|\bair conditioning\b",
    # Reg 2(1)(a) land, landscape, natural sites and (c) measures affecting them: trees and their
    # protection, planning and land-use decisions of every kind, and site investigations.
    r"(?<!family )(?<!decision )\btrees?\b(?!'s| (?:children's|centre|center|house|school|primary|academy|"
    r"nursery|close|lane|road|court|farm|lodge|hall|way|drive|avenue|street|park|surgery|ward|unit)\b)|\bprun(?:e|ed|ing)\b|\bhedge(?:s|rows?)\b|\bverges?\b",
    r"\bconservation areas?\b|\bpreservation orders?\b|\btpos?\b|\blisted buildings?\b",
    r"\blawful development\b|\bcertificates? of lawfulness\b|\bprior approval\b|\bpermitted development\b|"
    r"\bplanning (?:conditions?|obligations?|agreements?|applications?)\b|\bsection 106\b|\bs106\b|"
    r"\bhardstanding\b|\bunauthorised (?:development|building|extension|use)\b",
    r"\bremediat(?:ed|ion|e|ing)\b|\b(?:ground|site) investigations?\b|\becolog\w*\b|\bbat (?:roosts?|surveys?)\b",
    # Reg 2(1)(b) substances and (c) measures: winter gritting spreads salt on land and into water; air
    # quality is measured by diffusion tubes.
    r"\bgrit(?:ting|ted|ters?)\b|\bgrit(?:ting)? bins?\b|\broad salt\b|\bsalt (?:spread|bins?|stocks?)\b|\bde-?icing\b",
    r"\bdiffusion tubes?\b|\bair (?:monitors?|monitoring stations?)\b",
)
# T-3: general information the council holds (aggregate, policy, money, organisation).
FOI_TOPIC = cue(
    "foi_topic", "T-3", "information held by the council",
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
FOI_WEAK = cue(
    "foi_weak", "T-3", "a question about the council",
    r"\b(?:council|authority|department|directorate|service|services|team|panel|board|staff|officers?|"
    r"director|managers?|government|dfe|provider|providers|home|homes|school|schools|contractors?|"
    r"councillors?|members)\b",
)
PERSONAL_REF = re.compile(
    rf"\b(?:me|my|myself|i was|i am|his|her|him|their|them|our|us|{CHILD})\b", re.I
)

# FOI cue words that name no subject of their own: an amount, a count, a period, the council's papers.
# Beside an environmental subject (or pointing back at one) they ask about that subject (T-2 mixed
# requests are split only where the requester asks for different things).
GENERIC_FOI = re.compile(
    r"\b(?:how many|how much|numbers? of|statistics?|stats|figures?|breakdown|totals?|percentage|proportion|"
    r"average|per (?:year|annum|month)|each of the|in (?:each of )?the (?:last|past) (?:\w+ )?(?:years?|months?)|"
    r"financial years?|costs?|spend|spent|spending|expenditure|budgets?|paid|the council's|your council's|"
    r"the (?:local )?authority's|(?:correspondence|e-?mails?|letters?|communications?) between (?:the council|"
    r"your|the department|officers)|minutes|invoices?)\b"
)
# Pointing back at an earlier clause's subject: "of these", "the above", "the same period", "these trees".
BACK_REFERENCE = re.compile(
    r"\b(?:of (?:these|those|them)|the above|for the above|above (?:\w+ )?(?:figures|complaints|cases|"
    r"applications|orders)|the same (?:period|years?|months?|time|dates?|figures|information)|these|those|"
    r"such|the (?:\d{4}(?:/\d{2,4})? )?(?:figures|numbers|data|information|breakdown) (?:as well|too|also)|"
    r"as well|likewise|similarly)\b"
)


def generic_foi(norm: str) -> bool:
    """Whether every FOI cue in ``norm`` is generic (an amount, count or period with no subject of its own)."""
    return find(FOI_TOPIC, norm) is not None and find(FOI_TOPIC, GENERIC_FOI.sub(" ", norm)) is None

