"""Plan files: what a principal writes, and every way it can be wrong. Each problem
names file, line, column and key, and says what was expected."""

from __future__ import annotations

import pytest

from klplan.core.errors import InputError, OutputError
from klplan.loaders.plan import PlanInvalid, load_plan
from tests.plan_helpers import BASE, in_tmp, plan_text, write_plan

pytestmark = pytest.mark.usefixtures("in_tmp")
__all__ = ["in_tmp"]  # the fixture, imported for pytest

ONE_GROUP = "- {id: g1, participants: 6, leader: anna, module: samtal-om-text}\n"


def problem(tmp_path, text: str) -> str:
    """The first problem's one-line message."""
    with pytest.raises(InputError) as e:
        load_plan(write_plan(tmp_path, text))
    return e.value.message()


def test_a_small_plan_is_resolved_with_its_defaults(tmp_path):
    plan = load_plan(write_plan(tmp_path, plan_text(ONE_GROUP)))
    (g,) = plan.groups
    assert (g.id, g.leader, g.participants, g.sequence) == ("g1", "anna", 6, "per_term")
    assert [m.id for m in g.modules] == ["samtal-om-text"]
    assert g.cadence.id == "intensiv"
    assert (g.slot.weekday, g.slot.time.isoformat(), g.slot.duration_minutes) == (
        2,
        "15:00:00",
        90,
    )
    assert plan.kommun == "0180" and plan.first_year == 2025 and plan.years == 1


def test_slot_defaults_and_group_slot_merge_key_by_key(tmp_path):
    text = plan_text(
        """\
        - id: g1
          participants: [Ada, Bertil, Cissi, Dan]
          leader: anna
          module: samtal-om-text
          slot: {weekday: Thu, location: Biblioteket}
        """,
        extra="defaults:\n  slot: {weekday: tisdag, time: '14.30', duration: 60}\n"
        "  cadence: treveckors\n",
    )
    (g,) = load_plan(write_plan(tmp_path, text)).groups
    assert (g.slot.weekday, g.slot.time.strftime("%H:%M"), g.slot.duration_minutes) == (
        3,
        "14:30",
        60,
    )
    assert g.location == "Biblioteket" and g.participants == 4
    assert g.cadence.id == "treveckors"


def test_own_modules_inline_and_from_a_file_next_to_the_plan(tmp_path):
    (tmp_path / "moduler").mkdir()
    (tmp_path / "moduler" / "egna.yaml").write_text(
        "schema: 1\nmodules:\n  - {id: var-egen, title: Vår egen, area: Eget, "
        "school_forms: [grundskola], parts: 3, source: skolan}\n",
        encoding="utf-8",
    )
    text = plan_text(
        """\
        - {id: g1, participants: 5, leader: anna, module: var-egen}
        - {id: g2, participants: 5, leader: bo, module: inline-modul, cadence: gles}
        """,
        extra="""\
        modules_file: moduler/egna.yaml
        modules:
          - id: inline-modul
            title: Inline
            area: Eget
            school_forms: [förskola]
            parts: 2
            source: skolan
            moments: {B: {kind: collegial, minutes: [60, 60]}}
        cadences:
          - {id: gles, title: Gles, gaps: [3, 3]}
        """,
    )
    g1, g2 = load_plan(write_plan(tmp_path, text)).groups
    assert g1.modules[0].parts == 3
    assert g2.modules[0].moments["B"].minutes == (60, 60)
    assert g2.modules[0].moments["A"].minutes == (45, 60)  # the usual time for A
    assert g2.cadence.gaps == (3, 3)


@pytest.mark.parametrize(
    "groups,extra,expected",
    [
        pytest.param(
            "- {id: g1, participants: 6, leader: anna, module: samtal-om-text, cadense: x}\n",
            "",
            "plan.yaml:10:69: groups[0].cadense: okänd nyckel 'cadense'",
            id="unknown key",
        ),
        pytest.param(
            "- {id: g1, participants: sex, leader: anna, module: samtal-om-text}\n",
            "",
            "plan.yaml:10:28: groups[0].participants: förväntade ett antal deltagare",
            id="wrong type",
        ),
        pytest.param(
            "- {id: g1, participants: 6, leader: ana, module: samtal-om-text}\n",
            "",
            "plan.yaml:10:39: groups[0].leader: okänd ledare 'ana' (finns: anna, bo); "
            "menade du 'anna'?",
            id="unknown leader",
        ),
        pytest.param(
            "- {id: g1, participants: 6, leader: anna, "
            "modules: [samtal-om-text, skrivundervisnig]}\n",
            "",
            "plan.yaml:10:71: groups[0].modules[1]: okänd modul 'skrivundervisnig'; "
            "se `klplan modules`; menade du 'skrivundervisning'?",
            id="unknown module",
        ),
        pytest.param(
            "- {id: g1, participants: 6, leader: anna, module: samtal-om-text, "
            "cadence: intensive}\n",
            "",
            "plan.yaml:10:78: groups[0].cadence: okänd takt 'intensive'",
            id="unknown cadence",
        ),
        pytest.param(
            "- {id: g1, participants: 6, leader: anna, module: samtal-om-text}\n"
            "- {id: g1, participants: 6, leader: bo, module: samtal-om-text}\n",
            "",
            "plan.yaml:11:10: groups[1].id: grupp-id 'g1' finns redan (i groups[0])",
            id="duplicate group id",
        ),
        pytest.param(
            "- {id: g1, participants: 6, leader: anna, module: samtal-om-text, start: 2025-W60}\n",
            "",
            "plan.yaml:10:76: groups[0].start: ogiltig vecka '2025-W60'",
            id="bad week",
        ),
        pytest.param(
            "- id: g1\n  participants: 6\n  leader: anna\n  module: samtal-om-text\n"
            "  slot: {weekday: lördag}\n",
            "",
            "plan.yaml:14:21: groups[0].slot.weekday: ogiltig veckodag 'lördag'",
            id="bad weekday",
        ),
        pytest.param(
            "- {id: g1, participants: 6, module: samtal-om-text}\n",
            "",
            "plan.yaml:10:5: groups[0].leader: nyckeln saknas",
            id="missing required key",
        ),
        pytest.param(
            ONE_GROUP,
            "modules_file: finns-inte.yaml\n",
            "plan.yaml:9:15: modules_file: modulfilen",
            id="modules_file not found",
        ),
        pytest.param(
            "- {id: g1, participants: 6, leader: anna}\n",
            "",
            "plan.yaml:10:5: groups[0]: ange antingen module",
            id="neither module nor modules",
        ),
        pytest.param(
            ONE_GROUP,
            "defaults: {cadence: manadsvs}\n",
            "plan.yaml:9:21: defaults.cadence: okänd takt 'manadsvs'",
            id="unknown default cadence",
        ),
        pytest.param(
            "- id: g1\n  participants: 6\n  leader: anna\n"
            "  modules: [samtal-om-text, skrivundervisning]\n  spring_start: 2026-W03\n",
            "",
            "plan.yaml:14:5: groups[0].spring_start: spring_start delar en moduls delar",
            id="spring_start with several modules",
        ),
    ],
)
def test_every_problem_names_file_line_column_and_key(tmp_path, groups, extra, expected):
    assert expected in problem(tmp_path, plan_text(groups, extra=extra))


def test_an_unknown_key_suggests_the_closest_allowed_one(tmp_path):
    text = plan_text(ONE_GROUP).replace("school_years:", "school_year:")
    with pytest.raises(PlanInvalid) as e:
        load_plan(write_plan(tmp_path, text))
    missing, unknown = (p.message() for p in e.value.problems)
    assert missing == "plan.yaml:1:1: school_years: nyckeln saknas"
    assert unknown.startswith("plan.yaml:5:1: school_year: okänd nyckel 'school_year'")
    assert unknown.endswith("menade du 'school_years'?")


def test_unknown_kommun_points_at_the_plan_file(tmp_path):
    text = plan_text(ONE_GROUP).replace("kommun: Stockholm", "kommun: Stokholm")
    assert problem(tmp_path, text).startswith(
        "plan.yaml:4:9: kommun: okänd kommun 'Stokholm'; menade du Stockholm?"
    )


def test_school_years_must_follow_each_other(tmp_path):
    text = plan_text(ONE_GROUP).replace("[2025/26]", "[2025/26, 2027/28]")
    assert (
        "plan.yaml:5:25: school_years[1]: läsåren måste följa på varandra: "
        "väntade 2026/27, fick 2027/28" in problem(tmp_path, text)
    )


def test_a_studiedag_needs_a_date_or_a_start(tmp_path):
    text = plan_text(ONE_GROUP, extra="calendar:\n  closed_days:\n    - {reason: studiedag}\n")
    assert problem(tmp_path, text).startswith("plan.yaml:11:7: calendar.closed_days[0]:")


def test_school_or_municipality_but_not_both(tmp_path):
    text = plan_text(ONE_GROUP, extra="municipality: {name: Stockholms stad}\n")
    assert "ange antingen school eller municipality" in problem(tmp_path, text)


def test_every_problem_is_collected_and_the_first_one_says_how_many_more(tmp_path):
    text = plan_text(
        """\
        - {id: g1, participants: 6, leader: ana, module: samtal-om-text}
        - {id: g2, participants: 6, leader: bo, module: okand-modul}
        - {id: g2, participants: 6, leader: bo, module: samtal-om-text}
        """
    )
    with pytest.raises(PlanInvalid) as e:
        load_plan(write_plan(tmp_path, text))
    assert [p.where.key for p in e.value.problems] == [  # in file order
        "groups[0].leader",
        "groups[1].module",
        "groups[2].id",
    ]
    assert e.value.message().endswith("(och 2 fel till; se klplan validate)")


def test_schema_errors_are_all_collected_too(tmp_path):
    text = plan_text(
        """\
        - {id: g1, participants: 0, leader: anna, module: samtal-om-text, start: v38}
        """
    )
    with pytest.raises(PlanInvalid) as e:
        load_plan(write_plan(tmp_path, text))
    assert [p.where.key for p in e.value.problems] == [
        "groups[0].participants",
        "groups[0].start",
    ]


@pytest.mark.parametrize(
    "content,expected",
    [
        ("", "plan.yaml: filen är tom"),
        ("# bara en kommentar\n", "plan.yaml: filen är tom"),
        ("- en lista\n", "plan.yaml:1:1: förväntade en mappning"),
        ("plan: [\n", "plan.yaml:2:1: ogiltig YAML"),
    ],
)
def test_empty_files_lists_and_broken_yaml(tmp_path, content, expected):
    assert problem(tmp_path, content).startswith(expected)


def test_a_missing_plan_file(tmp_path):
    with pytest.raises(OutputError) as e:  # a file that cannot be read: exit 3
        load_plan(tmp_path / "nej.yaml")
    assert e.value.message().endswith("nej.yaml: filen finns inte")


def test_the_base_plan_without_groups_is_missing_the_groups_key(tmp_path):
    assert problem(tmp_path, BASE).startswith("plan.yaml:1:1: groups: nyckeln saknas")
