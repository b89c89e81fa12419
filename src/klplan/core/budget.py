"""Time budgets: what a plan asks of each participant and each leader.

Participants (per module): the planned time of moments A, B and D over all parts,
A at the material's own estimate (the module's ``moments`` minutes, a range), B and
D as booked, against the module's ``hours``: Skolverket's minimum for A, B and D
("utöver de 30 timmarna ska undervisningsaktiviteterna genomföras"), which excludes
C (the activity in ordinary teaching; for skolledning, the leader's own actions).

Leaders: every meeting led, plus preparation equal to the meeting's length
(``PREPARATION_FACTOR``), plus check-ins with the principal (no preparation), per
school week from the leader's first to last booking (weeks with at least one school
day), and the busiest single ISO week; as a share of a full-time post
(``FULL_TIME_WEEKLY_HOURS``) beside the post the plan gives the leader and the post
Skolverket's programmes gave for as many participants (``RESOURCED_POSTS``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from klplan.core.booked import planned_minutes
from klplan.core.plan import ModulePlan, PlanKey
from klplan.core.weeks import IsoWeek

if TYPE_CHECKING:
    from klplan.core.outcome import ScheduleOutcome

# Preparation a leader needs per meeting, as a share of the meeting's length.
PREPARATION_FACTOR = 1.0

# A full-time post's weekly hours: the 40-hour week of the Working Hours Act
# (arbetstidslagen, SFS 1982:673, 5 §), to which collective agreements on working time
# also come to on average. A leader's share of a post is their weekly hours over this.
FULL_TIME_WEEKLY_HOURS = 40

# Leader resourcing in Skolverket's state-funded programmes: up to this many
# participants per leader, this share (percent) of a full-time post (6–10 at 10 %,
# 12–20 at 20 %).
RESOURCED_POSTS = ((10, 10), (20, 20))


def resourced_post(participants: int) -> int | None:
    """The share of a post (percent) the programmes gave a leader of this many
    participants; None beyond their largest (more than 20)."""
    for most, percent in RESOURCED_POSTS:
        if participants <= most:
            return percent
    return None


@dataclass(frozen=True, slots=True)
class ParticipantBudget:
    """One participant's planned time for one module."""

    group: str
    module_id: str
    module_title: str
    parts: int
    meeting_minutes: int  # B as booked
    follow_up_minutes: int  # D as booked
    planned_minutes: tuple[int, int]  # (low, high): A + B + D over all parts
    estimate_hours: float | None  # the module's minimum for A + B + D (Skolverket's)

    @property
    def planned_hours(self) -> tuple[float, float]:
        return self.planned_minutes[0] / 60, self.planned_minutes[1] / 60

    @property
    def below_minimum(self) -> bool:
        """Booked A + B + D (A at its lower estimate) short of the module's hours."""
        return self.estimate_hours is not None and self.planned_minutes[0] < (
            self.estimate_hours * 60
        )


def participant_budget(group: str, plan: ModulePlan) -> ParticipantBudget:
    m = plan.module
    return ParticipantBudget(
        group=group,
        module_id=m.id,
        module_title=m.title,
        parts=m.parts,
        meeting_minutes=plan.slot.minutes("B"),
        follow_up_minutes=plan.slot.minutes("D"),
        planned_minutes=planned_minutes(plan),
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
    participants: int = 0  # in the leader's groups
    post_percent: int | None = None  # the share of a post the plan gives the leader

    @property
    def post_share(self) -> float:
        """Average weekly hours as a share of a full-time post (0.1 = 10 %)."""
        return self.hours_per_week / FULL_TIME_WEEKLY_HOURS

    @property
    def resourced_percent(self) -> int | None:
        """The post Skolverket's programmes gave for this many participants."""
        return resourced_post(self.participants) if self.participants else None

    @property
    def over_post(self) -> bool:
        """More weekly hours than the post the plan gives the leader allows."""
        return self.post_percent is not None and self.post_share * 100 > self.post_percent

    @property
    def total_minutes(self) -> int:
        return self.meeting_minutes + self.preparation_minutes + self.checkin_minutes

    @property
    def meetings_per_week(self) -> float:
        return self.meetings / self.school_weeks if self.school_weeks else 0.0

    @property
    def hours_per_week(self) -> float:
        return self.total_minutes / 60 / self.school_weeks if self.school_weeks else 0.0


class LoadTally:
    """A leader's bookings added up: meetings with their preparation, and check-ins,
    each under its ISO week. Tallies add up, so a module plan that many groups share
    is tallied once and added to each of their leaders' tallies; the busiest week is
    found at the end, in one count over all the leader's weeks."""

    __slots__ = (
        "checkin_minutes",
        "checkin_weeks",
        "checkins",
        "loads",
        "meeting_minutes",
        "preparation_minutes",
        "weeks",
    )

    def __init__(self) -> None:
        # Weeks are kept as ``year * 100 + week``: an int hashes in C (IsoWeek's hash
        # is Python code), and only the busiest week's totals are reported.
        self.weeks: list[int] = []  # each meeting's week
        self.loads: list[int] = []  # each meeting's minutes with its preparation
        self.checkin_weeks: list[tuple[int, int]] = []  # (week, minutes) of each check-in
        self.meeting_minutes = 0
        self.preparation_minutes = 0
        self.checkins = 0
        self.checkin_minutes = 0

    def add_meetings(self, meetings: Iterable[tuple[IsoWeek, int]]) -> None:
        """``meetings``: (week, minutes) of each meeting."""
        for week, minutes in meetings:
            preparation = round(minutes * PREPARATION_FACTOR)
            self.weeks.append(week.year * 100 + week.week)
            self.loads.append(minutes + preparation)
            self.meeting_minutes += minutes
            self.preparation_minutes += preparation

    def add_checkins(self, checkins: Iterable[tuple[IsoWeek, int]]) -> None:
        """``checkins``: (week, minutes) of each check-in (no preparation)."""
        for week, minutes in checkins:
            self.checkin_weeks.append((week.year * 100 + week.week, minutes))
            self.checkins += 1
            self.checkin_minutes += minutes

    def add(self, other: LoadTally) -> None:
        self.weeks += other.weeks
        self.loads += other.loads
        self.checkin_weeks += other.checkin_weeks
        self.meeting_minutes += other.meeting_minutes
        self.preparation_minutes += other.preparation_minutes
        self.checkins += other.checkins
        self.checkin_minutes += other.checkin_minutes

    def budget(
        self,
        leader: str,
        groups: Sequence[str],
        school_weeks: int,
        participants: int = 0,
        post_percent: int | None = None,
    ) -> LeaderBudget:
        count = Counter(self.weeks)  # meetings per week
        per_week: dict[int, int]  # minutes per week: meetings, preparation, check-ins
        loads = set(self.loads)
        if len(loads) == 1:  # meetings of one length, as a leader's usually are
            (load,) = loads
            per_week = {week: n * load for week, n in count.items()}
        else:
            per_week = {}
            for week, load in zip(self.weeks, self.loads, strict=True):
                per_week[week] = per_week.get(week, 0) + load
        for week, minutes in self.checkin_weeks:
            per_week[week] = per_week.get(week, 0) + minutes
        return LeaderBudget(
            leader=leader,
            groups=tuple(groups),
            meetings=len(self.weeks),
            checkins=self.checkins,
            school_weeks=school_weeks,
            meeting_minutes=self.meeting_minutes,
            preparation_minutes=self.preparation_minutes,
            checkin_minutes=self.checkin_minutes,
            peak_meetings=max(count.values(), default=0),
            peak_minutes=max(per_week.values(), default=0),
            participants=participants,
            post_percent=post_percent,
        )


def leader_budget(
    leader: str,
    groups: Sequence[str],
    meetings: Sequence[tuple[IsoWeek, int]],
    checkins: Sequence[tuple[IsoWeek, int]],
    school_weeks: int,
) -> LeaderBudget:
    """``meetings`` and ``checkins`` are (week, minutes) of each booking."""
    tally = LoadTally()
    tally.add_meetings(meetings)
    tally.add_checkins(checkins)
    return tally.budget(leader, groups, school_weeks)


@dataclass(frozen=True, slots=True)
class Budgets:
    """A plan's time budgets: per participant and module, and per leader."""

    participants: tuple[ParticipantBudget, ...]
    leaders: tuple[LeaderBudget, ...]


def outcome_budgets(outcome: ScheduleOutcome) -> Budgets:
    """The budgets of everything a run scheduled (read them as
    ``ScheduleOutcome.budgets``, which computes them once)."""
    from klplan.core.scheduler import SchoolWeeks

    participants = tuple(participant_budget(g.id, p) for g in outcome.groups for p in g.plans)
    school_days = SchoolWeeks(outcome.calendar, 0)  # open on Monday = any school day
    leaders: list[LeaderBudget] = []
    groups_of = outcome.groups_by_leader()
    checkins_of = outcome.checkins_by_leader()
    # Each module plan's meetings are tallied once, however many groups share the plan
    # (keyed on what the plan is made of; a plan built by hand has no key).
    tallies: dict[PlanKey, LoadTally] = {}
    spans: dict[tuple[int, int], int] = {}
    for leader in outcome.leaders:
        groups = groups_of[leader.id]
        tally = LoadTally()
        for g in groups:
            for p in g.plans:
                found = tallies.get(p.key) if p.key is not None else None
                if found is None:
                    found = LoadTally()
                    found.add_meetings(
                        (m.week, int((m.end - m.start).total_seconds()) // 60) for m in p.meetings
                    )
                    if p.key is not None:
                        tallies[p.key] = found
                tally.add(found)
        tally.add_checkins(
            (c.week, int((c.end - c.start).total_seconds()) // 60) for c in checkins_of[leader.id]
        )
        # School weeks from the leader's first booking's week to the last's.
        weeks = [*tally.weeks, *(w for w, _ in tally.checkin_weeks)]
        span = 0
        if weeks:
            ends = min(weeks), max(weeks)  # as year * 100 + week
            span = spans.get(ends, -1)
            if span < 0:
                first, last = (IsoWeek(w // 100, w % 100) for w in ends)
                span = spans[ends] = school_days.index_from(last + 1) - school_days.index_from(
                    first
                )
        leaders.append(
            tally.budget(
                leader.id,
                [g.id for g in groups],
                span,
                sum(g.participants or 0 for g in groups),
                leader.post_percent,
            )
        )
    return Budgets(participants, tuple(leaders))
