"""Decision rules as data: verdicts, named rules and the first-match evaluation the engine uses.

A :class:`Rule` is a named, documented condition that returns a :class:`Verdict` for one occurrence or
``None`` (does not apply). A rule table is an ordered tuple of rules; the first rule that applies
decides (presidio's recognizer registry for detection, this table for decisions). Rule names are
stable: tests cite them, and the cast and schedule explain decisions with them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any


class Verdict(IntEnum):
    """What to do with one occurrence of a detail.

    When one value occurs many times in a bundle, the highest verdict of its occurrences decides for all
    of them (a value shown to be the subject's own in one place is kept everywhere; a third party's is
    redacted everywhere).
    """

    KEEP = 1
    REDACT = 2
    KEEP_STRONG = 3
    REDACT_STRONG = 4
    KEEP_SUBJECT = 5
    HARM = 6
    KEEP_OWN = 7

    @property
    def keeps(self) -> bool:
        """The detail is disclosed."""
        return self in (Verdict.KEEP, Verdict.KEEP_STRONG, Verdict.KEEP_SUBJECT, Verdict.KEEP_OWN)


@dataclass(frozen=True)
class Rule:
    """One named decision rule.

    :param name: stable identifier (kebab-case), cited by tests.
    :param description: what the rule says, in a redactor's words, with the rulebook basis.
    :param applies: ``applies(occurrence) -> Verdict | None``.
    """

    name: str
    description: str
    applies: Callable[[Any], Verdict | None]


def first_verdict(rules: Sequence[Rule], occurrence: Any, default: Verdict) -> tuple[Verdict, str]:
    """The verdict of the first rule that applies, and its name; ``default`` (named "default") if none."""
    for rule in rules:
        verdict = rule.applies(occurrence)
        if verdict is not None:
            return verdict, rule.name
    return default, "default"
