"""The public FOI/EIR disclosure log (issue 18): prepare with a PII re-scan, manager approval, publish, withdraw."""

from sar.disclosure.log import (
    DISCLOSABLE_REGIMES,
    PublicPage,
    prepare_entry,
    public_entries,
    public_entry,
    publish_entry,
    staff_entries,
    withdraw_entry,
)

__all__ = ["DISCLOSABLE_REGIMES", "PublicPage", "prepare_entry", "public_entries", "public_entry", "publish_entry",
           "staff_entries", "withdraw_entry"]
