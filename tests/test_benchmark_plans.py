"""The benchmark harness's synthetic plans are what its time-per-group rows assume:
how many combinations (module, cadence, start week and slot) their groups fall into,
since groups that meet alike share one schedule and its JSON and calendar lines.

- the municipal plan cycles through 60 combinations, so at 100 groups most groups are
  the first of theirs and at 20,000 almost none are;
- the control (``shared_plan_yaml``) has four at every size, so it shares as much at
  100 groups as at 20,000;
- the national plan gives nearly every group a combination of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.synthetic import national_plan_yaml, plan_yaml, shared_plan_yaml

from klplan.app.plan import schedule_plan
from klplan.core.outcome import ScheduleOutcome
from klplan.loaders.plan import load_plan


def scheduled(tmp_path: Path, text: str) -> ScheduleOutcome:
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    return schedule_plan(load_plan(path))


def schedules(outcome: ScheduleOutcome) -> int:
    """How many distinct module plans the groups have: the planner gives groups with
    the same inputs the very same plan object."""
    return len({id(p) for g in outcome.groups for p in g.plans})


@pytest.mark.parametrize("groups", [4, 40, 120])
def test_the_control_plan_has_four_combinations_at_every_size(tmp_path, groups):
    outcome = scheduled(tmp_path, shared_plan_yaml(groups))
    assert len(outcome.groups) == groups
    assert schedules(outcome) == 4


def test_the_control_plan_books_no_leader_twice(tmp_path):
    outcome = scheduled(tmp_path, shared_plan_yaml(40))
    for groups in outcome.groups_by_leader().values():
        starts = [m.start for g in groups for m in g.meetings]
        assert len(starts) == len(set(starts))


def test_the_municipal_plan_cycles_through_sixty_combinations(tmp_path):
    assert schedules(scheduled(tmp_path, plan_yaml(100))) == 60
    assert schedules(scheduled(tmp_path, plan_yaml(240))) == 60


def test_the_national_plan_gives_nearly_every_group_its_own(tmp_path):
    assert schedules(scheduled(tmp_path, national_plan_yaml(100))) == 100
