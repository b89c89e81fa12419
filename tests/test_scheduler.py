"""The scheduler's rules, each as a school would meet it."""

from datetime import date

import pytest

from klplan.core.errors import ScheduleError
from klplan.core.models import Slot
from klplan.core.scheduler import SchoolWeeks, schedule_module
from klplan.core.weeks import IsoWeek
from klplan.loaders.calendars import Span, YearFacts, load_calendar
from klplan.loaders.overrides import CalendarOverrides, ClosedDay
from tests.conftest import assert_meeting, assert_no_meeting_in, meeting_weeks, plan_for

THURSDAY = 3


def test_spring_term_that_starts_mid_week_moves_the_first_meeting_to_its_first_day():
    # Vallentuna's VT 2026 starts on Thursday 8 January; the group meets on Wednesdays.
    plan = plan_for(kommun="Vallentuna", start="2025-W40", spring_start="2026-W02")
    b5, _ = plan.part_meetings(5)
    assert b5.week == IsoWeek(2026, 2)
    assert b5.date == date(2026, 1, 8)
    assert b5.moved_from == date(2026, 1, 7)
    assert b5.moved_because.code == "jullov"


def test_meeting_on_a_red_day_moves_to_the_next_school_day_of_the_week():
    # Kristi himmelsfärdsdag 2026 is Thursday 14 May.
    plan = plan_for(start="2026-W17", weekday=THURSDAY, module="lasa-och-beratta")
    m = next(m for m in plan.meetings if m.week == IsoWeek(2026, 20))
    assert m.date == date(2026, 5, 15)
    assert m.moved_from == date(2026, 5, 14)
    assert m.moved_because.name == "Kristi himmelsfärdsdag"


def test_a_week_with_no_school_day_left_is_closed_for_the_group():
    # Friday meetings: Långfredagen (3 April 2026) has no later school day that week.
    cal = load_calendar(2025, kommun="Stockholm").calendar
    weeks = SchoolWeeks(cal, 4)
    assert weeks.closed[IsoWeek(2026, 14)].name == "Långfredagen"


def test_part_that_would_straddle_jullov_starts_in_the_spring_term():
    # From v49: part 1 is v49/v50; part 2's B would be v51 and its D after jullov.
    plan = plan_for(start="2025-W49", school_year=2025)
    weeks = meeting_weeks(plan)
    assert weeks[1] == (49, 50)
    b2, d2 = plan.part_meetings(2)
    assert b2.term.name == "VT" and d2.term.name == "VT"
    assert (b2.week, d2.week) == (IsoWeek(2026, 2), IsoWeek(2026, 3))
    assert_no_meeting_in(plan, "2025-W51")
    assert any(n.key == "notice.part_moved_to_next_term" for n in plan.notices)


def test_b_and_d_of_every_part_fall_in_the_same_term():
    for cadence in ("intensiv", "treveckors", "varannan-vecka", "manadsvis"):
        plan = plan_for(cadence=cadence, start="2025-W36", module="lasa-och-beratta")
        for part in range(1, plan.module.parts + 1):
            b, d = plan.part_meetings(part)
            assert b.term == d.term


def test_closed_weeks_are_skipped_and_not_counted():
    plan = plan_for(start="2025-W42")
    assert meeting_weeks(plan)[1] == (42, 43)
    assert meeting_weeks(plan)[2] == (45, 46)  # läslov v44 skipped
    assert_no_meeting_in(plan, "2025-W44")


def test_week_53_is_an_ordinary_school_week_when_the_school_is_open():
    # A school's own calendar with teaching between Christmas and New Year 2026.
    own = CalendarOverrides(
        school_years=(
            YearFacts(
                school_year="2026/27",
                ht=Span(start=date(2026, 8, 17), end=date(2027, 1, 15)),
                vt=Span(start=date(2027, 1, 18), end=date(2027, 6, 11)),
                laslov_weeks=(44,),
                sportlov_weeks=(9,),
                pasklov_weeks=(13,),
            ),
        )
    )
    plan = plan_for(start="2026-W52", school_year=2026, overrides=own, cadence="intensiv")
    b, d = plan.part_meetings(1)
    assert (str(b.week), str(d.week)) == ("2026-W52", "2026-W53")
    assert d.date == date(2026, 12, 30)
    b2, _ = plan.part_meetings(2)
    assert str(b2.week) == "2027-W01"
    assert b2.date == date(2027, 1, 7)  # Trettondedag jul is Wednesday 6 January


def test_a_module_that_does_not_fit_says_how_many_weeks_it_needs_and_has():
    with pytest.raises(ScheduleError) as e:
        plan_for(start="2026-W17", module="samtal-om-text")
    assert e.value.key == "schedule.not_enough_weeks"
    assert e.value.params["needed"] == 16
    assert e.value.params["available"] == 8  # weeks 17-24; VT ends Thursday 11 June


def test_spring_start_before_the_autumn_half_ends_is_refused():
    with pytest.raises(ScheduleError) as e:
        plan_for(start="2025-W45", spring_start="2025-W48")
    assert e.value.key == "schedule.spring_start_too_early"


def test_studiedag_closes_the_day():
    own = CalendarOverrides(closed_days=(ClosedDay(date=date(2025, 10, 1), reason="studiedag"),))
    plan = plan_for(start="2025-W40", overrides=own)
    assert_meeting(plan, 1, "B", "2025-10-02")
    assert plan.part_meetings(1)[0].moved_because.name == "studiedag"


def test_cadence_gaps_are_counted_in_open_school_weeks(cadences):
    assert cadences["intensiv"].weeks_needed(8) == 16
    assert cadences["treveckors"].weeks_needed(8) == 24
    assert cadences["varannan-vecka"].weeks_needed(4) == 15


def test_same_input_same_plan():
    assert plan_for() == plan_for()


def test_slot_time_and_duration_are_local_stockholm_time():
    plan = plan_for(start="2025-W40")
    b, _ = plan.part_meetings(1)
    assert b.start.isoformat() == "2025-10-01T15:00:00+02:00"
    assert b.end.isoformat() == "2025-10-01T16:30:00+02:00"
    b5, _ = plan.part_meetings(3)
    assert b5.start.isoformat() == "2025-11-05T15:00:00+01:00"  # after the switch to CET


def test_schedule_does_not_accept_an_index_built_for_another_weekday(catalog, cadences):
    cal = load_calendar(2025, kommun="Stockholm").calendar
    with pytest.raises(ValueError):
        schedule_module(
            catalog.get("samtal-om-text"),
            cadences["intensiv"],
            SchoolWeeks(cal, 1),
            Slot(weekday=2),
            IsoWeek(2025, 40),
        )
