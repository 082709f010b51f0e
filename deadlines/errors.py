"""The one exception the statutory clock raises."""

from __future__ import annotations


class DeadlineError(ValueError):
    """An input the clock cannot compute: unknown regime or event kind, or an impossible event order.

    The message is always one line so that the CLI and the web layer can show it as-is.
    """
