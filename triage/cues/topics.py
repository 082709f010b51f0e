"""Topic cues: environmental information (T-2, EIR reg 2(1)) and general information (T-3)."""

from __future__ import annotations

import re

from triage.cues.lexicon import CHILD, cue

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
