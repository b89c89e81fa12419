"""The use cases (klplan.app): values in, an outcome or an error out. They never print
and never name a command-line flag: an error names the parameter, and the CLI words it
as its flag (klplan.cli.flags), so what a user sees is unchanged."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

import klplan.app
from klplan.app.single import ScheduleRequest, schedule_single
from klplan.core.errors import InputError, KlplanError, ScheduleError, UsageError, Where
from klplan.core.outcome import Fit
from klplan.core.weeks import IsoWeek

TODAY = date(2026, 11, 23)
APP = Path(klplan.app.__file__).parent


def request(**kwargs: object) -> ScheduleRequest:
    return ScheduleRequest(today=TODAY, kommun="0180", **kwargs)  # type: ignore[arg-type]


def raised(req: ScheduleRequest) -> KlplanError:
    with pytest.raises(KlplanError) as e:
        schedule_single(req)
    return e.value


@pytest.mark.parametrize(
    "kwargs,kind,param,text",
    [
        ({"module": "nope"}, InputError, "module", "module: okänd modul 'nope'"),
        ({"cadence": "intensive"}, InputError, "cadence", "cadence: okänd takt 'intensive'"),
        (
            {"school_year": 2025, "start": IsoWeek(2027, 40)},
            UsageError,
            "start",
            "start: vecka 2027-W40 ligger utanför läsåret 2025/26",
        ),
        (
            {"school_year": 2025, "spring_start": IsoWeek(2027, 40)},
            UsageError,
            "spring_start",
            "spring_start: vecka 2027-W40 ligger utanför läsåret 2025/26",
        ),
    ],
)
def test_an_error_names_the_parameter_not_the_flag(kwargs, kind, param, text):
    e = raised(request(**kwargs))
    assert type(e) is kind
    assert e.param == param and e.where == Where(param=param)
    assert e.message().startswith(text), e.message()
    assert "--" not in e.message()


def test_a_module_that_does_not_fit_says_what_would_fit_as_data():
    e = raised(request(cadence="treveckors", start=IsoWeek(2026, 6), school_year=2025))
    assert isinstance(e, ScheduleError) and e.key == "schedule.not_enough_weeks"
    # Each option tried: intensiv from 2026-W06, the year's first week, the span into
    # 2026/27. Not the next school year: the given start is in 2025/26.
    assert e.params["fit"] == Fit(
        cadence="intensiv",
        earlier_start=IsoWeek(2025, 34),
        next_school_year=None,
        school_years=(2025, 2026),
    )
    assert e.hint is None and "--" not in e.message()


def test_the_cli_words_the_parameter_as_its_flag_and_the_fit_as_flags():
    from klplan.cli.errors import with_flag
    from klplan.cli.flags import for_cli

    def worded(e: KlplanError) -> KlplanError:
        return for_cli(with_flag(e, None))

    e = worded(raised(request(module="nope")))
    assert (e.where, e.param) == (Where(flag="--module"), None)
    assert e.message().startswith("--module: okänd modul 'nope'")
    e = worded(raised(request(school_year=2025, spring_start=IsoWeek(2027, 40))))
    assert e.message().startswith("--spring-start: vecka 2027-W40 ligger utanför")
    e = worded(raised(request(cadence="treveckors", start=IsoWeek(2026, 6), school_year=2025)))
    assert e.hint == (
        "prova --cadence intensiv eller --start 2025-W34 eller --school-years 2025/26-2026/27"
    )


def test_an_error_with_a_position_keeps_it():
    """A file position (a broken --modules file) is not replaced by the parameter."""
    from klplan.app.single import _about
    from klplan.cli.errors import with_flag

    with pytest.raises(InputError) as caught, _about("module"):
        raise InputError("module.unknown", where=Where(file="m.yaml", line=3), module="x")
    assert caught.value.where == Where(file="m.yaml", line=3)
    assert with_flag(caught.value, None).where == Where(file="m.yaml", line=3)


@pytest.mark.parametrize(
    "args,code,line",
    [
        (
            ["schedule", "--start", "2027-W40", "-y", "2025/26"],
            2,
            "klplan: fel: --start: vecka 2027-W40 ligger utanför läsåret 2025/26"
            " (2025-W34–2026-W24)",
        ),
        (
            ["schedule", "--spring-start", "2024-W40", "-y", "2025/26"],
            2,
            "klplan: fel: --spring-start: vecka 2024-W40 ligger utanför läsåret 2025/26"
            " (2025-W34–2026-W24)",
        ),
        (
            ["--lang", "en", "schedule", "--cadence", "intensive"],
            2,
            "klplan: error: --cadence: unknown cadence 'intensive'",
        ),
    ],
)
def test_the_command_line_still_names_the_flag(klplan, args, code, line):
    r = klplan(*args)
    assert r.code == code
    assert r.err.startswith(line), r.err


def test_a_value_from_the_environment_is_named_by_its_variable(klplan, monkeypatch):
    """The parameter becomes the flag, and a flag's value from KLPLAN_* is named there."""
    monkeypatch.setenv("KLPLAN_MODULE", "nope")
    r = klplan("schedule")
    assert r.code == 2
    assert r.err.startswith("klplan: fel: KLPLAN_MODULE: okänd modul 'nope'"), r.err


def test_every_parameter_has_a_flag_of_klplan_schedule():
    """klplan.cli.flags maps each ScheduleRequest field to the option that sets it."""
    import dataclasses

    import typer

    from klplan.cli.app import app
    from klplan.cli.flags import FLAGS, flag_of

    command = typer.main.get_command(app).commands["schedule"]  # type: ignore[attr-defined]
    options = {p.name: p.opts for p in command.params}
    # A span's last school year comes from the same option: --school-years 2026/27-2027/28.
    fields = {f.name for f in dataclasses.fields(ScheduleRequest)} - {"today", "last_school_year"}
    assert set(FLAGS) == fields
    assert "--school-years" in options["school_year"]
    for param, flag in FLAGS.items():
        assert flag_of(param) == flag and flag in options[param], (param, flag)


def _source_of_app() -> list[tuple[str, ast.Module]]:
    return [(p.name, ast.parse(p.read_text("utf-8"))) for p in sorted(APP.glob("*.py"))]


def test_the_use_cases_never_name_a_flag():
    for name, tree in _source_of_app():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not node.value.lstrip().startswith("--"), (name, node.value)


def test_the_use_cases_never_print():
    for name, tree in _source_of_app():
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                assert node.id != "print", name
            if isinstance(node, ast.Attribute):
                assert node.attr not in ("stdout", "stderr"), name
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                assert not module.startswith(("klplan.cli", "rich", "typer")), (name, module)
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith(("rich", "typer", "sys")), (name, alias)
