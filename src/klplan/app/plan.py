"""The use case behind ``klplan schedule PLAN`` and ``klplan validate``: every group
of a plan file, its leaders and check-ins, and the warnings about its load."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klplan.app.budget_warnings import budget_warnings
from klplan.app.planner import Closed, Planner
from klplan.core.defaults import GROUP_SIZE, MAX_GROUPS_PER_LEADER, MAX_MEETINGS_PER_WEEK
from klplan.core.errors import KlplanError
from klplan.core.outcome import Leader, PlanMeta, ScheduleOutcome
from klplan.core.plan import Notice

if TYPE_CHECKING:
    from klplan.core.models import SchoolCalendar
    from klplan.loaders.plan import LoadedPlan


def schedule_plan(plan: LoadedPlan, *, stagger: bool = False) -> ScheduleOutcome:
    """Schedule every group of a plan file: each group's modules in order, no leader
    booked twice at once (with ``stagger``, later groups of a leader move to another
    weekday or time), the principal–leader check-ins, and the warnings ``klplan
    validate`` reports (group size, leader load, estimated calendars)."""
    from klplan.loaders.calendars import load_calendar

    spec = plan.spec
    try:
        result = load_calendar(
            plan.first_year,
            plan.years,
            kommun=plan.kommun,
            lan=plan.lan,
            overrides=spec.calendar,
            overrides_file=plan.file,
        )
    except KlplanError as e:
        # An error about a region names the plan's key, not a parameter or a flag.
        if e.where is None or e.where.flag:
            e.where = plan.where("lan" if plan.lan else "kommun" if plan.kommun else "calendar")
        raise
    planner = Planner(plan, result.calendar, school_calendars(plan))
    groups, moves = planner.groups(stagger)
    checkins = planner.checkins(groups)
    outcome = ScheduleOutcome(
        groups=groups,
        calendar=result.calendar,
        school_year=plan.first_year,
        start=min(g.plans[0].first_week for g in groups),
        spring_start=None,
        notices=(*result.notices, *moves, *planner.notices),
        leaders=tuple(Leader(x.id, x.name, x.email, x.post_percent) for x in spec.leaders),
        checkins=checkins,
        plan_id=spec.plan.id,
        plan=PlanMeta(
            id=spec.plan.id,
            name=spec.plan.name,
            school=spec.school.name if spec.school else None,
            municipality=spec.municipality.name if spec.municipality else None,
            uid_domain=spec.plan.uid_domain,
            principal=spec.school.principal if spec.school else None,
            principal_email=spec.school.email if spec.school else None,
        ),
    )
    return outcome.with_notices((*outcome.notices, *load_warnings(plan, outcome)))


def school_calendars(plan: LoadedPlan) -> dict[Closed, SchoolCalendar]:
    """The calendar of each group with closed days besides the plan's (its school's,
    its own), by those days: the plan's calendar with them added, so a studiedag at
    one school moves only that school's meetings."""
    from dataclasses import replace

    from klplan.loaders.calendars import load_calendar
    from klplan.loaders.overrides import CalendarOverrides

    base = plan.spec.calendar or CalendarOverrides()
    out: dict[Closed, SchoolCalendar] = {}
    for g in plan.groups:
        if g.closed_days and g.closed_days not in out:
            own = replace(base, closed_days=(*base.closed_days, *g.closed_days))
            out[g.closed_days] = load_calendar(
                plan.first_year,
                plan.years,
                kommun=plan.kommun,
                lan=plan.lan,
                overrides=own,
                overrides_file=plan.file,
            ).calendar
    return out


def load_warnings(plan: LoadedPlan, outcome: ScheduleOutcome) -> list[Notice]:
    """Group sizes outside 4–8 and leaders with more than a realistic load."""
    out: list[Notice] = []
    low, high = GROUP_SIZE
    for g in plan.groups:
        if not low <= g.participants <= high:
            out.append(
                Notice(
                    "plan.group_size",
                    {"group": g.id, "count": g.participants, "low": low, "high": high},
                    plan.where("groups", g.index, "participants"),
                )
            )
    index = {x.id: i for i, x in enumerate(plan.spec.leaders)}
    for b in outcome.budgets.leaders:
        if len(b.groups) > MAX_GROUPS_PER_LEADER or b.meetings_per_week > MAX_MEETINGS_PER_WEEK:
            out.append(
                Notice(
                    "plan.leader_load",
                    {
                        "leader": b.leader,
                        "groups": len(b.groups),
                        "per_week": f"{b.meetings_per_week:.1f}",
                        "max_groups": MAX_GROUPS_PER_LEADER,
                        "max_per_week": f"{MAX_MEETINGS_PER_WEEK:g}",
                    },
                    plan.where("leaders", index[b.leader]),
                )
            )
    return out + budget_warnings(plan, outcome)
