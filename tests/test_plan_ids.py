"""Plan, leader and group ids (docs/plan.md): they become file names (``grupp-<id>.ics``)
and calendar identities, so the plan loader refuses ids that are not of the
documented pattern, and two groups (or two leaders) whose ids map to one file name.
Regression for issue 14: a new group ``4.6`` next to ``4-6`` renamed the existing
group's file and published its meetings as cancelled."""

from __future__ import annotations

import pytest

from tests.plan_helpers import plan_text, write_plan

TIMES = ("08:00", "10:00", "13:00", "15:00")


def groups(*ids: str) -> str:
    """Groups of anna's, each at a time of its own (so none clash when one moves)."""
    return "".join(
        f'- {{id: "{x}", participants: 4, leader: anna, module: samtal-om-text,'
        f" start: 2025-W38, slot: {{time: '{TIMES[i]}'}}}}\n"
        for i, x in enumerate(ids)
    )


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    return tmp_path


@pytest.mark.parametrize(
    "bad",
    [
        "../x",
        "a/b",
        "a\\\\b",
        "CON",
        "nul",
        "Com1.txt",
        "lpt9",
        "a\\u0007b",
        "a\\tb",
        ".dold",
        "-x",
        "a..b",
        "två ord",
    ],
)
def test_an_id_not_of_the_pattern_is_refused_with_file_line_and_field(klplan, in_tmp, bad):
    plan = write_plan(in_tmp, plan_text(groups("ekorren", bad)))
    r = klplan("validate", str(plan))
    assert r.code == 1, r.err
    line = next(x for x in r.out.splitlines() if "groups[1].id" in x)
    assert line.startswith("fel: plan.yaml:11:")
    assert "ogiltigt id" in line


@pytest.mark.parametrize("good", ["åk4", "Lärarlag-4.6", "4-6", "abc_1", "ÅK9", "日本"])
def test_letters_of_any_alphabet_digits_and_separators_are_ids(klplan, in_tmp, good):
    plan = write_plan(in_tmp, plan_text(groups("ekorren", good)))
    r = klplan("validate", str(plan))
    assert r.code == 0, r.err


def test_a_bad_plan_or_leader_id_is_refused_too(klplan, in_tmp):
    text = plan_text(groups("ekorren")).replace("id: testplan", 'id: "../plan"')
    text = text.replace("id: bo,", "id: PRN,")
    r = klplan("validate", str(write_plan(in_tmp, text)))
    assert r.code == 1
    assert "plan.yaml:2:" in r.out and "plan.id: ogiltigt id '../plan'" in r.out
    assert "leaders[1].id: ogiltigt id 'PRN': ett reserverat enhetsnamn i Windows" in r.out


@pytest.mark.parametrize(
    ("first", "second", "file"),
    [
        ("4-6", "4.6", "grupp-4-6.ics"),
        ("abc", "ABC", "grupp-abc.ics"),
        ("åk", "a\\u030ak", "grupp-ak.ics"),  # å as one code point, and as a + ring
        ("ﬁka", "fika", "grupp-fika.ics"),  # NFKC: the ligature is f + i
    ],
)
def test_group_ids_that_map_to_one_file_name_are_refused(klplan, in_tmp, first, second, file):
    plan = write_plan(in_tmp, plan_text(groups(first, "ekorren", second)))
    r = klplan("validate", str(plan))
    assert r.code == 1, r.err
    assert "plan.yaml:12:" in r.out and "groups[2].id: grupp-id" in r.out
    assert f"ger samma filnamn ({file})" in r.out and "(i groups[0])" in r.out


def test_leader_ids_that_map_to_one_file_name_are_refused(klplan, in_tmp):
    text = plan_text(groups("ekorren")).replace("id: bo,", "id: ANNA,")
    r = klplan("--lang", "en", "validate", str(write_plan(in_tmp, text)))
    assert r.code == 1
    assert "leader id 'ANNA' gives the same file name (ledare-anna.ics) as 'anna'" in r.out


def test_a_new_colliding_group_leaves_the_existing_calendar_files_as_they_are(klplan, in_tmp):
    """The bug: adding 4.6 next to 4-6 renamed grupp-4-6.ics and cancelled its meetings."""
    plan = write_plan(in_tmp, plan_text(groups("4-6")))
    assert klplan("schedule", str(plan), "-f", "ics", "-o", "kal/").code == 0
    before = {p.name: p.read_bytes() for p in (in_tmp / "kal").iterdir()}
    assert "grupp-4-6.ics" in before
    plan = write_plan(in_tmp, plan_text(groups("4-6", "4.6")))
    r = klplan("schedule", str(plan), "-f", "ics", "-o", "kal/")
    assert r.code == 1 and "grupp-4-6.ics" in r.err
    assert {p.name: p.read_bytes() for p in (in_tmp / "kal").iterdir()} == before
