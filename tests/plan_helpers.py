"""Helpers for plan-file tests: write a plan as a school would, load it, schedule it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from klplan.app.plan import schedule_plan
from klplan.core.outcome import GroupPlan, ScheduleOutcome
from klplan.core.plan import ModulePlan
from klplan.loaders.plan import load_plan

BASE = """\
schema: 1
plan: {id: testplan, name: Testplan}
school: {name: Testskolan}
kommun: Stockholm
school_years: [2025/26]
leaders:
  - {id: anna, name: Anna Andersson}
  - {id: bo, name: Bo Berg}
"""


def plan_text(groups: str, extra: str = "", base: str = BASE) -> str:
    """A plan file: the base (Testskolan, Stockholm 2025/26, leaders anna and bo),
    ``extra`` top-level keys, and the ``groups`` list."""
    return (
        base + textwrap.dedent(extra) + "groups:\n" + textwrap.indent(textwrap.dedent(groups), "  ")
    )


def write_plan(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    """Write the plan into ``tmp_path``; the path returned is relative to it when the
    test runs there (``in_tmp``), so messages name ``plan.yaml`` as a user would."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Path(name) if Path.cwd() == tmp_path else path


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def schedule(tmp_path: Path, text: str, *, stagger: bool = False) -> ScheduleOutcome:
    return schedule_plan(load_plan(write_plan(tmp_path, text)), stagger=stagger)


def group(outcome: ScheduleOutcome, group_id: str) -> GroupPlan:
    return next(g for g in outcome.groups if g.id == group_id)


def weeks_of(plan: ModulePlan) -> list[str]:
    """Every meeting's ISO week, in order."""
    return [str(m.week) for m in plan.meetings]
