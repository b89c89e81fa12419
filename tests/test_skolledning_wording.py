"""Skolledning modules (school form skolledning only, e.g. Leda förändring, 6 parts,
21 h): moment C is the leader's own actions, not an activity in ordinary teaching,
and a leader's check-ins are with their närmaste chef, not the rektor. The wording
follows the school form wherever C or check-ins are named: the check-ins' table,
.ics descriptions and check-ins, CSV. Other modules keep the rektor and teaching."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from klplan.cli.app import app
from klplan.core.schoolform import for_leaders
from klplan.loaders.catalog import load_catalog
from tests.ics_helpers import parse
from tests.plan_helpers import in_tmp, plan_text, write_plan

pytestmark = pytest.mark.usefixtures("in_tmp")
__all__ = ["in_tmp"]

CHECKINS = "checkins: {every_weeks: 6, weekday: fredag, time: '13:00'}\n"
# anna leads a group of principals (skolledning); bo a group of teachers.
MIXED = """\
- {id: rektorer, participants: 6, leader: anna, module: leda-forandring, start: 2025-W38}
- {id: larare, participants: 6, leader: bo, module: samtal-om-text, start: 2025-W38,
   slot: {weekday: tisdag}}
"""


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_skolledning_modules_are_for_leaders_and_no_other():
    catalog = load_catalog(None)
    leaders = sorted(m.id for m in catalog.modules.values() if for_leaders(m))
    assert leaders == ["leda-digitalisering", "leda-forandring"]
    assert (catalog.get("leda-forandring").parts, catalog.get("leda-forandring").hours) == (6, 21)


def test_ics_names_c_as_the_leaders_own_actions_and_the_check_in_with_the_manager(in_tmp):
    path = write_plan(in_tmp, plan_text(MIXED, extra=CHECKINS))
    _run("schedule", str(path), "-f", "ics", "-o", "plan.ics")
    _, events = parse((in_tmp / "plan.ics").read_bytes())
    leading = [
        e
        for e in events
        if "Leda förändring" in e.summary and e.description and "C," in e.description
    ]
    teaching = [
        e
        for e in events
        if "Samtal om text" in e.summary and e.description and "C," in e.description
    ]
    assert leading and teaching
    assert all(
        "C, de planerade åtgärderna i den egna verksamheten" in e.description for e in leading
    )
    assert not any("ordinarie undervisningen" in e.description for e in leading)
    assert all("den ordinarie undervisningen" in e.description for e in teaching)
    checkins = [e for e in events if e.summary.startswith("Avstämning")]
    anna = [e for e in checkins if "Anna" in e.summary]
    bo = [e for e in checkins if "Bo" in e.summary]
    assert anna and bo
    assert {e.summary for e in anna} == {"Avstämning med närmaste chef – Anna Andersson"}
    assert all("och närmaste chef om arbetet" in e.description for e in anna)
    assert {e.summary for e in bo} == {"Avstämning med rektor – Bo Berg"}


def test_english_ics_says_line_manager_and_own_actions(in_tmp):
    path = write_plan(in_tmp, plan_text(MIXED, extra=CHECKINS))
    _run("--lang", "en", "schedule", str(path), "-f", "ics", "-o", "plan.ics")
    _, events = parse((in_tmp / "plan.ics").read_bytes())
    text = "\n".join(f"{e.summary}\n{e.description}" for e in events)
    assert "Check-in with the line manager – Anna Andersson" in text
    assert "Check-in with the principal – Bo Berg" in text
    assert "C, the planned actions in your own organisation (the school leader's own" in text


def test_csv_and_the_table_name_the_manager_for_skolledning(in_tmp):
    path = write_plan(in_tmp, plan_text(MIXED, extra=CHECKINS))
    text = _run("schedule", str(path), "-f", "csv").lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    kinds = {(r["Ledare"], r["Momentets namn"]) for r in rows if not r["Moment"]}
    assert kinds == {
        ("Anna Andersson", "avstämning med närmaste chef"),
        ("Bo Berg", "avstämning med rektor"),
    }
    assert "Avstämningar rektor eller närmaste chef–ledare" in _run("schedule", str(path))
    only = write_plan(
        in_tmp, plan_text(MIXED.split("- {id: larare")[0], extra=CHECKINS), "only.yaml"
    )
    assert "Avstämningar närmaste chef–ledare" in _run("schedule", str(only))
    teachers = write_plan(
        in_tmp,
        plan_text("- " + MIXED.split("- ")[2].replace("bo", "anna"), extra=CHECKINS),
        "t.yaml",
    )
    assert "Avstämningar rektor–ledare" in _run("schedule", str(teachers))
