"""What a use case returns: the result types every renderer reads. Plain frozen
dataclasses, built by ``klplan.app`` and never changed afterwards."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from klplan.core.models import SchoolCalendar
from klplan.core.plan import Meeting, ModulePlan, Notice
from klplan.core.video import VideoMeetings
from klplan.core.weeks import IsoWeek

# Budgets are computed where they are asked for: the default ``klplan schedule``
# (one group) never needs them, and defining their classes is part of its start.
if TYPE_CHECKING:
    from klplan.core.budget import Budgets


@dataclass(frozen=True)
class Leader:
    """A leader (handledare / ledare för kollegialt lärande)."""

    id: str
    name: str | None = None
    email: str | None = None
    post_percent: int | None = None  # the share of a full-time post the plan gives them


@dataclass(frozen=True)
class GroupPlan:
    """One group's schedule: its modules in order (usually one), and where it meets."""

    id: str
    plans: tuple[ModulePlan, ...]
    name: str | None = None
    leader: str | None = None  # a Leader id
    participants: int | None = None
    location: str | None = None
    video_url: str | None = None
    sequence: str | None = None  # per_term or back_to_back (plans with several modules)
    invitees: tuple[tuple[str, str], ...] = ()  # (e-mail, name): participants to invite
    video: VideoMeetings | None = None  # the meetings by video (None: all, with video_url)
    school: str | None = None  # the id of its school (a plan's schools), if any
    school_name: str | None = None  # that school's name

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        return tuple(m for p in self.plans for m in p.meetings)


@dataclass(frozen=True)
class CheckIn:
    """A recurring principal–leader check-in (avstämning), scheduled like a meeting."""

    leader: str  # a Leader id
    week: IsoWeek
    date: date
    start: datetime
    end: datetime
    sequence_no: int  # 1, 2, ... in order; part of the stable identity
    location: str | None = None


@dataclass(frozen=True)
class PlanMeta:
    """Where a plan-file run came from: the plan's id and name, and whom it is for."""

    id: str
    name: str
    school: str | None = None
    municipality: str | None = None
    uid_domain: str | None = None  # plan.uid_domain: the right-hand side of its UIDs
    principal: str | None = None  # the school's principal (rektor), by name
    principal_email: str | None = None  # ORGANIZER of check-ins sent as invitations


@dataclass(frozen=True)
class ScheduleOutcome:
    """Everything one run scheduled, for the renderers. ``plan_id`` names the plan or
    school in stable identities (calendar UIDs)."""

    groups: tuple[GroupPlan, ...]
    calendar: SchoolCalendar
    school_year: int
    start: IsoWeek
    spring_start: IsoWeek | None
    notices: tuple[Notice, ...] = ()
    defaults_used: tuple[str, ...] = field(default=())
    leaders: tuple[Leader, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    plan_id: str = "klplan"
    plan: PlanMeta | None = None  # set for plan files (klplan schedule PLAN)

    @cached_property
    def leaders_by_id(self) -> dict[str, Leader]:
        """The leaders by id, built once per outcome: each of a run's calendar files
        looks its leaders up here (a dict per file made writing them quadratic)."""
        return {x.id: x for x in self.leaders}

    @cached_property
    def budgets(self) -> Budgets:
        """The time budgets (``time_budgets``), computed once per outcome: the
        warnings of ``klplan validate`` and the JSON both need them."""
        from klplan.core.budget import outcome_budgets

        return outcome_budgets(self)

    @cached_property
    def leaders_of_leaders(self) -> frozenset[str]:
        """The leaders whose every group works on skolledning modules only: their
        check-ins are with their närmaste chef (klplan.core.schoolform)."""
        from klplan.core.schoolform import for_leaders

        out = {g.leader for g in self.groups if g.leader is not None}
        for g in self.groups:
            if g.leader in out and not all(for_leaders(p.module) for p in g.plans):
                out.discard(g.leader)
        return frozenset(x for x in out if x is not None)

    def checkin_with_manager(self, leader: str) -> bool:
        """Whether ``leader``'s check-ins are with their närmaste chef (else rektor)."""
        return leader in self.leaders_of_leaders

    def groups_by_leader(self) -> dict[str, list[GroupPlan]]:
        """Each leader's groups, in plan order (one pass, for plans of any size)."""
        out: dict[str, list[GroupPlan]] = {x.id: [] for x in self.leaders}
        for g in self.groups:
            if g.leader is not None:
                out.setdefault(g.leader, []).append(g)
        return out

    def checkins_by_leader(self) -> dict[str, list[CheckIn]]:
        out: dict[str, list[CheckIn]] = {x.id: [] for x in self.leaders}
        for c in self.checkins:
            out.setdefault(c.leader, []).append(c)
        return out

    def with_notices(self, notices: tuple[Notice, ...]) -> ScheduleOutcome:
        """This outcome with other notices. The budgets come along if it has computed
        them (they are made of its groups, leaders, check-ins and calendar, not its
        notices) rather than being computed again for the new outcome."""
        out = replace(self, notices=notices)
        if "budgets" in self.__dict__:
            out.__dict__["budgets"] = self.__dict__["budgets"]
        return out


def time_budgets(outcome: ScheduleOutcome) -> Budgets:
    """Per participant and module, and per leader (see klplan.core.budget); computed
    once per outcome (``ScheduleOutcome.budgets``)."""
    return outcome.budgets


@dataclass(frozen=True)
class CalendarOutcome:
    """One region's school year, with the notices and defaults that came with it."""

    calendar: SchoolCalendar
    school_year: int
    notices: tuple[Notice, ...] = ()
    defaults_used: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fit:
    """What would make a module fit that does not (the data of the hint to a
    ``schedule.not_enough_weeks`` error, in its ``fit`` parameter), each tried and
    found to fit: a faster cadence, an earlier start week, the next school year, a
    span of school years (first, last). None: that would not help."""

    cadence: str | None
    earlier_start: IsoWeek | None = None
    next_school_year: int | None = None
    school_years: tuple[int, int] | None = None
