"""Errors about files that are not klplan input never echo their content (issue 14:
a klplan.toml or plan pointing at a password file printed a hash), and files a plan
points at stay in its folder unless --allow-outside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus" / "inputs"
SHADOW = (
    "rootuser:$6$saltsalt$SECRETHASHSECRETHASH:19000:0:99999:7:::\n"
    "daemonuser:*:19000:0:99999:7:::\n"
)
SECRETS = ("$6$", "SECRET", "rootuser", "daemonuser", "19000")


def assert_no_secret(err: str) -> None:
    for secret in SECRETS:
        assert secret not in err, err


@pytest.mark.parametrize("flag", [[], ["--modules"], ["--cadences"], ["--calendar"]])
def test_a_password_file_as_input_is_named_not_echoed(klplan, tmp_path, flag):
    shadow = tmp_path / "shadow"
    shadow.write_text(SHADOW, "utf-8")
    r = klplan("schedule", *flag, str(shadow))
    assert r.code == 1, r.err
    assert f"{shadow}:1:1: ingen av filens nycklar är en klplan-nyckel" in r.err
    assert len(r.err.strip().splitlines()) == 1
    assert_no_secret(r.err)


def test_validate_lists_no_line_of_a_foreign_file(klplan, tmp_path):
    shadow = tmp_path / "shadow"
    shadow.write_text(SHADOW, "utf-8")
    r = klplan("validate", str(shadow))
    assert r.code == 1
    assert "shadow:1:1:" in r.out
    assert_no_secret(r.out + r.err)


def test_a_klplan_toml_of_foreign_keys_is_named_not_echoed(klplan, tmp_path, monkeypatch):
    (tmp_path / "klplan.toml").write_text('db_password_SECRET = "hunter2"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    r = klplan("schedule", "--kommun", "Stockholm")
    assert r.code == 2, r.err  # klplan.toml holds options: a mistake in it is usage
    assert "klplan.toml:1:1: ingen av filens nycklar är en klplan-nyckel" in r.err
    assert "hunter2" not in r.err and "SECRET" not in r.err


def test_a_klplan_toml_pointing_at_a_password_file_echoes_none_of_it(klplan, tmp_path, monkeypatch):
    (tmp_path / "shadow").write_text(SHADOW, "utf-8")
    work = tmp_path / "work"
    work.mkdir()
    (work / "klplan.toml").write_text('calendar = "../shadow"\n', "utf-8")
    monkeypatch.chdir(work)
    r = klplan("schedule", "--kommun", "Stockholm")
    assert r.code == 1, r.err
    assert "../shadow:1:1: ingen av filens nycklar är en klplan-nyckel" in r.err
    assert_no_secret(r.err)


@pytest.mark.parametrize(
    "text",
    [
        "a: *SECRETalias\n",
        "a: !SECRET!tag b\n",
        "%SECRET directive\n---\na: 1\n",
        'a: "\\qSECRET"\n',
        'rootuser: "x:0:0:SECRET\n',
    ],
)
def test_yaml_syntax_errors_quote_no_text_of_the_file(klplan, tmp_path, text):
    path = tmp_path / "x.yaml"
    path.write_text(text, "utf-8")
    r = klplan("schedule", str(path))
    assert r.code == 1, r.err
    assert "ogiltig YAML" in r.err
    assert "SECRET" not in r.err


def test_a_binary_file_is_named_by_position_only(klplan, tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"SECRET\x00\xff\xfeSECRET")
    r = klplan("schedule", str(path))
    assert r.code == 1, r.err
    assert "x.yaml:1:" in r.err
    assert "SECRET" not in r.err


def test_values_of_a_klplan_file_are_still_quoted(klplan):
    """A file that is klplan input (known keys) keeps its helpful quotes."""
    r = klplan("schedule", "--modules", str(CORPUS / "parts-text.yaml"))
    assert "fick 'fyra'" in r.err


def plan_with_modules_file(folder: Path, modules_file: str) -> Path:
    text = (CORPUS / "plan-ok.yaml").read_text("utf-8")
    text = text.replace("module: samtal-om-text", "module: egen")
    plan = folder / "plan.yaml"
    # First in the file, so that its error comes before the unknown module it causes.
    plan.write_text(f"modules_file: {modules_file!r}\n" + text, "utf-8")
    return plan


MODULES = (CORPUS / "parts-text.yaml").read_text("utf-8").replace("parts: fyra", "parts: 4")


@pytest.fixture
def layout(tmp_path):
    """tmp/plans/plan.yaml, tmp/plans/moduler/egna.yaml and tmp/elsewhere/egna.yaml."""
    (tmp_path / "plans" / "moduler").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    for path in (
        tmp_path / "plans" / "moduler" / "egna.yaml",
        tmp_path / "elsewhere" / "egna.yaml",
    ):
        path.write_text(MODULES, "utf-8")
    return tmp_path


@pytest.mark.parametrize("command", ["schedule", "validate"])
def test_a_modules_file_in_the_plans_folder_is_read(klplan, layout, command):
    plan = plan_with_modules_file(layout / "plans", "moduler/egna.yaml")
    r = klplan(command, str(plan))
    assert r.code == 0, r.err


@pytest.mark.parametrize(
    "where", ["../elsewhere/egna.yaml", "{abs}", "moduler/../../elsewhere/egna.yaml", "link.yaml"]
)
@pytest.mark.parametrize("command", ["schedule", "validate"])
def test_a_modules_file_outside_the_plans_folder_needs_allow_outside(
    klplan, layout, where, command
):
    target = layout / "elsewhere" / "egna.yaml"
    (layout / "plans" / "link.yaml").symlink_to(target)
    modules_file = where.replace("{abs}", str(target))
    plan = plan_with_modules_file(layout / "plans", modules_file)
    r = klplan(command, str(plan))
    assert r.code == 1, r.err
    first = (r.out + r.err).splitlines()[0]
    assert f"plan.yaml:1:15: modules_file: {modules_file!r} ligger utanför planfilens mapp" in first
    assert "--allow-outside" in first
    assert klplan(command, "--allow-outside", str(plan)).code == 0


def test_allow_outside_needs_a_plan(klplan):
    r = klplan("schedule", "--allow-outside", "--kommun", "Stockholm")
    assert r.code == 2
    assert "--allow-outside" in r.err


def test_a_symlinked_plan_folder_is_not_outside(klplan, layout):
    plan_with_modules_file(layout / "plans", "moduler/egna.yaml")
    os.symlink(layout / "plans", layout / "alias")
    assert klplan("schedule", str(layout / "alias" / "plan.yaml")).code == 0
