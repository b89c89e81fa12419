"""Schedules with several groups, built with the core scheduler, for the renderers'
tests (a plan file with groups and leaders produces the same ScheduleOutcome)."""

from __future__ import annotations

from datetime import time

from klplan.core.models import Slot
from klplan.core.outcome import CheckIn, GroupPlan, Leader, ScheduleOutcome
from klplan.core.scheduler import SchoolWeeks, schedule_module
from klplan.core.weeks import IsoWeek
from klplan.loaders.calendars import load_calendar
from klplan.loaders.catalog import load_cadences, load_catalog


def two_groups(
    name_a: str = "Lärarlag 4–6", name_b: str = "Förskolan Solrosen", location: str = "Rum 12"
) -> ScheduleOutcome:
    """Stockholm 2026/27. Group A (Thursdays 14:30, Samtal om text, treveckors, parts
    1–4 in the autumn, 5–8 from week 7) meets in week 18, where Kristi
    himmelsfärdsdag moves it to Friday. Group B (Fridays, Läsa och berätta, monthly)
    cannot meet on Långfredagen in week 12."""
    calendar = load_calendar(2026, kommun="Stockholm").calendar
    catalog, cadences = load_catalog(), load_cadences()
    a = schedule_module(
        catalog.get("samtal-om-text"),
        cadences["treveckors"],
        SchoolWeeks(calendar, 3),
        Slot(weekday=3, time=time(14, 30)),
        IsoWeek(2026, 36),
        IsoWeek(2027, 7),
    )
    b = schedule_module(
        catalog.get("lasa-och-beratta"),
        cadences["manadsvis"],
        SchoolWeeks(calendar, 4),
        Slot(weekday=4),
        IsoWeek(2026, 35),
    )
    checkin_day = IsoWeek(2026, 40).day(0)
    start = a.meetings[0].start.replace(
        year=checkin_day.year, month=checkin_day.month, day=checkin_day.day
    )
    return ScheduleOutcome(
        groups=(
            GroupPlan("larlag-4-6", (a,), name=name_a, leader="anna", location=location),
            GroupPlan("solrosen", (b,), name=name_b, leader="bo"),
        ),
        calendar=calendar,
        school_year=2026,
        start=IsoWeek(2026, 35),
        spring_start=IsoWeek(2027, 7),
        leaders=(Leader("anna", "Anna Åström"), Leader("bo", "Bo Ek")),
        checkins=(
            CheckIn("anna", IsoWeek(2026, 40), checkin_day, start, start + a.slot.duration, 1),
        ),
        plan_id="test",
    )
