"""The cast of a bundle: who is who, with the evidence, as input (confirmed facts) and as output.

A redactor first works out who is who across the whole bundle, then applies it everywhere. The engine
does the same in :class:`redaction.names.PeopleIndex`; this module is its seam with the outside:

* **input** — a *confirmed cast* from the case record (people, roles, aliases, known third parties).
  :func:`parse_cast` validates it (JSON-ready data, e.g. the ``sar redact --cast FILE`` file) and
  :func:`apply_cast` folds it into a :class:`~redaction.context.RedactionContext`; confirmed facts
  win, the engine only fills the gaps.
* **output** — :func:`describe_cast` lists every person the bundle mentions with their status
  (``subject``, ``professional``, ``third_party``, ``disclosed`` or ``unresolved``), the forms their name
  takes, the evidence for the status and where they are mentioned. A person the engine could not place
  (no role, relationship or directory entry anywhere in the bundle) is ``unresolved``: their name is
  still proposed for redaction (fail closed) and the officer sees the doubt.

Cast file format (JSON)::

    {"people": [
        {"name": "<full name>", "role": "subject" | "professional" | "third_party" | "disclosed",
         "aliases": ["<other name>", ...], "relationship": "<mother, GP, ...>", "org": "<agency>"}
    ]}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from redaction.context import KnownParty, RedactionContext, StaffMember
from redaction.detectors.uk import RELATIONSHIPS
from redaction.name_rules import ROLE_PATTERN
from redaction.names import DISCLOSED, PROFESSIONAL, SUBJECT, THIRD_PARTY, PeopleIndex, Person

ROLES = (SUBJECT, PROFESSIONAL, THIRD_PARTY, DISCLOSED)
UNRESOLVED = "unresolved"

_RELATION_NEAR = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(r) for r in sorted(RELATIONSHIPS, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)

# Rule ``recorded-professional-role``: a relationship or capacity recorded on the case for a person
# ("social worker", "the family's GP", "Senior practitioner") that is a job title of the role lexicon,
# and nothing else, makes them a professional acting in role (DPA 2018 Sch 2 para 17). Family and
# caring roles are absent from that lexicon, so "mother" or "foster carer" never match.
_RECORDED_ROLE = re.compile(r"(?:(?:the|a|an|her|his|their|[A-Za-z][\w-]*['\u2019]s)\s+)*" + ROLE_PATTERN + r"\.?",
                            re.IGNORECASE)


def is_professional_role(recorded: str | None) -> bool:
    """Whether ``recorded`` (a relationship or capacity written on the case record) is only a job title."""
    return bool(recorded) and _RECORDED_ROLE.fullmatch(" ".join(recorded.split())) is not None


@dataclass(frozen=True)
class CastMember:
    """One confirmed person: their name, role in the request and other names."""

    name: str
    role: str
    aliases: tuple[str, ...] = ()
    relationship: str = ""
    org: str | None = None


def parse_cast(data: Any) -> tuple[CastMember, ...]:
    """Validate a confirmed cast (parsed JSON) and return its members.

    :raises ValueError: naming the entry and field at fault, on any malformed input.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("people"), list):
        raise ValueError('a cast is a JSON object with a "people" list')
    out = []
    for i, item in enumerate(data["people"]):
        where = f"people[{i}]"
        if not isinstance(item, Mapping):
            raise ValueError(f"{where} must be an object")
        name, role = item.get("name"), item.get("role")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{where}.name must be a non-empty string")
        if role not in ROLES:
            raise ValueError(f"{where}.role must be one of {', '.join(ROLES)}, got {role!r}")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ValueError(f"{where}.aliases must be a list of non-empty strings")
        relationship = item.get("relationship", "")
        org = item.get("org")
        if not isinstance(relationship, str) or (org is not None and not isinstance(org, str)):
            raise ValueError(f"{where}.relationship and .org must be strings")
        out.append(CastMember(" ".join(name.split()), role, tuple(" ".join(a.split()) for a in aliases),
                              relationship.strip(), org))
    if sum(m.role == SUBJECT for m in out) > 1:
        raise ValueError("a cast has at most one person with role 'subject'")
    return tuple(out)


def apply_cast(context: RedactionContext, cast: Sequence[CastMember]) -> RedactionContext:
    """``context`` with the confirmed cast folded in (confirmed facts win).

    The subject's aliases are added to the subject; professionals join the staff directory; third
    parties and disclosed parties become known parties, one per written name (full name and aliases).
    A cast subject whose name differs from the context's is added as an alias.
    """
    subject = context.subject
    staff = list(context.staff)
    parties = list(context.parties)
    for m in cast:
        if m.role == SUBJECT:
            extra = tuple(n for n in (m.name, *m.aliases) if n.casefold() not in {s.casefold() for s in subject.names})
            subject = replace(subject, aliases=subject.aliases + extra)
        elif m.role == PROFESSIONAL:
            staff.extend(StaffMember(n, m.relationship or "professional (confirmed)", m.org) for n in (m.name,
                                                                                                         *m.aliases))
        else:
            decision = "disclose" if m.role == DISCLOSED else "redact"
            parties.extend(KnownParty(n, m.relationship, decision) for n in (m.name, *m.aliases))
    return replace(context, subject=subject, staff=tuple(staff), parties=tuple(parties))


def _status(person: Person, texts: Mapping[tuple[int, int], str]) -> tuple[str, list[str]]:
    evidence = list(dict.fromkeys(person.evidence))
    if person.kind != THIRD_PARTY:
        return person.kind, evidence
    evidence.extend(dict.fromkeys(person.family))
    for m in person.mentions:
        text = texts.get((m.doc, m.page), "")
        ls = text.rfind("\n", 0, m.start) + 1
        le = text.find("\n", m.end)
        line = text[ls : le if le >= 0 else len(text)]
        rel = _RELATION_NEAR.search(line)
        if rel:
            evidence.append(f"relationship on the same line: {rel.group().lower()}")
            break
    if person.foster:
        evidence.append("named as a carer or adopter")
    return (THIRD_PARTY if evidence else UNRESOLVED), evidence


def describe_cast(
    people: PeopleIndex, texts: Mapping[tuple[int, int], str], doc_names: Sequence[str]
) -> list[dict[str, Any]]:
    """Every person of the bundle as JSON-ready data, subject first, then by status and name.

    :param texts: page text by ``(document number, page index)``, as the mentions were found.
    :param doc_names: document names by document number.
    :returns: ``[{"name", "status", "forms", "evidence", "mentions": [{"document", "page", "text"}]}]``;
        ``status`` is ``unresolved`` for a third party with no evidence of who they are.
    """
    out = []
    order = {SUBJECT: 0, PROFESSIONAL: 1, DISCLOSED: 2, THIRD_PARTY: 3, UNRESOLVED: 4}
    for person in people.persons.values():
        if not person.mentions and person.kind != SUBJECT:
            continue
        status, evidence = _status(person, texts)
        forms = sorted({" ".join(m.tokens) for m in person.mentions} | {person.display})
        mentions = [
            {"document": doc_names[m.doc], "page": m.page + 1,
             "text": " ".join(texts.get((m.doc, m.page), "")[m.start : m.end].split())}
            for m in person.mentions[:50]
        ]
        out.append({"name": person.display, "status": status, "forms": forms, "evidence": evidence,
                    "mentions": mentions})
    out.sort(key=lambda p: (order[p["status"]], p["name"].casefold()))
    return out
