"""Request triage: decide which access regimes a request engages and split it into parts (rulebook §2).

Implements rulebook §2 (T-0..T-7) and the third-party routes of §1.4. The package is pure (stdlib only): it
reads the words of a request and an optional requester type and never touches a database.

Contract:
- :func:`triage` returns a :class:`TriageResult` with at least one :class:`TriagePart`. Each part has one
  regime from :data:`REGIMES`, the reasons that put it there (every reason names the rule and quotes the
  words that triggered it), the excerpt of the request it covers, the checks a caseworker must make before
  the clock is trusted (identity, authority, parental responsibility, ...), a confidence and a ``check``
  flag set when the decision rests on weak evidence.
- Parts follow the order of the text; adjacent clauses of the same regime are merged into one part.
- Repeat or vexatious cues add the ``flag_vexatious_review`` check to every part and never change a regime
  (T-7: flag for human decision, never auto-refuse).
- The result is advice for a human triager, not a decision: the rules are named cues and pattern rules,
  chosen for breadth, so unusual phrasings can be misrouted and the caseworker can override any part.

Layout, by concern: :mod:`.boilerplate` (footers, greetings, signatures, quoted mail blanked),
:mod:`.normalise` (matching form, safe typo repair), :mod:`.cues` (named cues), :mod:`.statutory` (T-5
routes), :mod:`.reviews` (review requests, decided for the whole request and linked to the original),
:mod:`.context` (who is asking), :mod:`.rules` (a clause's regime), :mod:`.splitting` (clauses),
:mod:`.assembly` (the request first, then one part per regime).
"""

from triage.assembly import triage
from triage.model import CHECKS, REGIMES, REQUESTER_TYPES, TriagePart, TriageResult

__all__ = ["CHECKS", "REGIMES", "REQUESTER_TYPES", "TriagePart", "TriageResult", "triage"]
