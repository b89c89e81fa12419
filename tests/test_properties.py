"""Property-based tests of the scheduler over random modules, cadences, calendars,
weekdays and start weeks (including years with an ISO week 53)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import event, given, settings
from hypothesis import strategies as st

from klplan.core.errors import ScheduleError
from klplan.core.models import Cadence, Module, MomentSpec, Provenance, Region, Slot
from klplan.core.scheduler import SchoolWeeks, schedule_module
from klplan.core.weeks import IsoWeek
from klplan.loaders.calendars import Span, YearFacts, build_calendar
from klplan.loaders.catalog import DEFAULT_MOMENTS
from klplan.loaders.overrides import ClosedDay

MOMENTS = {k: MomentSpec(**v) for k, v in DEFAULT_MOMENTS.items()}


@st.composite
def calendars(draw):
    """One or two school years between 2020/21 and 2032/33 (2020, 2026 and 2032
    have 53 ISO weeks), with random terms, lov weeks and closed days."""
    first = draw(st.integers(2020, 2032))
    years = draw(st.integers(1, 2))
    facts = []
    for y in range(first, first + years):
        ht_start = date(y, 8, 10) + timedelta(days=draw(st.integers(0, 14)))
        ht_end = date(y, 12, 15) + timedelta(days=draw(st.integers(0, 21)))  # may reach W53
        vt_start = date(y + 1, 1, 7) + timedelta(days=draw(st.integers(0, 10)))
        vt_end = date(y + 1, 6, 5) + timedelta(days=draw(st.integers(0, 10)))
        if ht_end >= vt_start:
            ht_end = vt_start - timedelta(days=3)
        facts.append(
            (
                YearFacts(
                    school_year=f"{y}/{(y + 1) % 100:02d}",
                    ht=Span(start=ht_start, end=ht_end),
                    vt=Span(start=vt_start, end=vt_end),
                    laslov_weeks=(draw(st.sampled_from([42, 43, 44])),),
                    sportlov_weeks=(draw(st.integers(7, 10)),),
                    pasklov_weeks=(draw(st.integers(12, 17)),),
                ),
                Provenance(school_year=f"{y}/{(y + 1) % 100:02d}", source="test"),
            )
        )
    lo = facts[0][0].ht.start
    hi = facts[-1][0].vt.end
    span = (hi - lo).days
    closed = tuple(
        ClosedDay(date=lo + timedelta(days=d), reason="studiedag")
        for d in draw(st.lists(st.integers(0, span), max_size=12, unique=True))
    )
    return build_calendar(Region(kind="custom", code="t", name="test"), facts, closed)


modules = st.builds(
    lambda parts: Module(
        id="m",
        title="Modul",
        area="Test",
        school_forms=("grundskola",),
        parts=parts,
        moments=MOMENTS,
        source="test",
    ),
    st.integers(1, 12),
)
cadences = st.builds(
    lambda gaps: Cadence(id="c", title="Takt", gaps=tuple(gaps)),
    st.lists(st.integers(1, 5), min_size=1, max_size=4),
)


def school_day(weeks: SchoolWeeks, day: date) -> bool:
    term, reason = weeks.why_closed(day)
    return term is not None and reason is None and day.weekday() < 5


@given(calendars(), modules, cadences, st.integers(0, 4), st.integers(0, 60), st.booleans())
def test_scheduler_invariants(cal, module, cadence, weekday, offset, split):
    weeks = SchoolWeeks(cal, weekday)
    first = IsoWeek.of(cal.terms[0].start)
    start = first + offset
    spring = None
    if split and len(cal.terms) > 1:
        spring = IsoWeek.of(cal.terms[1].start)
    try:
        plan = schedule_module(module, cadence, weeks, Slot(weekday=weekday), start, spring)
    except ScheduleError as e:
        event(e.key)
        assert e.key in {
            "schedule.not_enough_weeks",
            "schedule.no_school_weeks_after",
            "schedule.spring_start_too_early",
        }
        return
    event("scheduled")
    meetings = plan.meetings
    # Two meetings per part, parts and moments in order.
    assert [(m.part, m.moment) for m in meetings] == [
        (p, x) for p in range(1, module.parts + 1) for x in ("B", "D")
    ]
    # Strictly later each time: never two meetings of the group in one week, never overlapping.
    for a, b in itertools.pairwise(meetings):
        assert a.week < b.week
        assert a.end <= b.start
    for m in meetings:
        # Every meeting is on a school day, in a real ISO week, not in a closed week.
        assert school_day(weeks, m.date), m
        assert IsoWeek.of(m.date) == m.week
        assert m.week not in weeks.closed
        assert m.week >= start
        # Moved only later within the same week, from the slot's own weekday.
        if m.moved_from is not None:
            assert IsoWeek.of(m.moved_from) == m.week
            assert m.moved_from.weekday() == weekday < m.date.weekday()
        else:
            assert m.date.weekday() == weekday
    # B and D of a part in the same term.
    for p in range(1, module.parts + 1):
        b, d = plan.part_meetings(p)
        assert b.term == d.term
    # Same input, same plan.
    again = schedule_module(
        module, cadence, SchoolWeeks(cal, weekday), Slot(weekday=weekday), start, spring
    )
    assert again == plan


@given(calendars(), cadences, st.integers(0, 4))
def test_gap_between_b_and_d_is_the_cadence_gap_in_open_weeks(cal, cadence, weekday):
    weeks = SchoolWeeks(cal, weekday)
    module = Module(
        id="m",
        title="M",
        area="T",
        school_forms=("grundskola",),
        parts=2,
        moments=MOMENTS,
        source="t",
    )
    try:
        plan = schedule_module(
            module, cadence, weeks, Slot(weekday=weekday), IsoWeek.of(cal.terms[0].start)
        )
    except ScheduleError:
        return
    index = {o.week: i for i, o in enumerate(weeks.open)}
    b, d = plan.part_meetings(1)
    assert index[d.week] - index[b.week] == cadence.gaps[0]
    # Closed weeks between them were skipped, not counted.
    assert all(w not in index for w in weeks.closed if b.week < w < d.week)


@settings(max_examples=30)
@given(calendars(), modules, cadences, st.integers(0, 4), st.text(max_size=40))
def test_ics_round_trip_gives_back_the_same_meetings(cal, module, cadence, weekday, place):
    """generate -> parse (icalendar) -> the same meetings, at the same instants."""
    import icalendar

    from klplan.core.outcome import GroupPlan, ScheduleOutcome
    from klplan.render.ics import (
        IcsOptions,
        clean_text,
        derived_dtstamp,
        render_calendar,
        single_target,
        target_events,
    )

    weeks = SchoolWeeks(cal, weekday)
    try:
        plan = schedule_module(
            module, cadence, weeks, Slot(weekday=weekday), IsoWeek.of(cal.terms[0].start)
        )
    except ScheduleError:
        return
    outcome = ScheduleOutcome(
        groups=(GroupPlan(id="g", plans=(plan,), location=place or None),),
        calendar=cal,
        school_year=cal.terms[0].start.year,
        start=plan.meetings[0].week,
        spring_start=None,
    )
    target = single_target(outcome)
    data = b"".join(
        render_calendar(
            target.name,
            target_events(outcome, target, IcsOptions()),
            dtstamp=derived_dtstamp(outcome.school_year),
        )
    )
    parsed = icalendar.Calendar.from_ical(data)
    events = [c for c in parsed.walk("VEVENT")]
    assert len(events) == len(plan.meetings) == 2 * module.parts
    assert len({str(e["UID"]) for e in events}) == len(events)
    for vevent, meeting in zip(events, plan.meetings, strict=True):
        assert vevent.decoded("DTSTART") == meeting.start
        assert vevent.decoded("DTEND") == meeting.end
        assert f"{meeting.part}" in str(vevent["SUMMARY"])
        # Control characters cannot be carried by iCalendar TEXT: they are dropped.
        if clean_text(place).strip():
            assert str(vevent["LOCATION"]) == clean_text(place)
        else:
            assert "LOCATION" not in vevent


def test_the_suite_is_derandomised_when_ci_is_set():
    """conftest's profile: CI=true draws the same examples every run; locally random."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).parent.parent
    probe = (
        "import tests.conftest; from hypothesis import settings;"
        " print(settings.default.derandomize)"
    )
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    local = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    ci = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=root,
        env={**env, "CI": "true"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert (local.stdout.strip(), ci.stdout.strip()) == ("False", "True")
