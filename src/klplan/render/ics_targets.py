"""Which calendar files a schedule run writes (``CalendarTarget``): one for everything
(``-o FILE``), or one per group and one per leader (``-o DIR``), their names (NAME /
X-WR-CALNAME) and file names, and the order to render them in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from klplan.core.filenames import file_stem, legacy_stem, unique_stems
from klplan.core.models import SchoolCalendar
from klplan.core.outcome import CheckIn, GroupPlan, Leader, ScheduleOutcome
from klplan.messages import t


@dataclass(frozen=True)
class CalendarTarget:
    """One calendar file: the meetings of ``groups`` and the ``checkins``."""

    file_stem: str  # for -o DIR: grupp-<id> / ledare-<id>; "" for a single file
    name: str  # NAME / X-WR-CALNAME
    groups: tuple[GroupPlan, ...]
    checkins: tuple[CheckIn, ...]
    leader: str | None = None  # the leader id of a leader's calendar (ledare-<id>)

    @property
    def file_name(self) -> str:
        return f"{self.file_stem}.ics"


def group_label(group: GroupPlan) -> str:
    return group.name or group.id


def leader_label(leader: Leader) -> str:
    return leader.name or leader.id


def years_label(calendar: SchoolCalendar) -> str:
    """``2025/26``, or ``2025/26–2026/27`` for a calendar over several school years."""
    years = calendar.school_years
    return years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"


def single_target(outcome: ScheduleOutcome) -> CalendarTarget:
    """Everything in one calendar (``-o FILE`` or stdout)."""
    cal = outcome.calendar
    plans = [p for g in outcome.groups for p in g.plans]
    if len(outcome.groups) == 1 and len(plans) == 1:
        name = t(
            "ics.name_module",
            module=plans[0].module.title,
            region=cal.region.name,
            years=years_label(cal),
        )
    else:
        name = t("ics.name_plan", region=cal.region.name, years=years_label(cal))
    return CalendarTarget("", name, outcome.groups, outcome.checkins)


def split_targets(outcome: ScheduleOutcome) -> list[CalendarTarget]:
    """One calendar per group (``grupp-<id>.ics``) and one per leader
    (``ledare-<id>.ics``: that leader's groups and check-ins), for ``-o DIR``."""
    targets = [
        CalendarTarget(
            file_stem("grupp-", g.id),
            t("ics.name_group", group=group_label(g)),
            (g,),
            (),
        )
        for g in outcome.groups
    ]
    known = {x.id: x for x in outcome.leaders}
    referenced = {g.leader for g in outcome.groups if g.leader} | {
        c.leader for c in outcome.checkins
    }
    leaders = [*outcome.leaders, *(Leader(i) for i in sorted(referenced - set(known)))]
    groups: dict[str, list[GroupPlan]] = {}
    for g in outcome.groups:
        groups.setdefault(g.leader or "", []).append(g)
    checkins: dict[str, list[CheckIn]] = {}
    for c in outcome.checkins:
        checkins.setdefault(c.leader, []).append(c)
    for leader in leaders:
        targets.append(
            CalendarTarget(
                file_stem("ledare-", leader.id),
                t("ics.name_leader", leader=leader_label(leader)),
                tuple(groups.get(leader.id, ())),
                tuple(checkins.get(leader.id, ())),
                leader.id,
            )
        )
    ids = [*(g.id for g in outcome.groups), *(x.id for x in leaders)]
    stems = unique_stems([target.file_stem for target in targets], ids)
    return [
        target if stem == target.file_stem else replace(target, file_stem=stem)
        for target, stem in zip(targets, stems, strict=True)
    ]


def legacy_file_name(target: CalendarTarget) -> str | None:
    """The file name klplan gave ``target`` before ``file_stem`` stopped doubling the
    prefix (``grupp-grupp-1.ics``), when it differs: a folder written then keeps
    that name, so subscriptions to it keep working."""
    prefix, id = (
        ("ledare-", target.leader)
        if target.leader is not None
        else ("grupp-", target.groups[0].id)
        if len(target.groups) == 1
        else ("", None)
    )
    if id is None or target.file_stem != file_stem(prefix, id) or not prefix:
        return None
    old = legacy_stem(prefix, id)
    return None if old is None else f"{old}.ics"


def write_order(targets: Sequence[CalendarTarget]) -> list[int]:
    """The indexes of ``targets`` in the order to render them so that a group's events
    are reused while memory stays flat (see ``ScheduleCalendars``): at a group's own
    calendar, the calendars of all its leader's groups, then the leader's own."""
    leaders: dict[str, list[int]] = {}
    for i, target in enumerate(targets):
        if target.leader is not None:
            leaders.setdefault(target.leader, []).append(i)
    led: dict[str, list[int]] = {}
    for i, target in enumerate(targets):
        lead = target.groups[0].leader if own_calendar(target) else None
        if lead is not None and lead in leaders:
            led.setdefault(lead, []).append(i)
    order: list[int] = []
    placed = [False] * len(targets)
    for i, target in enumerate(targets):
        lead = target.groups[0].leader if own_calendar(target) else None
        block = [*led[lead], *leaders[lead]] if lead is not None and lead in leaders else [i]
        for j in block:
            if not placed[j]:
                placed[j] = True
                order.append(j)
    return order


def own_calendar(target: CalendarTarget) -> bool:
    """A group's own calendar (grupp-<id>), not its leader's."""
    return target.leader is None and len(target.groups) == 1 and not target.checkins
