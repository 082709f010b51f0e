"""Named cues: each is a :class:`~triage.cues.lexicon.Cue` with its rulebook rule, patterns, negation and reason."""
