"""Shared fixtures and domain helpers: tests should read like the school calendar."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from klplan.core.models import Slot
from klplan.core.plan import ModulePlan
from klplan.core.scheduler import SchoolWeeks, schedule_module
from klplan.core.weeks import IsoWeek
from klplan.loaders.calendars import load_calendar
from klplan.loaders.catalog import load_cadences, load_catalog
from klplan.messages import set_language

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("KLPLAN_UPDATE_GOLDEN") == "1"

# Hypothesis: the suite's profile. With CI set (CI runs with CI=true) the examples are
# derandomised (drawn from a fixed seed, no example database), so a CI run cannot fail
# on an input the run before it never drew; locally they stay random, to find new ones.
settings.register_profile(
    "klplan", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "klplan-ci", settings.get_profile("klplan"), derandomize=True, database=None
)
settings.load_profile("klplan-ci" if os.environ.get("CI") else "klplan")


@pytest.fixture(autouse=True)
def _swedish_and_fixed_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every test starts in Swedish, with a fixed date and terminal width."""
    set_language("sv")
    monkeypatch.setenv("KLPLAN_TODAY", "2026-11-23")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    for var in ("KLPLAN_LANG", "SOURCE_DATE_EPOCH"):
        monkeypatch.delenv(var, raising=False)
    # Defaults a developer set for their own use (KLPLAN_KOMMUN, klplan.toml in the
    # working directory) must not reach the tests: run them from an empty directory.
    for var in [v for v in os.environ if v.startswith("KLPLAN_")]:
        if var not in ("KLPLAN_TODAY", "KLPLAN_UPDATE_GOLDEN"):
            monkeypatch.delenv(var)
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    # ... nor their own ~/.config/klplan/klplan.toml (%APPDATA% on Windows).
    config_home = str(tmp_path_factory.mktemp("config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", config_home)
    monkeypatch.setenv("APPDATA", config_home)
    from klplan.cli.errors import set_debug

    set_debug(False)


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def cadences():
    return load_cadences()


def plan_for(
    module: str = "samtal-om-text",
    cadence: str = "intensiv",
    kommun: str = "Stockholm",
    school_year: int = 2025,
    start: str = "2025-W40",
    spring_start: str | None = None,
    weekday: int = 2,
    **calendar_kwargs,
) -> ModulePlan:
    """Schedule one module the way a test describes it."""
    cal = load_calendar(school_year, kommun=kommun, **calendar_kwargs).calendar
    return schedule_module(
        load_catalog().get(module),
        load_cadences()[cadence],
        SchoolWeeks(cal, weekday),
        Slot(weekday=weekday),
        IsoWeek.parse(start),
        IsoWeek.parse(spring_start) if spring_start else None,
    )


def meeting_weeks(plan: ModulePlan) -> dict[int, tuple[int, int]]:
    """{part: (week of B, week of D)} as plain week numbers, as in Skolverket's tables."""
    return {
        p: tuple(m.week.week for m in plan.part_meetings(p))
        for p in range(1, plan.module.parts + 1)
    }


def assert_no_meeting_in(plan: ModulePlan, week: str) -> None:
    w = IsoWeek.parse(week)
    hits = [f"del {m.part} {m.moment}" for m in plan.meetings if m.week == w]
    assert not hits, f"meetings in closed week {week}: {hits}"


def assert_meeting(plan: ModulePlan, part: int, moment: str, on: str) -> None:
    m = next(m for m in plan.meetings if m.part == part and m.moment == moment)
    assert m.date.isoformat() == on, f"del {part} {moment} is on {m.date}, expected {on}"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def klplan(capsys: pytest.CaptureFixture[str]):
    """Run the real entry point (argument parsing, error mapping, exit code)."""
    from klplan.cli.errors import run

    def invoke(*args: str) -> Result:
        code = run(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


def check_golden(name: str, actual: str | bytes) -> None:
    """Compare with tests/golden/NAME; KLPLAN_UPDATE_GOLDEN=1 rewrites the file."""
    path = GOLDEN / name
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if UPDATE or not path.exists():
        if not UPDATE and os.environ.get("CI"):
            pytest.fail(f"golden file {name} is missing (run with KLPLAN_UPDATE_GOLDEN=1)")
        path.write_bytes(data)
    assert data == path.read_bytes(), f"output differs from tests/golden/{name}"
