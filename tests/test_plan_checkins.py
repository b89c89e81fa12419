"""Check-ins (avstämning) between the principal and each leader, every N school weeks,
scheduled like meetings: closed weeks are skipped and not counted."""

from __future__ import annotations

from datetime import time

import pytest

from klplan.core.errors import ScheduleError
from klplan.core.scheduler import SchoolWeeks
from klplan.core.weeks import IsoWeek
from klplan.loaders.calendars import load_calendar
from tests.plan_helpers import in_tmp, plan_text, schedule

pytestmark = pytest.mark.usefixtures("in_tmp")
__all__ = ["in_tmp"]

GROUPS = """\
- id: f-3
  participants: 6
  leader: anna
  modules: [samtal-om-text, skrivundervisning]
  start: 2025-W35
- id: fritids
  participants: 6
  leader: bo
  module: lasa-och-beratta
  cadence: varannan-vecka
  start: 2025-W38
  slot: {weekday: tisdag}
"""


def checkin_plan(checkins: str) -> str:
    return plan_text(GROUPS, extra=checkins)


def test_every_sixth_school_week_for_each_leader_one_after_another(in_tmp):
    outcome = schedule(
        in_tmp, checkin_plan("checkins: {every_weeks: 6, weekday: fredag, time: '13:00'}\n")
    )
    anna = [c for c in outcome.checkins if c.leader == "anna"]
    bo = [c for c in outcome.checkins if c.leader == "bo"]
    # From the first group's start, six open Fridays apart: läslov (v. 44), jullov and
    # sportlov (v. 9) are skipped and not counted. The next would be v. 20 (1 maj closes
    # v. 18's Friday), after Anna's last meeting in v. 19.
    assert [c.week.week for c in anna] == [35, 41, 48, 4, 11]
    assert outcome.groups[0].plans[-1].last_week == IsoWeek(2026, 19)
    assert [c.sequence_no for c in anna] == [1, 2, 3, 4, 5]
    assert all(c.date.weekday() == 4 for c in anna)
    assert {c.start.time() for c in anna} == {time(13, 0)}
    assert {c.start.time() for c in bo} == {time(13, 30)}  # after Anna's
    # Bo's group ends in the spring; his check-ins end with it.
    last_bo_meeting = outcome.groups[1].plans[-1].last_week
    assert bo[-1].week <= last_bo_meeting < bo[-1].week + 6 * 2
    assert len(bo) < len(anna)


def test_parallel_check_ins_are_at_the_same_time(in_tmp):
    outcome = schedule(
        in_tmp,
        checkin_plan("checkins: {every_weeks: 4, time: '08:00', duration: 45, parallel: true}\n"),
    )
    assert {(c.start.time(), c.end.time()) for c in outcome.checkins} == {(time(8, 0), time(8, 45))}


def test_a_check_in_at_the_time_of_a_leaders_meeting_is_an_error(in_tmp):
    with pytest.raises(ScheduleError) as e:
        schedule(
            in_tmp, checkin_plan("checkins: {every_weeks: 6, weekday: onsdag, time: '15:30'}\n")
        )
    assert e.value.message() == (
        "plan.yaml:9:11: checkins: avstämningen med Anna Andersson (anna) ons 27 aug 2025 "
        "krockar med ett möte i f-3; ändra checkins.weekday eller checkins.time"
    )


def test_check_ins_that_do_not_fit_before_midnight(in_tmp):
    with pytest.raises(Exception) as e:
        schedule(in_tmp, checkin_plan("checkins: {every_weeks: 6, time: '23:45', duration: 10}\n"))
    assert "avstämningarna med 2 ledare efter varandra ryms inte före midnatt" in str(e.value)


def test_every_nth_open_week_skips_closed_weeks_without_counting_them():
    weeks = SchoolWeeks(load_calendar(2025, kommun="Stockholm").calendar, 4)
    found = weeks.every(2, IsoWeek(2025, 41), IsoWeek(2025, 47))
    assert [o.week.week for o in found] == [41, 43, 46]  # v. 44 is läslov
