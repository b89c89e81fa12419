"""What the scheduler returns: plain frozen dataclasses (cheap enough for 320,000
meetings), built only by the scheduler and read by the renderers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import datetime

from klplan.core.errors import Where
from klplan.core.models import Cadence, MeetingMoment, Module, Slot, Term
from klplan.core.weeks import IsoWeek


@dataclass(frozen=True, slots=True)
class DayOff:
    """Why a day (or a whole week, for a given meeting weekday) has no meeting."""

    code: str  # a ClosureKind value, or "outside_term"
    name: str | None = None  # the red day's or closed day's own name


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting: moment B (kollegialt arbete) or D (gemensam uppföljning) of a part."""

    module_id: str
    part: int
    moment: MeetingMoment
    week: IsoWeek
    date: dt.date
    start: datetime
    end: datetime
    term: Term
    # The weeks in which the moment due before this meeting is done: A (individual
    # preparation) before B, C (the activity in ordinary teaching) before D.
    prep_weeks: tuple[IsoWeek, ...]
    # Set when the slot's weekday was not a school day and the meeting moved later
    # in the same week.
    moved_from: dt.date | None = None
    moved_because: DayOff | None = None

    @property
    def prep_moment(self) -> str:
        return "A" if self.moment == "B" else "C"


@dataclass(frozen=True, slots=True)
class ClosedWeek:
    week: IsoWeek
    reason: DayOff


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning for the user: message key and parameters (rendered by the CLI)."""

    key: str
    params: dict[str, object] = field(default_factory=dict)
    where: Where | None = None  # the file position (and key) it is about, if any


# What a module plan is made of, by value: the module's id (a run's modules are one
# catalogue), its cadence, slot (and the fold of its time, which is not part of a
# time's equality but is part of the meetings' times), start and spring start. With
# the run's calendar it determines the plan, so a run keys what it keeps per plan on
# it (shared plans, leader bookings, budget tallies) rather than on object identity.
PlanKey = tuple[str, Cadence, Slot, int, IsoWeek, IsoWeek | None]


def plan_key(
    module: Module, cadence: Cadence, slot: Slot, start: IsoWeek, spring_start: IsoWeek | None
) -> PlanKey:
    return module.id, cadence, slot, slot.time.fold, start, spring_start


@dataclass(frozen=True, slots=True)
class ModulePlan:
    module: Module
    cadence: Cadence
    slot: Slot
    meetings: tuple[Meeting, ...]
    closed_weeks: tuple[ClosedWeek, ...]
    notices: tuple[Notice, ...] = ()
    # What the scheduler made it of (None for a plan built by hand): see PlanKey.
    key: PlanKey | None = field(default=None, compare=False)

    @property
    def first_week(self) -> IsoWeek:
        return self.meetings[0].week

    @property
    def last_week(self) -> IsoWeek:
        return self.meetings[-1].week

    def part_meetings(self, part: int) -> tuple[Meeting, Meeting]:
        b, d = (m for m in self.meetings if m.part == part)
        return b, d
