"""`klplan schedule --leader NAME` and `api.schedule_one(leader=...)`: a single-group run
names its leader, and every output that shows a plan group's leader shows it (issue
17: the CSV's `leader` column was always empty on a single-group run)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from klplan import api
from klplan.app.single import LEADER_NAME_MAX, leader_id, leader_named
from klplan.cli.app import app
from klplan.core.errors import UsageError
from klplan.core.outcome import Leader
from klplan.loaders.plan import id_problem
from klplan.render.csv import COLUMNS, meetings_csv
from tests.conftest import check_golden
from tests.ics_helpers import parse

ANNA = ("--leader", "Anna Svensson")
# The README's examples: a fixed start so the runs do not depend on the date.
ONE = ("schedule", "-k", "Stockholm", "--start", "2025-W40", "--spring-start", "2026-W04")


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- CSV --------------------------------------------------------------------------------
def test_the_csv_leader_column_has_the_name_and_nothing_else_changes(klplan):
    plain = klplan(*ONE, "-f", "csv", "--csv-dialect", "rfc4180")
    led = klplan(*ONE, *ANNA, "-f", "csv", "--csv-dialect", "rfc4180")
    assert plain.code == led.code == 0, led.err
    before, after = csv_rows(plain.out), csv_rows(led.out)
    assert plain.out.splitlines()[0] == led.out.splitlines()[0] == ",".join(COLUMNS)
    assert len(after) == len(before) == 16
    assert {r["leader"] for r in before} == {""}
    assert {r["leader"] for r in after} == {"Anna Svensson"}
    assert [{**r, "leader": ""} for r in after] == before


def test_click_and_a_real_process_give_the_same_csv(klplan):
    """Through typer's CliRunner and through ``python -m klplan`` (a name with å and ö
    passed in argv) the CSV is the entry point's, byte for byte."""
    args = [*ONE, "--leader", "Åsa Öberg", "-f", "csv", "--csv-dialect", "rfc4180"]
    expected = klplan(*args)
    assert expected.code == 0, expected.err
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8") == expected.out
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "klplan", *args], capture_output=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8") == expected.out
    assert {r["leader"] for r in csv_rows(expected.out)} == {"Åsa Öberg"}


def test_a_leader_that_starts_like_a_formula_is_text_in_excel(klplan):
    r = klplan(*ONE, "--leader", "=Anna", "-f", "csv")
    assert r.code == 0, r.err
    rows = list(csv.reader(io.StringIO(r.out.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][2] == "Ledare"
    assert {row[2] for row in rows[1:]} == {"'=Anna"}


def test_the_workbook_carries_the_leader(klplan, tmp_path):
    out = tmp_path / "plan.xlsx"
    r = klplan(*ONE, *ANNA, "-f", "xlsx", "-o", str(out))
    assert r.code == 0, r.err
    with zipfile.ZipFile(out) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/"))
    assert "Anna Svensson" in xml


# --- JSON -------------------------------------------------------------------------------
def test_json_lists_the_leader_and_the_group_names_it(klplan):
    plain = klplan(*ONE, "-f", "json")
    led = klplan(*ONE, *ANNA, "-f", "json")
    assert plain.code == led.code == 0, led.err
    check_golden("schedule-stockholm-intensiv-2025.json", plain.out)  # unchanged without
    before, after = json.loads(plain.out), json.loads(led.out)
    assert before["leaders"] == [] and before["groups"][0]["leader"] is None
    assert after["leaders"] == [
        {"id": "anna-svensson", "name": "Anna Svensson", "email": None, "groups": ["grupp-1"]}
    ]
    assert after["groups"][0]["leader"] == "anna-svensson"
    (budget,) = after["budgets"]["leaders"]
    assert budget["leader"] == "anna-svensson" and budget["meetings"] == 16
    # Nothing else differs: the same group, meetings, calendar and participants' budgets.
    for doc in (before, after):
        doc.pop("leaders")
        doc["groups"][0].pop("leader")
        doc["budgets"].pop("leaders")
    assert after == before


# --- the table --------------------------------------------------------------------------
def test_the_table_caption_names_the_leader(klplan, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # the caption on one line
    plain = klplan(*ONE)
    led = klplan(*ONE, *ANNA)
    assert plain.code == led.code == 0, led.err
    assert "(Europe/Stockholm). Ledare: Anna Svensson. Kalender:" in led.out
    assert led.out.replace("Ledare: Anna Svensson. ", "") == plain.out


def test_the_table_in_english_and_the_default_golden_without_a_leader(klplan):
    r = klplan("--lang", "en", *ONE, *ANNA)
    assert r.code == 0, r.err
    assert "Leader: Anna Svensson." in r.out
    check_golden("schedule-stockholm-intensiv-2025.txt", klplan(*ONE).out)


def test_the_year_overview_html_and_markdown_name_the_leader(klplan, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    overview = klplan(*ONE, *ANNA, "--view", "overview")
    html = klplan(*ONE, *ANNA, "-f", "html")
    md = klplan(*ONE, *ANNA, "-f", "md")
    assert overview.code == html.code == md.code == 0
    assert "; ledare Anna Svensson" in overview.out
    assert "<small>Anna Svensson</small>" in html.out
    assert "ledare Anna Svensson" in md.out
    assert "Anna Svensson" not in klplan(*ONE, "-f", "md").out


# --- calendar files ---------------------------------------------------------------------
def test_one_calendar_file_is_the_same_with_or_without_a_leader(klplan, tmp_path):
    """A plan group's meetings carry nothing of their leader but, with --invite, the
    leader's e-mail, which --leader does not give: the file is the same, so adding a
    leader to a run updates nothing in a calendar already imported."""
    plain, led = tmp_path / "a.ics", tmp_path / "b.ics"
    assert klplan(*ONE, "-f", "ics", "-o", str(plain)).code == 0
    r = klplan(*ONE, *ANNA, "-f", "ics", "-o", str(led))
    assert r.code == 0, r.err
    check_golden("schedule-stockholm-2025.ics", plain.read_bytes())
    assert led.read_bytes() == plain.read_bytes()


def test_a_calendar_folder_gets_the_leaders_calendar_as_a_plan_does(klplan, tmp_path):
    plain, led = tmp_path / "utan", tmp_path / "med"
    assert klplan(*ONE, "-f", "ics", "-o", f"{plain}/").code == 0
    r = klplan(*ONE, *ANNA, "-f", "ics", "-o", f"{led}/")
    assert r.code == 0, r.err
    assert sorted(p.name for p in plain.iterdir()) == ["grupp-1.ics"]
    assert sorted(p.name for p in led.iterdir()) == ["grupp-1.ics", "ledare-anna-svensson.ics"]
    group = (led / "grupp-1.ics").read_bytes()
    assert group == (plain / "grupp-1.ics").read_bytes()
    cal, events = parse((led / "ledare-anna-svensson.ics").read_bytes())
    assert str(cal["X-WR-CALNAME"]) == "Kollegialt lärande · ledare Anna Svensson"
    # The leader's calendar holds the group's meetings, by the same UIDs.
    assert [(e.uid, e.start) for e in events] == [(e.uid, e.start) for e in parse(group)[1]]
    assert len(events) == 16


def test_a_leader_no_longer_named_has_their_calendars_meetings_cancelled(klplan, tmp_path):
    """As when a plan drops a leader: the file stays, its meetings cancelled."""
    folder = f"{tmp_path}/kalendrar/"
    assert klplan(*ONE, *ANNA, "-f", "ics", "-o", folder).code == 0
    r = klplan(*ONE, "-f", "ics", "-o", folder)
    assert r.code == 0, r.err
    _, events = parse((tmp_path / "kalendrar" / "ledare-anna-svensson.ics").read_bytes())
    assert {e.status for e in events} == {"CANCELLED"}
    _, group = parse((tmp_path / "kalendrar" / "grupp-1.ics").read_bytes())
    assert {e.status for e in group} == {"CONFIRMED"}


# --- bad names and the plan file ------------------------------------------------------
@pytest.mark.parametrize(
    "name,says",
    [
        ("", "ledarens namn är tomt"),
        ("   ", "ledarens namn är tomt"),
        ("Anna\tSvensson", "styrtecken eller osynligt tecken (U+0009)"),
        ("Anna\nSvensson", "(U+000A)"),
        ("Anna\x1b[31mSvensson", "(U+001B)"),
        ("Anna\u202eSvensson", "(U+202E)"),  # a bidi override hides what the name says
        ("a" * (LEADER_NAME_MAX + 1), "201 tecken långt; högst 200 tecken"),
    ],
)
def test_a_bad_name_is_a_one_line_error_naming_the_flag(klplan, tmp_path, name, says):
    out = tmp_path / "moten.csv"
    r = klplan(*ONE, "--leader", name, "-f", "csv", "-o", str(out))
    assert r.code == 2
    assert r.err.startswith("klplan: fel: --leader: ") and says in r.err, r.err
    assert r.err.count("\n") == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_name_of_the_longest_length_is_taken(klplan):
    r = klplan(*ONE, "--leader", "Å" * LEADER_NAME_MAX, "-f", "json")
    assert r.code == 0, r.err
    (leader,) = json.loads(r.out)["leaders"]
    assert leader["name"] == "Å" * LEADER_NAME_MAX and leader["id"] == "å" * 80


def test_a_bad_name_in_english(klplan):
    r = klplan("--lang", "en", *ONE, "--leader", " ")
    assert r.code == 2
    assert r.err == "klplan: error: --leader: the leader's name is empty\n"


def test_a_plan_file_refuses_the_leader_flag_like_other_single_group_flags(klplan, tmp_path):
    plan = tmp_path / "plan.yaml"
    assert klplan("init", str(plan)).code == 0
    out = tmp_path / "plan.json"
    r = klplan("schedule", str(plan), *ANNA, "-f", "json", "-o", str(out))
    other = klplan("schedule", str(plan), "--module", "samtal-om-text")
    assert r.code == other.code == 2
    assert r.err == (
        "klplan: fel: --leader: ledarna anges i planfilen (leaders och groups[].leader), "
        "inte på kommandoraden\n"
    )
    assert not out.exists()
    # Even an empty name: the flag itself is wrong there, whatever its value.
    assert klplan("schedule", str(plan), "--leader", "").err == r.err


def test_the_help_shows_the_option_with_an_example(klplan):
    sv = klplan("schedule", "--help")
    en = klplan("--lang", "en", "schedule", "--help")
    for r, words in ((sv, "Gruppens ledare"), (en, "The group's leader")):
        assert r.code == 0
        text = " ".join(r.out.split())
        assert "--leader" in text and words in text and '"Anna Svensson"' in text


# --- the library ------------------------------------------------------------------------
def test_schedule_one_takes_a_leader():
    outcome = api.schedule_one(
        kommun="Stockholm", start="2025-W40", leader=" Anna Svensson ", today=date(2025, 9, 1)
    )
    assert outcome.leaders == (Leader(id="anna-svensson", name="Anna Svensson"),)
    assert outcome.groups[0].leader == "anna-svensson"
    assert outcome.groups_by_leader() == {"anna-svensson": [outcome.groups[0]]}
    rows = csv_rows(meetings_csv(outcome, "rfc4180").decode("utf-8"))
    assert {r["leader"] for r in rows} == {"Anna Svensson"}
    alone = api.schedule_one(kommun="Stockholm", start="2025-W40", today=date(2025, 9, 1))
    assert alone.leaders == () and alone.groups[0].leader is None


def test_schedule_one_gives_what_the_command_line_gives(klplan):
    r = klplan(*ONE, *ANNA, "-f", "csv")
    outcome = api.schedule_one(
        kommun="Stockholm",
        start="2025-W40",
        spring_start="2026-W04",
        leader="Anna Svensson",
        today=date(2026, 11, 23),
    )
    assert meetings_csv(outcome).decode("utf-8") == r.out


@pytest.mark.parametrize("name", ["", " \t ", "Anna\rSvensson", "x" * 201, "Anna\udc80"])
def test_schedule_one_names_the_leader_parameter(name):
    with pytest.raises(UsageError) as e:
        api.schedule_one(leader=name, today=date(2026, 6, 1))
    assert e.value.param == "leader"
    assert "--leader" not in e.value.message()


def test_a_bad_leader_is_found_before_anything_is_read():
    """The name is checked first: an unknown module is not what the error is about."""
    with pytest.raises(UsageError) as e:
        api.schedule_one(module="no-such-module", leader="", today=date(2026, 6, 1))
    assert e.value.param == "leader"


# --- the id -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name,id",
    [
        ("Anna Svensson", "anna-svensson"),
        ("Åsa Öberg", "åsa-öberg"),
        ("Anna-Karin O'Neil", "anna-karin-o-neil"),
        ("  Bo   Berg  ", "bo-berg"),
        ("M. Ali (fritids)", "m-ali-fritids"),
        ("snake_case", "snake-case"),
        ("Con", "ledare-con"),  # a Windows device name is not an id
        ("Åsa O\u0308berg", "åsa-öberg"),  # ö typed as o + a combining diaeresis
    ],
)
def test_the_id_is_made_from_the_name(name, id):
    assert leader_id(name) == id
    assert id_problem(id) is None


def test_a_name_with_no_letter_gets_a_stable_id_of_its_own():
    assert leader_id("☀") == leader_id("☀") != leader_id("☂")
    assert leader_id("☀").startswith("ledare-") and id_problem(leader_id("☀")) is None


@given(st.text(min_size=1, max_size=LEADER_NAME_MAX))
def test_every_name_taken_gives_an_id_a_plan_accepts(name):
    try:
        leader = leader_named(name)
    except UsageError as e:
        assert e.param == "leader"
        return
    assert leader is not None
    assert leader.name == name.strip()
    assert id_problem(leader.id) is None and len(leader.id) <= 80
    assert leader_named(name) == leader


def test_the_id_gives_the_leaders_calendar_a_safe_file_name(klplan, tmp_path):
    r = klplan(*ONE, "--leader", "Åsa Öberg", "-f", "ics", "-o", f"{tmp_path}/k/")
    assert r.code == 0, r.err
    assert sorted(p.name for p in Path(tmp_path, "k").iterdir()) == [
        "grupp-1.ics",
        "ledare-asa-oberg.ics",
    ]
