"""Booked individual preparation (moment A): a slot's ``duration_a`` books A as a
timed event of that many minutes directly before each B, on B's day, written to the
.ics whether or not ``--include-preparation`` asks for the all-day items, and busy
time like a meeting. The budget counts A as booked."""

from __future__ import annotations

from datetime import datetime, timedelta

import icalendar
import pytest
from typer.testing import CliRunner

from klplan.cli.app import app
from klplan.core.outcome import time_budgets
from klplan.render.ics_ids import IcsOptions
from tests.plan_helpers import in_tmp, plan_text, schedule, write_plan
from tests.test_ics_fast import OPTIONS, assert_same

pytestmark = pytest.mark.usefixtures("in_tmp")
__all__ = ["in_tmp"]

GROUPS = """\
- {id: bokad, participants: 6, leader: anna, module: samtal-om-text, start: 2025-W38,
   slot: {duration_a: 45}}
- {id: fri, participants: 6, leader: bo, module: samtal-om-text, start: 2025-W38,
   slot: {weekday: tisdag}}
"""


def test_a_booked_a_is_a_timed_busy_event_before_each_b(in_tmp):
    path = write_plan(in_tmp, plan_text(GROUPS))
    outcome = schedule(in_tmp, plan_text(GROUPS))
    result = CliRunner().invoke(app, ["schedule", str(path), "-f", "ics", "-o", "plan.ics"])
    assert result.exit_code == 0, result.output
    events = icalendar.Calendar.from_ical((in_tmp / "plan.ics").read_bytes()).walk("VEVENT")
    b_starts = [m.start for m in outcome.groups[0].meetings if m.moment == "B"]
    a_events = [e for e in events if "(A)" in str(e["SUMMARY"])]
    # One A per part of the booked group, none for the other (no --include-preparation).
    assert len(a_events) == len(b_starts) == 8
    for a, b in zip(sorted(a_events, key=lambda e: e.decoded("DTSTART")), b_starts, strict=True):
        start, end = a.decoded("DTSTART"), a.decoded("DTEND")
        assert isinstance(start, datetime) and isinstance(end, datetime)  # timed, not all-day
        assert (start, end) == (b - timedelta(minutes=45), b)
        assert "TRANSP" not in a  # busy, like a meeting
        assert "A, individuell förberedelse" in str(a["DESCRIPTION"])
    assert all(str(e["SUMMARY"])[-1] != "C" for e in events)  # no C markers unasked


def test_with_include_preparation_the_other_items_stay_all_day(in_tmp):
    path = write_plan(in_tmp, plan_text(GROUPS))
    result = CliRunner().invoke(
        app, ["schedule", str(path), "-f", "ics", "-o", "plan.ics", "--include-preparation"]
    )
    assert result.exit_code == 0, result.output
    events = icalendar.Calendar.from_ical((in_tmp / "plan.ics").read_bytes()).walk("VEVENT")
    prep = [e for e in events if "(A)" in str(e["SUMMARY"]) or "(C)" in str(e["SUMMARY"])]
    timed = [e for e in prep if isinstance(e.decoded("DTSTART"), datetime)]
    # The booked group's 8 A are timed; its C and the other group's A and C all-day.
    assert len(timed) == 8
    assert all("(A) · bokad" in str(e["SUMMARY"]) for e in timed)
    assert all(str(e.get("TRANSP")) == "TRANSPARENT" for e in prep if e not in timed)


def test_the_fast_writer_gives_the_plain_bytes_with_a_booked_a(in_tmp):
    outcome = schedule(in_tmp, plan_text(GROUPS))
    for options in OPTIONS[::3]:
        assert_same(outcome, options)
    assert_same(outcome, IcsOptions(include_preparation=True), order="none")


def test_the_budget_counts_a_as_booked(in_tmp):
    outcome = schedule(in_tmp, plan_text(GROUPS))
    booked, free = time_budgets(outcome).participants
    assert booked.planned_minutes == (8 * (45 + 90 + 90),) * 2  # exactly 30 h
    assert free.planned_minutes == (8 * (45 + 90 + 90), 8 * (60 + 90 + 90))


def test_a_cannot_start_before_midnight(in_tmp):
    text = plan_text(
        "- {id: g, participants: 6, leader: anna, module: samtal-om-text, "
        "slot: {time: '00:30', duration_a: 45}}\n"
    )
    result = CliRunner().invoke(app, ["validate", str(write_plan(in_tmp, text))])
    assert result.exit_code != 0
    assert "groups[0].slot: duration_a bokar A direkt före B samma dag" in result.output
