"""Several outputs from one run: ``-f`` and ``-o`` repeated, paired in order. The
plan is read and scheduled once, each output is what its own run would write, and a
refused output means nothing is written at all."""

from __future__ import annotations

import json

import pytest

from tests.plan_helpers import plan_text, write_plan

GROUPS = """\
- {id: ekorren, participants: 5, leader: anna, module: samtal-om-text, start: 2025-W38,
   slot: {weekday: onsdag, time: '15:00'}}
- {id: grodan, participants: 6, leader: anna, module: lasstrategier, start: 2025-W38,
   slot: {weekday: torsdag, time: '14:00'}}
- {id: ugglan, participants: 4, leader: bo, module: samtal-om-text, cadence: treveckors,
   start: 2025-W36, slot: {weekday: tisdag, time: '13:00'}}
"""


@pytest.fixture
def plan(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # DTSTAMP the same in every run
    return str(write_plan(tmp_path, plan_text(GROUPS)))


def tree(directory):
    """{file name: bytes} of the files in a directory, hidden ones included, and
    {name: None} of its directories."""
    return {p.name: p.read_bytes() if p.is_file() else None for p in sorted(directory.iterdir())}


def test_one_run_writes_what_separate_runs_write(klplan, plan, tmp_path):
    one, apart = tmp_path / "one", tmp_path / "apart"
    one.mkdir()
    apart.mkdir()
    r = klplan(
        "schedule", plan,
        "-f", "json", "-o", str(one / "plan.json"),
        "-f", "ics", "-o", f"{one}/kalendrar/",
        "-f", "csv", "-o", str(one / "moten.csv"),
        "-f", "table", "-o", str(one / "ledare.txt"),
        "--view", "leader",
    )  # fmt: skip
    assert r.code == 0, r.err
    assert r.out == ""
    for args in (
        ["-f", "json", "-o", str(apart / "plan.json")],
        ["-f", "ics", "-o", f"{apart}/kalendrar/"],
        ["-f", "csv", "-o", str(apart / "moten.csv")],
        ["-f", "table", "-o", str(apart / "ledare.txt"), "--view", "leader"],
    ):
        assert klplan("schedule", plan, *args).code == 0
    assert tree(one) == tree(apart)
    assert tree(one / "kalendrar") == tree(apart / "kalendrar")
    assert sorted(tree(one / "kalendrar")) == [
        "grupp-ekorren.ics",
        "grupp-grodan.ics",
        "grupp-ugglan.ics",
        "ledare-anna.ics",
        "ledare-bo.ics",
    ]
    assert "Anna Andersson (anna) · grupper ekorren, grodan" in (one / "ledare.txt").read_text(
        "utf-8"
    )  # the leader view


def test_the_plan_is_read_and_scheduled_once(klplan, plan, tmp_path, monkeypatch):
    import klplan.app.plan as planning
    import klplan.loaders.plan as loader

    calls = {"load_plan": 0, "schedule_plan": 0}

    def counted(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counted(loader, "load_plan")
    counted(planning, "schedule_plan")
    r = klplan(
        "schedule", plan,
        "-f", "json", "-o", str(tmp_path / "plan.json"),
        "-f", "ics", "-o", f"{tmp_path}/kalendrar/",
    )  # fmt: skip
    assert r.code == 0, r.err
    assert calls == {"load_plan": 1, "schedule_plan": 1}


def test_one_output_may_go_to_stdout(klplan, plan, tmp_path):
    r = klplan(
        "schedule", plan, "-f", "csv", "-o", str(tmp_path / "m.csv"), "-f", "json", "-o", "-"
    )
    assert r.code == 0, r.err
    assert [g["id"] for g in json.loads(r.out)["groups"]] == ["ekorren", "grodan", "ugglan"]
    assert (tmp_path / "m.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # excel-sv


def test_the_view_goes_to_the_formats_that_have_views(klplan, plan, tmp_path):
    r = klplan(
        "schedule", plan,
        "-f", "json", "-o", str(tmp_path / "plan.json"),
        "-f", "table", "-o", str(tmp_path / "oversikt.txt"),
        "--view", "overview",
    )  # fmt: skip
    assert r.code == 0, r.err
    assert json.loads((tmp_path / "plan.json").read_text("utf-8"))["groups"]
    alone = tmp_path / "alone.txt"
    assert klplan("schedule", plan, "--view", "overview", "-o", str(alone)).code == 0
    assert (tmp_path / "oversikt.txt").read_bytes() == alone.read_bytes()
    assert "Årsöversikt" in alone.read_text("utf-8")


@pytest.mark.parametrize(
    "args,code,fragment",
    [
        (["-f", "json", "-f", "ics"], 2, "--output: 0 -o för 2 --format: ge ett -o per --format"),
        (["-f", "json", "-o", "a.json", "-f", "ics"], 2, "1 -o för 2 --format"),
        (["-o", "a.txt", "-o", "b.txt"], 2, "2 -o för 1 --format"),
        (
            ["-f", "json", "-o", "-", "-f", "csv", "-o", "-"],
            2,
            "högst en utdata kan gå till stdout",
        ),
        (["-f", "json", "-o", "x", "-f", "csv", "-o", "./x"], 2, "./x anges för två utdata"),
        (["-f", "json", "-o", "a.json", "-f", "ics", "-o", "k/", "--check"], 2, "--check: "),
        (["-f", "json", "-o", "a.json", "-f", "csv", "-o", "b.csv", "--invite"], 2, "--invite"),
        (
            ["-f", "json", "-o", "a.json", "-f", "html", "-o", "b.html", "--view", "leader"],
            2,
            "html",
        ),
        (["-f", "json", "-o", "a.json", "-f", "ics", "-o", "k/", "--view", "parts"], 2, "json"),
        (["-f", "json", "-o", "a.json", "-f", "ics", "-o", "saknas/k.ics"], 3, "saknas/k.ics"),
        (["-f", "ics", "-o", "k/", "-f", "json", "-o", "saknas/a.json"], 3, "saknas/a.json"),
    ],
)
def test_a_refused_output_writes_nothing(klplan, plan, tmp_path, monkeypatch, args, code, fragment):
    monkeypatch.chdir(tmp_path)
    before = tree(tmp_path)
    r = klplan("schedule", plan, *args)
    assert r.code == code, r.err
    assert fragment in r.err
    assert "Traceback" not in r.err
    assert len(r.err.strip().splitlines()) == 1, r.err
    assert tree(tmp_path) == before


def test_a_calendar_klplan_did_not_write_stops_the_other_outputs_too(klplan, plan, tmp_path):
    calendars = tmp_path / "kalendrar"
    calendars.mkdir()
    (calendars / "grupp-ekorren.ics").write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//Other//EN\r\n")
    r = klplan(
        "schedule", plan,
        "-f", "json", "-o", str(tmp_path / "plan.json"),
        "-f", "ics", "-o", f"{calendars}/",
    )  # fmt: skip
    assert r.code == 3, r.err
    assert "grupp-ekorren.ics" in r.err
    assert not (tmp_path / "plan.json").exists()
    assert [p.name for p in calendars.iterdir()] == ["grupp-ekorren.ics"]


def test_english_message(klplan, plan):
    r = klplan("--lang", "en", "schedule", plan, "-f", "json", "-f", "csv", "-o", "a.csv")
    assert r.code == 2
    assert "1 -o for 2 --format: give one -o per --format, in the same order" in r.err


def test_two_calendar_outputs_are_both_written(klplan, plan, tmp_path):
    r = klplan(
        "schedule", plan,
        "-f", "ics", "-o", f"{tmp_path}/kalendrar/",
        "-f", "ics", "-o", str(tmp_path / "alla.ics"),
    )  # fmt: skip
    assert r.code == 0, r.err
    assert len(list((tmp_path / "kalendrar").glob("*.ics"))) == 5
    alone = tmp_path / "alone.ics"
    assert klplan("schedule", plan, "-f", "ics", "-o", str(alone)).code == 0
    assert (tmp_path / "alla.ics").read_bytes() == alone.read_bytes()
