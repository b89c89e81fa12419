"""Time budgets: what the plan asks of each participant (per module) and of each leader
(meetings, as much preparation, check-ins), and the warnings about unrealistic loads."""

from __future__ import annotations

import pytest

from klplan.core.budget import leader_budget
from klplan.core.outcome import time_budgets
from klplan.core.scheduler import SchoolWeeks
from klplan.core.weeks import IsoWeek
from tests.plan_helpers import BASE, in_tmp, plan_text, schedule

pytestmark = pytest.mark.usefixtures("in_tmp")
__all__ = ["in_tmp"]

# Förskola example B in domain.md: two groups of 7, each meets monthly, and the
# leader meets one of them every other week.
EXAMPLE_B = plan_text(
    """\
    - {id: ekorren, participants: 7, leader: bo, module: lasa-och-beratta, start: 2025-W36}
    - {id: haren, participants: 7, leader: bo, module: lasa-och-beratta, start: 2025-W38}
    """,
    extra="defaults: {cadence: manadsvis}\n",
)


def test_a_participant_plans_a_b_and_d_against_skolverkets_minimum(in_tmp):
    outcome = schedule(
        in_tmp,
        plan_text("- {id: g, participants: 6, leader: anna, module: samtal-om-text}\n"),
    )
    (b,) = time_budgets(outcome).participants
    # 8 parts × (A 45–60 + B 90 + D 90 as booked) = 30–32 hours: Skolverket's minimum
    # of 30 hours for A, B and D (C, the activity, comes on top), so no warning.
    assert (b.group, b.module_id, b.parts) == ("g", "samtal-om-text", 8)
    assert (b.meeting_minutes, b.follow_up_minutes) == (90, 90)
    assert b.planned_minutes == (8 * (45 + 90 + 90), 8 * (60 + 90 + 90))
    assert b.planned_hours == (30.0, 32.0)
    assert b.estimate_hours == 30 and not b.below_minimum
    assert not [n for n in outcome.notices if n.key.startswith("budget.")]


def test_a_longer_meeting_and_an_own_module_change_the_participants_budget(in_tmp):
    outcome = schedule(
        in_tmp,
        plan_text(
            """\
            - id: g
              participants: 6
              leader: anna
              module: egen
              slot: {duration: 120}
            """,
            extra="modules:\n  - {id: egen, title: Egen, area: Eget, school_forms: "
            "[grundskola], parts: 3, source: skolan, moments: {A: {kind: individual, "
            "minutes: [30, 30]}}}\n",
        ),
    )
    (b,) = time_budgets(outcome).participants
    assert b.planned_minutes == (3 * (30 + 120 + 120), 3 * (30 + 120 + 120))
    assert b.estimate_hours is None and not b.below_minimum


def test_a_leader_with_two_monthly_groups_meets_one_of_them_every_other_week(in_tmp):
    outcome = schedule(in_tmp, EXAMPLE_B)
    (anna, bo) = time_budgets(outcome).leaders
    assert anna.meetings == 0 and anna.hours_per_week == 0
    assert bo.groups == ("ekorren", "haren")
    assert bo.meetings == 16 and bo.peak_meetings == 1  # never both groups in one week
    assert bo.meeting_minutes == 16 * 90 == bo.preparation_minutes
    assert bo.total_minutes == 2 * 16 * 90
    # Per school week from the first meeting (v. 36) to the last, both included.
    first = min(m.week for g in outcome.groups for m in g.meetings)
    last = max(m.week for g in outcome.groups for m in g.meetings)
    school = SchoolWeeks(outcome.calendar, 0)
    assert bo.school_weeks == school.index_from(last + 1) - school.index_from(first)
    assert bo.meetings_per_week == pytest.approx(0.5, abs=0.05)
    assert bo.hours_per_week == pytest.approx(bo.total_minutes / 60 / bo.school_weeks)
    assert bo.peak_minutes == 180  # one meeting and its preparation


def test_check_ins_count_in_the_leaders_hours_without_preparation():
    b = leader_budget(
        "anna",
        ["g"],
        meetings=[(IsoWeek(2025, 38), 90), (IsoWeek(2025, 39), 90)],
        checkins=[(IsoWeek(2025, 38), 30)],
        school_weeks=2,
    )
    assert (b.total_minutes, b.peak_minutes, b.peak_meetings) == (390, 210, 1)
    assert b.hours_per_week == 3.25


def test_group_sizes_outside_four_to_eight_are_warnings_naming_the_key(in_tmp):
    outcome = schedule(
        in_tmp,
        plan_text(
            """\
            - {id: liten, participants: 3, leader: anna, module: samtal-om-text}
            - {id: stor, participants: 9, leader: bo, module: samtal-om-text}
            """
        ),
    )
    sizes = [n for n in outcome.notices if n.key == "plan.group_size"]
    assert [(str(n.where), n.params["count"]) for n in sizes] == [
        ("plan.yaml:10:31: groups[0].participants", 3),
        ("plan.yaml:11:30: groups[1].participants", 9),
    ]


def test_more_than_four_groups_for_one_leader_is_a_warning(in_tmp):
    groups = "".join(
        f"- {{id: g{i}, participants: 6, leader: bo, module: lasa-och-beratta, "
        f"cadence: manadsvis, start: 2025-W{35 + i}}}\n"
        for i in range(5)
    )
    outcome = schedule(in_tmp, plan_text(groups), stagger=True)
    (load,) = [n for n in outcome.notices if n.key == "plan.leader_load"]
    assert load.params["groups"] == 5
    assert str(load.where) == "plan.yaml:8:5: leaders[1]"


def test_more_than_two_meetings_a_week_is_a_warning(in_tmp):
    groups = "".join(
        f"- {{id: g{i}, participants: 6, leader: anna, module: samtal-om-text, "
        f"start: 2025-W38, slot: {{weekday: {day}}}}}\n"
        for i, day in enumerate(["onsdag", "torsdag", "fredag"])
    )
    outcome = schedule(in_tmp, plan_text(groups))
    (load,) = [n for n in outcome.notices if n.key == "plan.leader_load"]
    assert load.params["groups"] == 3
    assert float(load.params["per_week"]) > 2


def test_a_plan_is_tallied_by_what_it_is_made_of_not_by_which_object_it_is():
    """Budgets keep one tally per module plan key (klplan.core.plan.PlanKey): a plan
    shared by two groups, an equal plan made again, and a plan built by hand (no key)
    all give what each group's own meetings give."""
    from dataclasses import replace

    from klplan.core.outcome import GroupPlan
    from tests.schedules import two_groups

    base = two_groups()
    a, b = (g.plans[0] for g in base.groups)
    assert a.key is not None and b.key is not None and a.key != b.key

    def leader_hours(*plans):
        groups = tuple(GroupPlan(f"g{i}", (p,), leader="anna") for i, p in enumerate(plans))
        outcome = replace(base, groups=groups, checkins=())
        (anna, _) = time_budgets(outcome).leaders
        return anna

    shared = leader_hours(a, a, b)
    assert shared == leader_hours(a, replace(a), b)  # made again: the same key
    assert shared == leader_hours(a, replace(a, key=None), b)  # by hand: tallied alone
    expected = leader_budget(
        "anna",
        ["g0", "g1", "g2"],
        [(m.week, 90) for p in (a, a, b) for m in p.meetings],
        [],
        shared.school_weeks,
    )
    assert shared == expected
    assert leader_hours(a, b) != leader_hours(a, a)  # other keys: other tallies


# --- leader resourcing: participants per leader, the share of a post ----------------
POSTS = BASE.replace("Anna Andersson}", "Anna Andersson, post_percent: 10}").replace(
    "Bo Berg}", "Bo Berg, post_percent: 20}"
)
# bo: three groups of 6 (18 participants), meeting Wednesday, Thursday and Friday.
BO_GROUPS = "".join(
    f"- {{id: b{i}, participants: 6, leader: bo, module: samtal-om-text, "
    f"start: 2025-W38, slot: {{weekday: {day}}}}}\n"
    for i, day in enumerate(["onsdag", "torsdag", "fredag"])
)


def test_a_leaders_hours_are_a_share_of_a_forty_hour_post(in_tmp):
    from klplan.core.budget import FULL_TIME_WEEKLY_HOURS, resourced_post

    assert FULL_TIME_WEEKLY_HOURS == 40
    # Skolverket's programmes: 6–10 participants at 10 % of a post, 12–20 at 20 %.
    assert [resourced_post(n) for n in (6, 10, 11, 12, 20, 21)] == [10, 10, 20, 20, 20, None]
    b = leader_budget("anna", ["g"], [(IsoWeek(2025, 38), 120)], [], school_weeks=1)
    assert b.hours_per_week == 4 and b.post_share == 0.1  # 4 h of 40


def test_a_leader_over_the_post_the_plan_gives_is_warned_and_only_then(in_tmp):
    # anna: one group of 8 at intensiv: a 90-minute meeting and as much preparation
    # most weeks, about 3 h a week: 7–8 % of 40 h, within her 10 %. bo: three groups
    # (18 participants), about 9 h a week, 22 % of a post: over his 20 %.
    groups = (
        "- {id: a1, participants: 8, leader: anna, module: samtal-om-text, start: 2025-W38}\n"
        + BO_GROUPS
    )
    outcome = schedule(in_tmp, plan_text(groups, base=POSTS))
    anna, bo = time_budgets(outcome).leaders
    assert (anna.participants, anna.post_percent, anna.resourced_percent) == (8, 10, 10)
    assert (bo.participants, bo.post_percent, bo.resourced_percent) == (18, 20, 20)
    assert anna.post_share == pytest.approx(anna.hours_per_week / 40)
    assert anna.post_share < 0.10 < 0.20 < bo.post_share
    (over,) = [n for n in outcome.notices if n.key == "budget.over_post"]
    assert over.params["leader"] == "bo" and over.params["post"] == 20
    assert over.params["share"] == round(bo.post_share * 100)
    assert str(over.where) == "plan.yaml:8:43: leaders[1].post_percent"


def test_the_post_table_and_the_warning_in_the_cli(in_tmp):
    import json
    import re

    from typer.testing import CliRunner

    from klplan.cli.app import app
    from tests.plan_helpers import write_plan

    path = write_plan(in_tmp, plan_text(BO_GROUPS, base=POSTS))
    runner = CliRunner()
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert re.search(
        r"bo behöver \d+\.\d timmar i veckan, 2\d % av en heltid, mer än de 20 % av en "
        r"tjänst som planen ger",
        re.sub(r"\s+", " ", result.output),
    )
    table = runner.invoke(app, ["schedule", str(path)]).output
    (row,) = [x for x in table.splitlines() if x.startswith(" Bo Berg") and "%" in x]
    assert re.fullmatch(r" Bo Berg +18 +2\d,\d % +20 % +20 % *", row)
    doc = json.loads(runner.invoke(app, ["schedule", str(path), "-f", "json"]).stdout)
    anna, bo = doc["budgets"]["leaders"]
    assert doc["budgets"]["full_time_weekly_hours"] == 40
    assert (anna["participants"], anna["post_percent"], anna["resourced_percent"]) == (
        0,
        10,
        None,
    )
    assert (bo["participants"], bo["post_percent"], bo["resourced_percent"]) == (18, 20, 20)
    assert bo["post_share"] == pytest.approx(bo["hours_per_week"] / 40, abs=1e-3)
