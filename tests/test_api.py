"""``klplan.api``, the library: its names are the ones docs/api.md documents, every
example there runs, and each function does for real what the command line does."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from klplan import api
from tests.ics_helpers import parse

DOC = Path(__file__).parent.parent / "docs" / "api.md"
TODAY = date(2026, 6, 1)

PLAN = """\
schema: 1
plan: {id: apiskolan, name: Kollegialt lärande}
school: {name: Apiskolan, principal: Rut Rektorsson}
kommun: Uppsala
school_years: [2026/27]
leaders:
  - {id: anna, name: Anna Andersson, email: anna@apiskolan.se}
groups:
  - {id: ekorren, participants: 6, leader: anna, module: samtal-om-text, start: 2026-W36}
  - {id: raven, participants: 5, leader: anna, module: lasstrategier, start: 2026-W37,
     slot: {weekday: torsdag}}
"""


def documented_names() -> list[str]:
    """The names docs/api.md gives a section of its own (``### `name` ``)."""
    return re.findall(r"^### `([A-Za-z_]+)`$", DOC.read_text("utf-8"), re.M)


def python_examples() -> list[tuple[int, str]]:
    """(line, code) of every ```python block in docs/api.md."""
    text = DOC.read_text("utf-8")
    return [
        (text.count("\n", 0, m.start()) + 2, m[1])
        for m in re.finditer(r"^```python\n(.*?)^```$", text, re.M | re.S)
    ]


def test_every_name_of_the_library_is_documented_and_nothing_else():
    documented = documented_names()
    assert sorted(documented) == sorted(set(documented)), "a name documented twice"
    assert set(api.__all__) - set(documented) == set(), "in __all__ but not in docs/api.md"
    assert set(documented) - set(api.__all__) == set(), "in docs/api.md but not in __all__"
    for name in api.__all__:
        assert getattr(api, name).__doc__, f"{name} has no docstring"


def test_the_examples_in_the_docs_run(tmp_path, monkeypatch, capsys):
    """In order, in an empty folder, each in a namespace of its own (what one leaves
    for the next is files)."""
    monkeypatch.chdir(tmp_path)
    examples = python_examples()
    assert len(examples) >= len(documented_names())
    for line, code in examples:
        try:
            exec(compile(code, f"docs/api.md:{line}", "exec"), {"__name__": "__example__"})
        except Exception as e:  # pragma: no cover - the message is the point
            pytest.fail(f"docs/api.md:{line}: {type(e).__name__}: {e}")
    out = capsys.readouterr().out
    assert "2026-W36 2026-09-02 15:00 1" in out  # schedule_one's first meeting


def test_help_documents_the_library_and_import_klplan_stays_light():
    code = (
        "import sys, klplan\n"
        "assert 'klplan.api' not in sys.modules and 'klplan.app.plan' not in sys.modules\n"
        "help(klplan.api)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "klplan as a library" in out.stdout
    for name in ("schedule_one", "write_calendars", "CalendarReport", "InputError"):
        assert name in out.stdout


def test_klplan_has_no_other_attributes():
    import klplan

    with pytest.raises(AttributeError):
        klplan.no_such_thing  # noqa: B018
    assert "api" in dir(klplan)


# --- errors name parameters, the command line flags --------------------------------
@pytest.mark.parametrize(
    ("call", "param"),
    [
        (lambda: api.schedule_one(module="x", today=TODAY), "module"),
        (lambda: api.schedule_one(cadence="sällan", today=TODAY), "cadence"),
        (lambda: api.schedule_one(kommun="Atlantis", today=TODAY), "kommun"),
        (lambda: api.schedule_one(lan="Atlantis", today=TODAY), "lan"),
        (lambda: api.schedule_one(kommun="Malmö", lan="Skåne", today=TODAY), "kommun/lan"),
        (lambda: api.schedule_one(start="2026-W99", today=TODAY), "start"),
        (lambda: api.schedule_one(spring_start="vår", today=TODAY), "spring_start"),
        (lambda: api.schedule_one(school_year="nästa", today=TODAY), "school_year"),
        (lambda: api.schedule_one(weekday="söndag", today=TODAY), "weekday"),
        (lambda: api.schedule_one(time="25:00", today=TODAY), "time"),
        (lambda: api.schedule_one(duration=1, today=TODAY), "duration"),
        (lambda: api.schedule_one(video_url="ftp://x", today=TODAY), "video_url"),
        (lambda: api.school_calendar("Malmö", "2026-27"), "school_year"),
    ],
)
def test_an_error_names_the_parameter_not_the_flag(call, param):
    with pytest.raises(api.KlplanError) as e:
        call()
    assert e.value.param == param
    assert e.value.where is not None and e.value.where.flag is None
    assert e.value.message().startswith(f"{param}: ")
    assert f"--{param.replace('_', '-')}:" not in e.value.message()


def test_a_start_outside_the_school_year_names_start():
    with pytest.raises(api.KlplanError) as e:
        api.schedule_one(school_year=2026, start="2026-W20", today=TODAY)
    assert e.value.param == "start"


def test_the_command_line_names_the_flag_of_the_same_error(klplan):
    """The use case says ``module``; ``klplan schedule`` words it as ``--module``."""
    r = klplan("schedule", "--module", "x")
    assert r.code == 2
    assert r.err.startswith("klplan: fel: --module: okänd modul 'x'")


def test_write_calendars_names_its_parameters(tmp_path):
    outcome = api.schedule_plan(_plan(tmp_path))
    with pytest.raises(api.UsageError) as e:
        api.write_calendars(outcome, tmp_path / "k", previous=tmp_path / "plan.yaml")
    assert e.value.param == "previous"
    with pytest.raises(api.UsageError) as e:
        api.write_calendars(outcome, tmp_path / "k", refresh="sometimes")
    assert e.value.param == "refresh"
    assert not (tmp_path / "k").exists()


# --- each function, for real ------------------------------------------------------------
def _plan(folder: Path, text: str = PLAN) -> Path:
    path = folder / "plan.yaml"
    path.write_text(text, "utf-8")
    return path


def test_load_plan_reads_a_plan_and_reports_every_problem(tmp_path):
    plan = api.load_plan(_plan(tmp_path))
    assert [g.id for g in plan.groups] == ["ekorren", "raven"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(PLAN.replace("leader: anna, module: lasstrategier", "leader: bo"), "utf-8")
    with pytest.raises(api.PlanInvalid) as e:
        api.load_plan(bad)
    assert e.value.problems and all(p.where.file == str(bad) for p in e.value.problems)


def test_schedule_one_gives_what_the_command_line_gives(klplan):
    outcome = api.schedule_one(
        module="samtal-om-text", kommun="Malmö", start="2026-W36", weekday=3, today=TODAY
    )
    args = ["-m", "samtal-om-text", "-k", "Malmö", "--start", "2026-W36", "--weekday", "onsdag"]
    r = klplan("schedule", *args, "-f", "json")
    import json

    cli = json.loads(r.out)
    dates = [m.date.isoformat() for m in outcome.groups[0].meetings]
    assert dates == [m["date"] for g in cli["groups"] for m in g["meetings"]]
    assert all(m.date.isoweekday() == 3 for m in outcome.groups[0].meetings)


def test_schedule_one_takes_python_values_too():
    from datetime import time

    from klplan.core.weeks import IsoWeek

    a = api.schedule_one(school_year=2026, start=IsoWeek(2026, 36), time=time(9, 30), today=TODAY)
    b = api.schedule_one(school_year="2026/27", start="2026-W36", time="9:30", today=TODAY)
    assert a == b
    assert a.groups[0].meetings[0].start.strftime("%H:%M") == "09:30"


def test_schedule_plan_takes_a_path_and_a_meeting_place(tmp_path):
    outcome = api.schedule_plan(_plan(tmp_path), location="Aulan")
    assert [g.location for g in outcome.groups] == ["Aulan", "Aulan"]
    assert outcome.plan_id == "apiskolan"


def test_school_calendar_gives_the_region_and_its_year():
    year = api.school_calendar("1280", 2026)
    assert year.calendar.region.name == "Malmö" and year.school_year == 2026
    default = api.school_calendar(today=TODAY)
    assert default.calendar.region.code == "0180" and default.defaults_used


def test_write_calendars_writes_updates_and_cancels_like_the_command_line(
    tmp_path, klplan, monkeypatch
):
    monkeypatch.delenv("KLPLAN_TODAY")  # the command line would date the files by it
    plan = _plan(tmp_path)
    folder = tmp_path / "api"
    report = api.write_calendars(api.schedule_plan(plan), folder)
    names = ["grupp-ekorren.ics", "grupp-raven.ics", "ledare-anna.ics"]
    assert [p.name for p in report.written] == names
    assert report.unchanged == report.cancelled == ()
    for name in names:  # real calendars, read by icalendar
        assert parse((folder / name).read_bytes())[1]
    # The same bytes as `klplan schedule PLAN -f ics -o DIR/`.
    assert klplan("schedule", str(plan), "-f", "ics", "-o", f"{tmp_path}/cli/").code == 0
    for name in names:
        assert (folder / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()

    again = api.write_calendars(api.schedule_plan(plan), folder)
    assert again.written == again.cancelled == ()
    assert [p.name for p in again.unchanged] == names

    _plan(tmp_path, PLAN.split("  - {id: raven")[0])  # the group raven is gone
    gone = api.write_calendars(api.schedule_plan(plan), folder)
    assert [p.name for p in gone.cancelled] == ["grupp-raven.ics"]
    assert [p.name for p in gone.written] == ["ledare-anna.ics"]
    assert [p.name for p in gone.unchanged] == ["grupp-ekorren.ics"]
    events = parse((folder / "grupp-raven.ics").read_bytes())[1]
    assert events and {e.status for e in events} == {"CANCELLED"}
    assert {c.kind for c in gone.changes[folder / "grupp-raven.ics"]} == {"cancelled"}
    # The command line over its own folder does the same.
    assert klplan("schedule", str(plan), "-f", "ics", "-o", f"{tmp_path}/cli/").code == 0
    for name in names:
        assert (folder / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()


def test_write_calendars_refuses_a_file_klplan_did_not_write(tmp_path):
    folder = tmp_path / "k"
    folder.mkdir()
    foreign = b"BEGIN:VCALENDAR\r\nPRODID:-//Microsoft//Outlook//EN\r\nEND:VCALENDAR\r\n"
    (folder / "grupp-raven.ics").write_bytes(foreign)
    outcome = api.schedule_plan(_plan(tmp_path))
    with pytest.raises(api.OutputError) as e:
        api.write_calendars(outcome, folder)
    assert e.value.key == "ics.not_klplan"
    assert sorted(p.name for p in folder.iterdir()) == ["grupp-raven.ics"]
    report = api.write_calendars(outcome, folder, force=True)
    assert folder / "grupp-raven.ics" in report.written


def test_write_calendars_reports_groups_without_an_invitation(tmp_path):
    text = PLAN.replace("leaders:\n", "leaders:\n  - {id: bo, name: Bo Berg}\n").replace(
        "{id: raven, participants: 5, leader: anna",
        "{id: raven, name: Räven, participants: 5, leader: bo",
    )
    outcome = api.schedule_plan(_plan(tmp_path, text))
    report = api.write_calendars(outcome, tmp_path / "k", invite=True)
    assert report.no_email == ("Räven",)
