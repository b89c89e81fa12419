"""Time budgets: what the plan asks of each participant (per module) and of each leader
(meetings, as much preparation, check-ins), and the warnings about unrealistic loads."""

from __future__ import annotations

import pytest

from klplan.core.budget import leader_budget
from klplan.core.outcome import time_budgets
from klplan.core.scheduler import SchoolWeeks
from klplan.core.weeks import IsoWeek
from tests.plan_helpers import in_tmp, plan_text, schedule

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


def test_a_participant_plans_a_b_and_d_against_skolverkets_estimate(in_tmp):
    outcome = schedule(
        in_tmp,
        plan_text("- {id: g, participants: 6, leader: anna, module: samtal-om-text}\n"),
    )
    (b,) = time_budgets(outcome).participants
    # 8 parts × (A 45–60 + B 90 + D 45–60 minutes) = 24–28 hours; Skolverket says ~30
    # (C, the activity, is part of ordinary teaching).
    assert (b.group, b.module_id, b.parts) == ("g", "samtal-om-text", 8)
    assert b.planned_minutes == (8 * (45 + 90 + 45), 8 * (60 + 90 + 60))
    assert b.planned_hours == (24.0, 28.0)
    assert b.estimate_hours == 30


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
    assert b.planned_minutes == (3 * (30 + 120 + 45), 3 * (30 + 120 + 60))
    assert b.estimate_hours is None


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
