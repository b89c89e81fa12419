"""Where groups meet when their plan does not say: a room and a video link for every
group that has no place of its own."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klplan.core.outcome import ScheduleOutcome


def with_meeting_place(
    outcome: ScheduleOutcome, location: str | None, video_url: str | None
) -> ScheduleOutcome:
    """``outcome`` with ``location`` and ``video_url`` for every group that has none of
    its own (a group's own place wins); the same outcome when both are None."""
    if not (location or video_url):
        return outcome
    groups = tuple(
        replace(g, location=g.location or location, video_url=g.video_url or video_url)
        for g in outcome.groups
    )
    return replace(outcome, groups=groups)
