"""Retention and disposal of finished request files (issue 18): the schedule, the dry run, holds, disposal."""

from sar.retention.disposal import (
    TOMBSTONE,
    DueItem,
    dispose,
    dispose_due,
    lift_hold,
    place_hold,
    review,
    weekly_review,
)
from sar.retention.schedule import Schedule, load_schedule

__all__ = ["TOMBSTONE", "DueItem", "Schedule", "dispose", "dispose_due", "lift_hold", "load_schedule",
           "place_hold", "review", "weekly_review"]
