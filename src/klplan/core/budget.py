"""Time budgets: what a plan asks of each participant and each leader.

Participants (per module): the planned time of moments A, B and D over all parts,
A and D at the material's own estimate (the module's ``moments`` minutes, a range)
and B at the group's meeting length, against the module's ``hours`` estimate
(Skolverket's, which also counts C; C is done in ordinary teaching and not planned).

Leaders: every meeting led, plus preparation equal to the meeting's length
(``PREPARATION_FACTOR``), plus check-ins with the principal (no preparation), per
school week from the leader's first to last booking (weeks with at least one school
day), and the busiest single ISO week.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from klplan.core.plan import ModulePlan
from klplan.core.weeks import IsoWeek

# Preparation a leader needs per meeting, as a share of the meeting's length.
PREPARATION_FACTOR = 1.0


@dataclass(frozen=True, slots=True)
class ParticipantBudget:
    """One participant's planned time for one module."""

    group: str
    module_id: str
    module_title: str
    parts: int
    meeting_minutes: int  # B at the slot's length
    planned_minutes: tuple[int, int]  # (low, high): A + B + D over all parts
    estimate_hours: float | None  # the module's own estimate (Skolverket's), if known

    @property
    def planned_hours(self) -> tuple[float, float]:
        return self.planned_minutes[0] / 60, self.planned_minutes[1] / 60


def participant_budget(group: str, plan: ModulePlan) -> ParticipantBudget:
    m = plan.module
    a = m.moments["A"].minutes or (0, 0)
    d = m.moments["D"].minutes or (0, 0)
    b = plan.slot.duration_minutes
    return ParticipantBudget(
        group=group,
        module_id=m.id,
        module_title=m.title,
        parts=m.parts,
        meeting_minutes=b,
        planned_minutes=(m.parts * (a[0] + b + d[0]), m.parts * (a[1] + b + d[1])),
        estimate_hours=m.hours,
    )


@dataclass(frozen=True, slots=True)
class LeaderBudget:
    """A leader's load over the plan."""

    leader: str
    groups: tuple[str, ...]
    meetings: int
    checkins: int
    school_weeks: int  # from the first to the last booking, both included
    meeting_minutes: int
    preparation_minutes: int
    checkin_minutes: int
    peak_meetings: int  # most meetings in one ISO week
    peak_minutes: int  # most minutes (meetings, preparation, check-ins) in one ISO week

    @property
    def total_minutes(self) -> int:
        return self.meeting_minutes + self.preparation_minutes + self.checkin_minutes

    @property
    def meetings_per_week(self) -> float:
        return self.meetings / self.school_weeks if self.school_weeks else 0.0

    @property
    def hours_per_week(self) -> float:
        return self.total_minutes / 60 / self.school_weeks if self.school_weeks else 0.0


def leader_budget(
    leader: str,
    groups: Sequence[str],
    meetings: Sequence[tuple[IsoWeek, int]],
    checkins: Sequence[tuple[IsoWeek, int]],
    school_weeks: int,
) -> LeaderBudget:
    """``meetings`` and ``checkins`` are (week, minutes) of each booking."""
    # Weeks are counted under ``year * 100 + week``: only the busiest week's totals
    # are kept, and an int key hashes in C (IsoWeek's hash is Python code).
    per_week: Counter[int] = Counter()
    count: Counter[int] = Counter()
    for week, minutes in meetings:
        key = week.year * 100 + week.week
        per_week[key] += minutes + round(minutes * PREPARATION_FACTOR)
        count[key] += 1
    for week, minutes in checkins:
        per_week[week.year * 100 + week.week] += minutes
    meeting_minutes = sum(m for _, m in meetings)
    return LeaderBudget(
        leader=leader,
        groups=tuple(groups),
        meetings=len(meetings),
        checkins=len(checkins),
        school_weeks=school_weeks,
        meeting_minutes=meeting_minutes,
        preparation_minutes=sum(round(m * PREPARATION_FACTOR) for _, m in meetings),
        checkin_minutes=sum(m for _, m in checkins),
        peak_meetings=max(count.values(), default=0),
        peak_minutes=max(per_week.values(), default=0),
    )
