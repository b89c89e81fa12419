"""`klplan init`, `validate`, `schema` and `schedule PLAN` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import check_golden
from tests.plan_helpers import in_tmp, plan_text

pytestmark = pytest.mark.usefixtures("in_tmp")
__all__ = ["in_tmp"]


@pytest.fixture
def example(klplan, in_tmp) -> Path:
    r = klplan("init")
    assert r.code == 0, r.err
    return Path("plan.yaml")


def test_init_validate_schedule_on_a_fresh_install(klplan, in_tmp):
    r = klplan("init")
    assert r.code == 0 and r.out == ""
    assert "skrev en exempelplan till plan.yaml" in r.err
    r = klplan("validate", "plan.yaml")
    assert r.code == 0, r.out
    assert r.out == (
        "plan.yaml: 3 grupper, 2 ledare, 64 möten, 12 avstämningar; 0 fel, 0 varningar\n"
    )
    r = klplan("validate", "--strict", "plan.yaml")
    assert r.code == 0, r.out
    r = klplan("schedule", "plan.yaml")
    assert r.code == 0, r.err
    assert r.err == ""
    assert "Grupp f-3: Lärare F–3" in r.out


def test_the_example_plan_as_a_table(klplan, example):
    r = klplan("schedule", str(example))
    assert r.code == 0, r.err
    check_golden("plan-example.txt", r.out)


def test_the_example_plan_per_leader(klplan, example):
    r = klplan("schedule", str(example), "--view", "leader")
    assert r.code == 0, r.err
    check_golden("plan-example-leaders.txt", r.out)


def test_the_example_plan_as_json(klplan, example):
    r = klplan("schedule", str(example), "--format", "json")
    assert r.code == 0, r.err
    check_golden("plan-example.json", r.out)
    doc = json.loads(r.out)
    assert doc["plan"] == {
        "id": "exempelskolan",
        "name": "Kollegialt lärande på Exempelskolan 2026/27",
        "school": "Exempelskolan",
        "municipality": None,
    }
    assert [g["id"] for g in doc["groups"]] == ["f-3", "4-6", "fritids"]
    assert [x["groups"] for x in doc["leaders"]] == [["f-3", "4-6"], ["fritids"]]
    f3 = doc["groups"][0]
    assert f3["sequence"] == "per_term"
    assert [m["module"]["id"] for m in f3["modules"]] == ["samtal-om-text", "skrivundervisning"]
    assert {c["leader"] for c in doc["checkins"]} == {"anna", "bo"}
    assert [b["leader"] for b in doc["budgets"]["leaders"]] == ["anna", "bo"]
    assert len(doc["budgets"]["participants"]) == 4


def test_the_example_is_the_same_bytes_every_time(klplan, example):
    first = klplan("schedule", str(example), "-f", "json").out
    assert klplan("schedule", str(example), "-f", "json").out == first


def test_init_refuses_to_overwrite_without_force(klplan, in_tmp):
    Path("plan.yaml").write_text("min plan\n", encoding="utf-8")
    r = klplan("init")
    assert r.code == 3  # not klplan's to overwrite, like a calendar without --force
    assert (
        r.err
        == "klplan: fel: plan.yaml: filen finns redan; välj ett annat namn eller använd --force\n"
    )
    assert Path("plan.yaml").read_text(encoding="utf-8") == "min plan\n"
    assert klplan("init", "--force").code == 0
    assert Path("plan.yaml").read_text(encoding="utf-8").startswith("# Planfil")


def test_init_to_another_file_names_it_in_the_comments(klplan, in_tmp):
    assert klplan("init", "skolans-plan.yaml").code == 0
    text = Path("skolans-plan.yaml").read_text(encoding="utf-8")
    assert "klplan validate skolans-plan.yaml" in text


def test_validate_lists_every_error_then_exits_1(klplan, in_tmp):
    Path("plan.yaml").write_text(
        plan_text(
            """\
            - {id: g1, participants: 6, leader: ana, module: samtal-om-text}
            - {id: g2, participants: 6, leader: bo, module: okand}
            """
        ),
        encoding="utf-8",
    )
    r = klplan("validate", "plan.yaml")
    assert r.code == 1
    assert r.out.splitlines() == [
        "fel: plan.yaml:10:39: groups[0].leader: okänd ledare 'ana' (finns: anna, bo); "
        "menade du 'anna'?",
        "fel: plan.yaml:11:51: groups[1].module: okänd modul 'okand'; se `klplan modules`",
        "plan.yaml: 2 fel",
    ]


def test_validate_warns_and_fails_only_when_strict(klplan, in_tmp):
    Path("plan.yaml").write_text(
        plan_text("- {id: liten, participants: 3, leader: anna, module: samtal-om-text}\n"),
        encoding="utf-8",
    )
    r = klplan("validate", "plan.yaml")
    assert r.code == 0
    assert r.out.splitlines()[0] == (
        "varning: plan.yaml:10:31: groups[0].participants: grupp liten har 3 deltagare; "
        "Skolverket rekommenderar 4–8"
    )
    assert r.out.splitlines()[-1].endswith("0 fel, 1 varningar")
    assert klplan("validate", "--strict", "plan.yaml").code == 1


def test_validate_a_conflict_is_an_error(klplan, in_tmp):
    Path("plan.yaml").write_text(
        plan_text(
            """\
            - {id: a, participants: 6, leader: anna, module: samtal-om-text}
            - {id: b, participants: 6, leader: anna, module: samtal-om-text}
            """
        ),
        encoding="utf-8",
    )
    r = klplan("validate", "plan.yaml")
    assert r.code == 1
    assert "är bokad för både a och b samtidigt" in r.out
    r = klplan("schedule", "plan.yaml", "-f", "json", "-o", "out.json")
    assert r.code == 1 and len(r.err.splitlines()) == 1
    assert not Path("out.json").exists()
    r = klplan("schedule", "plan.yaml", "--stagger", "-f", "json", "-o", "out.json")
    assert r.code == 0
    assert "varning: plan.yaml:11:5: groups[1].slot: grupp b (Anna Andersson) flyttad från" in r.err


def test_validate_a_missing_file(klplan, in_tmp):
    r = klplan("validate", "nej.yaml")
    # A file that cannot be read is exit 3 with one line on stderr, as for every command.
    assert (r.code, r.out, r.err) == (3, "", "klplan: fel: nej.yaml: filen finns inte\n")


@pytest.mark.parametrize(
    "args,fragment",
    [
        (["--module", "samtal-om-text"], "--module: kan inte användas med en planfil"),
        (["--kommun", "Uppsala"], "--kommun: kan inte användas med en planfil"),
        (["--start", "2026-W40"], "--start: kan inte användas med en planfil"),
        (["--weekday", "torsdag"], "--weekday: kan inte användas med en planfil"),
    ],
)
def test_single_module_flags_are_refused_with_a_plan(klplan, example, args, fragment):
    r = klplan("schedule", str(example), *args)
    assert r.code == 2
    assert fragment in r.err and r.out == ""


@pytest.mark.parametrize("args", [["--stagger"], ["--view", "leader"]])
def test_plan_flags_need_a_plan(klplan, args):
    r = klplan("schedule", *args)
    assert r.code == 2
    assert "kräver en planfil (klplan schedule PLAN)" in r.err


def test_schedule_a_missing_plan_file(klplan, in_tmp):
    r = klplan("schedule", "nej.yaml")
    assert (r.code, r.err) == (3, "klplan: fel: nej.yaml: filen finns inte\n")


def test_the_json_schema_validates_the_example_and_rejects_typos(klplan, example):
    import jsonschema

    from klplan.loaders.yamlio import load_yaml_file

    r = klplan("schema")
    assert r.code == 0
    schema = json.loads(r.out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "PlanFile"
    jsonschema.Draft202012Validator.check_schema(schema)
    data = load_yaml_file(example).data
    jsonschema.validate(data, schema)
    data["groups"][0]["cadense"] = "intensiv"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_the_schema_documents_every_plan_key(klplan, in_tmp):
    schema = json.loads(klplan("schema").out)
    group = schema["$defs"]["GroupSpec"]["properties"]
    assert all(p.get("description") for p in group.values())
    r = klplan("schema", "-o", "plan.schema.json")
    assert r.code == 0 and r.out == ""
    assert json.loads(Path("plan.schema.json").read_text(encoding="utf-8")) == schema


@pytest.mark.parametrize("command", ["init", "validate", "schema", "schedule"])
def test_every_plan_command_has_help_with_examples(klplan, command):
    r = klplan(command, "--help")
    assert r.code == 0
    assert "Exempel" in r.out


ROOT = Path(__file__).parent.parent


def test_the_readmes_plan_validates_as_its_transcript_says(klplan, in_tmp):
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Plans") :]
    plan = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    transcript = re.search(r"```console\n\$ klplan validate plan.yaml\n(.*?)```", section, re.S)
    Path("plan.yaml").write_text(plan, encoding="utf-8")
    r = klplan("validate", "plan.yaml")
    assert r.code == 0
    assert r.out == transcript.group(1)


def test_docs_describe_every_key_of_the_plan_schema(klplan):
    schema = json.loads(klplan("schema").out)
    docs = (ROOT / "docs" / "plan.md").read_text(encoding="utf-8")
    keys = set(schema["properties"])
    for name in ("PlanInfo", "GroupSpec", "SlotSpec", "CheckinSpec", "Defaults", "LeaderSpec"):
        keys |= set(schema["$defs"][name]["properties"])
    missing = sorted(k for k in keys if f"`{k}`" not in docs)
    assert not missing, f"docs/plan.md does not describe {missing}"


def test_an_estimated_calendar_is_a_warning_that_fails_only_when_strict(klplan, in_tmp):
    text = plan_text("- {id: g, participants: 6, leader: anna, module: samtal-om-text}\n")
    Path("plan.yaml").write_text(text.replace("[2025/26]", "[2027/28]"), encoding="utf-8")
    r = klplan("validate", "plan.yaml")
    assert r.code == 0, r.out
    assert r.out.startswith(
        "varning: UPPSKATTAD KALENDER: det finns inga läsårsdata för Stockholm 2027/28"
    )
    assert klplan("validate", "--strict", "plan.yaml").code == 1


def _validate_json(klplan, *args: str) -> tuple[int, dict]:
    r = klplan("validate", "--format", "json", *args)
    assert r.err == ""
    return r.code, json.loads(r.out)


def test_validate_json_lists_each_error_with_its_position(klplan, in_tmp):
    Path("plan.yaml").write_text(
        plan_text(
            """\
            - {id: g1, participants: 6, leader: ana, module: samtal-om-text}
            - {id: g2, participants: 6, leader: bo, module: okand}
            """
        ),
        encoding="utf-8",
    )
    code, doc = _validate_json(klplan, "plan.yaml")
    assert code == 1
    assert doc["schema"] == "klplan.validate/1"
    assert (doc["file"], doc["valid"], doc["passed"], doc["summary"]) == (
        "plan.yaml",
        False,
        False,
        None,
    )
    first, second = doc["errors"]
    assert {k: first[k] for k in ("file", "line", "column", "field")} == {
        "file": "plan.yaml",
        "line": 10,
        "column": 39,
        "field": "groups[0].leader",
    }
    assert first["message"] == "okänd ledare 'ana' (finns: anna, bo); menade du 'anna'?"
    assert (second["line"], second["column"], second["field"]) == (11, 51, "groups[1].module")
    assert first["code"] != second["code"] and all(e["code"] for e in doc["errors"])
    assert doc["warnings"] == []


def test_validate_json_warnings_pass_unless_strict_and_speak_english(klplan, in_tmp):
    Path("plan.yaml").write_text(
        plan_text("- {id: liten, participants: 3, leader: anna, module: samtal-om-text}\n"),
        encoding="utf-8",
    )
    code, doc = _validate_json(klplan, "plan.yaml")
    assert code == 0
    assert (doc["valid"], doc["passed"], doc["errors"]) == (True, True, [])
    assert doc["summary"]["groups"] == 1 and doc["summary"]["meetings"] > 0
    (warning,) = doc["warnings"]
    assert warning == {
        "code": "plan.group_size",
        "message": "grupp liten har 3 deltagare; Skolverket rekommenderar 4–8",
        "file": "plan.yaml",
        "line": 10,
        "column": 31,
        "field": "groups[0].participants",
    }
    code, strict = _validate_json(klplan, "--strict", "plan.yaml")
    assert code == 1
    assert (strict["valid"], strict["passed"], strict["strict"]) == (True, False, True)
    r = klplan("--lang", "en", "validate", "-f", "json", "plan.yaml")
    assert json.loads(r.out)["warnings"][0]["message"].startswith("group liten has 3 participants")


def test_validate_json_a_missing_file_and_same_bytes_twice(klplan, in_tmp):
    """A plan that cannot be read is exit 3 with one line on stderr, as for every
    command (the exit-code table), also with --format json: stdout stays empty."""
    r = klplan("validate", "-f", "json", "nej.yaml")
    assert r.code == 3 and r.out == ""
    assert r.err == "klplan: fel: nej.yaml: filen finns inte\n"
    (in_tmp / "plan.yaml").write_text("schema: 1\n", "utf-8")
    assert (
        klplan("validate", "-f", "json", "plan.yaml").out
        == klplan("validate", "-f", "json", "plan.yaml").out
    )
