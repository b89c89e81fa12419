"""Skolverket's hours are a minimum for moments A, B and D and exclude C: 30 h for
8 parts, 21 h for 6, 15 h for 4, about 45 h for 12. Booked time counts as booked (B
and D each at their own length), A at the material's lower estimate; a group whose
booked A + B + D falls below the minimum gets a warning, and only then."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from klplan.cli.app import app
from klplan.core.outcome import time_budgets
from tests.plan_helpers import in_tmp, plan_text, schedule, write_plan

pytestmark = pytest.mark.usefixtures("in_tmp")
__all__ = ["in_tmp"]


def _group(module: str, slot: str = "", cadence: str = "") -> str:
    extra = (f", slot: {{{slot}}}" if slot else "") + (f", cadence: {cadence}" if cadence else "")
    return f"- {{id: g, participants: 6, leader: anna, module: {module}{extra}}}\n"


def _warnings(outcome, key):
    return [n for n in outcome.notices if n.key == key]


@pytest.mark.parametrize(
    ("module", "parts", "minimum", "cadence"),
    [
        ("samtal-om-text", 8, 30, ""),  # skola: 8 parts, 30 h
        ("leda-forandring", 6, 21, ""),  # skolledning: 6 parts, 21 h
        ("lasa-och-beratta", 4, 15, "manadsvis"),  # förskola: 4 parts, 15 h
    ],
)
def test_the_seed_modules_meet_their_minimum_at_the_default_booking(
    in_tmp, module, parts, minimum, cadence
):
    outcome = schedule(in_tmp, plan_text(_group(module, cadence=cadence)))
    (b,) = time_budgets(outcome).participants
    assert (b.parts, b.estimate_hours) == (parts, minimum)
    # A 45 + B 90 + D 90 = 225 minutes a part at the least.
    assert b.planned_minutes[0] == parts * 225 >= minimum * 60
    assert not _warnings(outcome, "budget.below_minimum")


def test_twelve_parts_at_45_hours_is_met_at_225_minutes_a_part():
    from klplan.core.booked import planned_minutes
    from klplan.core.models import Slot
    from klplan.loaders.catalog import load_catalog

    module = load_catalog(None).get("forskolans-matematik")
    assert (module.parts, module.hours) == (12, 45)

    class Plan:  # only module and slot are read
        def __init__(self, slot):
            self.module, self.slot = module, slot

    assert planned_minutes(Plan(Slot())) == (12 * 225, 12 * 240)  # 45–48 h
    assert planned_minutes(Plan(Slot(follow_up_minutes=60)))[0] / 60 == 39  # below 45


def test_d_at_sixty_minutes_falls_below_thirty_hours_and_warns(in_tmp):
    outcome = schedule(in_tmp, plan_text(_group("samtal-om-text", "duration_d: 60")))
    (b,) = time_budgets(outcome).participants
    # D is counted as booked: 60 minutes, not the material's 45–60 nor B's 90.
    assert (b.meeting_minutes, b.follow_up_minutes) == (90, 60)
    assert b.planned_minutes == (8 * (45 + 90 + 60), 8 * (60 + 90 + 60))
    assert b.below_minimum
    (w,) = _warnings(outcome, "budget.below_minimum")
    assert (w.params["planned"], w.params["minimum"]) == ("26", "30")
    assert str(w.where) == "plan.yaml:10:74: groups[0].slot"
    assert not _warnings(outcome, "budget.short_meeting")  # 60 is within D's 45–60


def test_b_and_d_get_their_own_lengths_in_the_calendar(in_tmp):
    outcome = schedule(in_tmp, plan_text(_group("samtal-om-text", "duration: 120, duration_d: 60")))
    lengths = {(m.moment, (m.end - m.start).seconds // 60) for m in outcome.groups[0].meetings}
    assert lengths == {("B", 120), ("D", 60)}
    (b,) = time_budgets(outcome).participants
    assert b.planned_minutes[0] == 8 * (45 + 120 + 60) == 30 * 60  # exactly the minimum
    assert not _warnings(outcome, "budget.below_minimum")


def test_one_duration_books_b_and_d_alike_as_before(in_tmp):
    outcome = schedule(in_tmp, plan_text(_group("samtal-om-text", "duration: 100")))
    assert {(m.end - m.start).seconds // 60 for m in outcome.groups[0].meetings} == {100}


def test_b_under_90_or_d_under_45_is_a_warning(in_tmp):
    outcome = schedule(in_tmp, plan_text(_group("samtal-om-text", "duration: 80, duration_d: 40")))
    short = [
        (n.params["moment"], n.params["minutes"], n.params["least"])
        for n in _warnings(outcome, "budget.short_meeting")
    ]
    assert short == [("B", 80, 90), ("D", 40, 45)]
    assert _warnings(outcome, "budget.below_minimum")


def test_validate_and_schedule_show_the_warning_only_when_below(in_tmp):
    runner = CliRunner()
    short = write_plan(in_tmp, plan_text(_group("samtal-om-text", "duration_d: 60")))
    for command in (["validate", str(short)], ["schedule", str(short)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
        assert "bokad tid för A, B och D är 26 h, under Skolverkets minst 30 h" in result.output
    ok = write_plan(in_tmp, plan_text(_group("samtal-om-text")), "ok.yaml")
    for command in (["validate", str(ok)], ["schedule", str(ok)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
        assert "Skolverkets minst" not in result.output
    result = runner.invoke(app, ["--lang", "en", "validate", str(short)])
    assert "booked time for A, B and D is 26 h, below Skolverket's minimum of 30 h" in (
        result.output
    )


def test_the_single_group_command_warns_on_short_meetings():
    runner = CliRunner()
    env = {"KLPLAN_TODAY": "2026-08-01"}
    result = runner.invoke(app, ["schedule", "--duration", "60"], env=env)
    assert result.exit_code == 0, result.output
    assert "moment B är bokat 60 min, kortare än materialets 90 min" in result.output
    assert "bokad tid för A, B och D är 22 h, under Skolverkets minst 30 h" in result.output
    result = runner.invoke(app, ["schedule"], env=env)
    assert "Skolverkets minst" not in result.output and "kortare än" not in result.output


def test_the_footnote_says_c_comes_on_top_and_json_carries_the_booked_lengths(in_tmp):
    path = write_plan(in_tmp, plan_text(_group("samtal-om-text", "duration_d: 60")))
    runner = CliRunner()
    text = runner.invoke(app, ["schedule", str(path)]).output
    assert "Skolverkets timmar är ett minimum för A, B och D" in re.sub(r"\s+", " ", text)
    en = runner.invoke(app, ["--lang", "en", "schedule", str(path)]).output
    assert "minimum for A, B and D; C (the activity in ordinary teaching" in re.sub(r"\s+", " ", en)
    doc = json.loads(runner.invoke(app, ["schedule", str(path), "-f", "json"]).stdout)
    (p,) = doc["budgets"]["participants"]
    assert (p["meeting_minutes"], p["follow_up_minutes"], p["below_minimum"]) == (90, 60, True)
    assert p["planned_hours"] == [26.0, 28.0]


def test_the_ics_books_d_at_its_own_length_and_says_so(in_tmp):
    import icalendar

    path = write_plan(in_tmp, plan_text(_group("samtal-om-text", "duration: 120, duration_d: 60")))
    result = CliRunner().invoke(app, ["schedule", str(path), "-f", "ics", "-o", "plan.ics"])
    assert result.exit_code == 0, result.output
    events = icalendar.Calendar.from_ical((in_tmp / "plan.ics").read_bytes()).walk("VEVENT")
    seen = set()
    for e in events:
        moment = str(e["SUMMARY"]).split("(")[-1][0]
        minutes = (e.decoded("DTEND") - e.decoded("DTSTART")).seconds // 60
        assert f"Schemalagd tid: {minutes} min." in str(e["DESCRIPTION"])
        seen.add((moment, minutes))
    assert seen == {("B", 120), ("D", 60)}
