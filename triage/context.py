"""Whole-request context: who is asking and what the request as a whole mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from triage.cues.lexicon import find
from triage.cues.personal import DECEASED, DECEASED_REL, RECIPIENT_ME, RIGHTS_SUBJECT, THIRD_PARTY_DESC
from triage.cues.requester import (
    ADOPTION,
    AGENT,
    CARE_LEAVER,
    CHILD_AGE,
    JOURNALIST,
    PARENT_SELF,
    SOLICITOR,
    SUBJECT_3P,
    VEXATIOUS,
)
from triage.cues.requests import REQUEST_CONTEXT
from triage.cues.rights import INACCURATE
from triage.cues.topics import ENV


@dataclass(frozen=True)
class Context:
    """Facts about the whole request: who is asking, what it mentions anywhere (each a quote or None)."""

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
    #: The requester speaks of themselves, a child or a client anywhere in the request (rights need a subject).
    data_subject_named: bool = False
    #: The requester says something in their data is wrong, anywhere in the request (quote or None).
    inaccuracy: str | None = None


def build_context(norm: str, requester_type: str | None) -> Context:
    """The :class:`Context` of a whole request from its matching form and the given requester type."""
    rels = frozenset(
        next(g for g in m.groups() if g).lower().rstrip("s") for m in DECEASED_REL.finditer(norm)
    )
    age = CHILD_AGE.search(norm)
    return Context(
        requester_type=requester_type,
        journalist=find(JOURNALIST, norm) or ("requester type journalist" if requester_type == "journalist"
                                                else None),
        solicitor=find(SOLICITOR, norm) or ("requester type solicitor" if requester_type == "solicitor"
                                              else None),
        agent=find(AGENT, norm),
        parent=find(PARENT_SELF, norm) or ("requester type parent" if requester_type == "parent" else None),
        care_leaver=find(CARE_LEAVER, norm),
        adoption=find(ADOPTION, norm),
        deceased=find(DECEASED, norm, negatable=False),
        deceased_rels=rels,
        subject_3p=find(SUBJECT_3P, norm, negatable=False),
        child_requester=age.group(0).strip() if age else None,
        third_party_desc=find(THIRD_PARTY_DESC, norm, negatable=False),
        foia_mentioned=" foia " in norm,
        eir_mentioned=" eir " in norm,
        env_anywhere=find(ENV, norm) is not None,
        vexatious=find(VEXATIOUS, norm, negatable=False),
        has_dob=bool(re.search(r"\bdob\b|\bdate of birth\b|\bborn (?:on|in)\b", norm)),
        request_context=bool(REQUEST_CONTEXT.search(norm)),
        data_subject_named=bool(RIGHTS_SUBJECT.search(RECIPIENT_ME.sub(" ", norm))),
        inaccuracy=find(INACCURATE, norm),
    )
