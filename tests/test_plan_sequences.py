"""Module sequences in a plan: one module per term, modules back to back, and plans
over several school years."""

from __future__ import annotations

import pytest

from klplan.core.errors import InputError, ScheduleError
from klplan.core.scheduler import SchoolWeeks
from tests.plan_helpers import BASE, group, in_tmp, plan_text, schedule

pytestmark = pytest.mark.usefixtures("in_tmp")
__all__ = ["in_tmp"]

TWO_YEARS = BASE.replace("[2025/26]", "[2025/26, 2026/27]")


def terms(plan) -> set[str]:
    return {m.term.label for m in plan.meetings}


def test_a_two_module_year_puts_one_module_in_each_term(in_tmp):
    outcome = schedule(
        in_tmp,
        plan_text(
            """\
            - id: f-3
              participants: 6
              leader: anna
              modules: [samtal-om-text, skrivundervisning]
              sequence: per_term
              start: 2025-W35
            """
        ),
    )
    autumn, spring = group(outcome, "f-3").plans
    assert (autumn.module.id, spring.module.id) == ("samtal-om-text", "skrivundervisning")
    assert terms(autumn) == {"HT 2025"} and terms(spring) == {"VT 2026"}
    # The spring module starts in the spring term's first school week for the group.
    weeks = SchoolWeeks(outcome.calendar, 2)
    first_spring = next(o for o in weeks.open if o.term_index == 1)
    assert spring.meetings[0].week == first_spring.week
    assert len(autumn.meetings) == len(spring.meetings) == 16


def test_back_to_back_starts_the_next_module_at_the_next_cadence_step(in_tmp):
    outcome = schedule(
        in_tmp,
        plan_text(
            """\
            - id: forskola
              participants: 7
              leader: bo
              modules: [lasa-och-beratta, skapa-och-kommunicera]
              sequence: back_to_back
              cadence: varannan-vecka
              start: 2025-W36
            """
        ),
    )
    first, second = group(outcome, "forskola").plans
    weeks = SchoolWeeks(outcome.calendar, 2)
    last_d = weeks.index_from(first.meetings[-1].week)
    # varannan-vecka: two open school weeks from D to the next B, across modules too.
    assert second.meetings[0].week == weeks.open[last_d + 2].week
    assert len(first.meetings) == len(second.meetings) == 8


def test_two_modules_a_year_over_two_school_years(in_tmp):
    outcome = schedule(
        in_tmp,
        plan_text(
            """\
            - id: lag
              participants: 5
              leader: anna
              modules: [samtal-om-text, skrivundervisning, lasstrategier, tidig-lasundervisning]
              start: 2025-W35
            """,
            base=TWO_YEARS,
        ),
    )
    plans = group(outcome, "lag").plans
    assert [terms(p) for p in plans] == [{"HT 2025"}, {"VT 2026"}, {"HT 2026"}, {"VT 2027"}]
    assert outcome.calendar.school_years == ("2025/26", "2026/27")


def test_forskolans_matematik_twelve_parts_over_two_school_years(in_tmp):
    outcome = schedule(
        in_tmp,
        plan_text(
            """\
            - id: forskolan
              participants: 8
              leader: bo
              module: forskolans-matematik
              cadence: varannan-vecka
              start: 2025-W45
            """,
            base=TWO_YEARS,
        ),
    )
    (plan,) = group(outcome, "forskolan").plans
    assert len(plan.meetings) == 24
    years = {m.term.school_year for m in plan.meetings}
    assert years == {"2025/26", "2026/27"}
    # No meeting in the summer between the years, and every part's B and D share a term.
    assert not [m for m in plan.meetings if m.date.month in (7, 8) and m.date.day < 15]
    for part in range(1, 13):
        b, d = plan.part_meetings(part)
        assert b.term == d.term, f"del {part}"


def test_a_sequence_that_runs_past_the_plans_school_years_says_so(in_tmp):
    with pytest.raises(ScheduleError) as e:
        schedule(
            in_tmp,
            plan_text(
                """\
                - id: sen
                  participants: 6
                  leader: anna
                  modules: [samtal-om-text, skrivundervisning]
                  start: 2026-W03
                """
            ),
        )
    message = e.value.message()
    assert message.startswith("plan.yaml:10:5: groups[0]: Skrivundervisning får inte plats")
    assert "lägg till ett läsår i school_years" in message


def test_a_start_week_outside_the_plans_school_years_points_at_the_group(in_tmp):
    with pytest.raises(InputError) as e:
        schedule(
            in_tmp,
            plan_text(
                "- {id: g, participants: 6, leader: anna, module: samtal-om-text, "
                "start: 2027-W03}\n"
            ),
        )
    assert e.value.message().startswith(
        "plan.yaml:10:75: groups[0].start: vecka 2027-W03 ligger utanför läsåret 2025/26"
    )
