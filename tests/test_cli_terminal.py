"""The command line as a user types it: global options anywhere, --quiet silences
every notice, '-' is stdin, choices in any case, closed pipes, and no terminal
escapes from users' names reaching the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from klplan.app.example import example_plan
from klplan.cli.console import one_line, printable

ESC = "\x1b"


def klplan_process(*args: str, cwd: Path, stdin: bytes | None = None, **kw):
    env = {**os.environ, "KLPLAN_TODAY": "2026-11-23", "NO_COLOR": "1", "COLUMNS": "80"}
    return subprocess.run(
        [sys.executable, "-m", "klplan", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
        **kw,
    )


# --- 1. global options after the command -------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["schedule", "--lang", "en", "-k", "Atlantis"],
        ["schedule", "-k", "Atlantis", "--lang=en"],
        ["--lang", "en", "schedule", "-k", "Atlantis"],
    ],
)
def test_lang_works_before_or_after_the_command(klplan, args):
    r = klplan(*args)
    assert (r.code, r.err) == (2, "klplan: error: --kommun: unknown municipality 'Atlantis'\n")


def test_quiet_no_color_and_debug_after_the_command(klplan):
    r = klplan("calendar", "-k", "Uppsala", "--quiet", "--no-color")
    assert r.code == 0 and r.err == "" and "Uppsala" in r.out
    with pytest.raises(Exception, match="okänd kommun"):  # --debug: the traceback
        klplan("schedule", "-k", "Atlantis", "--debug")


def test_a_global_option_after_the_command_needs_its_value(klplan):
    r = klplan("modules", "--lang")
    assert (r.code, r.err) == (2, "klplan: fel: --lang: flaggan behöver ett värde\n")


def test_the_value_of_a_command_option_is_not_taken_for_a_global_option(klplan, tmp_path):
    os.chdir(tmp_path)
    r = klplan("schedule", "-f", "json", "--location", "--quiet")
    assert r.code == 0
    assert json.loads(r.out)["groups"][0]["location"] == "--quiet"
    assert "standardval" in r.err  # not quiet: --quiet was the location


def test_help_documents_the_global_options_after_the_command(klplan):
    r = klplan("schedule", "--help")
    assert "--lang, --quiet, --no-color och --debug går" in r.out
    r = klplan("--lang", "en", "--help")
    assert "Before or after the command." in r.out
    r = klplan("schedule", "--lang", "en", "--help")
    assert "Schedule one group" in r.out and "--debug also work" in r.out


# --- 3. --quiet silences every notice -------------------------------------------------
def _plan_with_a_leader_without_email(tmp_path: Path) -> Path:
    text = example_plan(__import__("datetime").date(2026, 11, 23), "plan.yaml")
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    return path


def test_quiet_silences_the_invite_warning_and_defaults(klplan, tmp_path):
    os.chdir(tmp_path)
    plan = _plan_with_a_leader_without_email(tmp_path)
    loud = klplan("schedule", str(plan), "-f", "ics", "-o", "a.ics", "--invite")
    assert loud.code == 0 and "ORGANIZER" in loud.err
    quiet = klplan("schedule", str(plan), "-f", "ics", "-o", "b.ics", "--invite", "--quiet")
    assert (quiet.code, quiet.err) == (0, "")
    loud = klplan("schedule")
    assert "standardval" in loud.err
    assert klplan("schedule", "--quiet").err == ""


def test_quiet_silences_the_per_file_summary_of_a_directory(klplan, tmp_path):
    os.chdir(tmp_path)
    assert klplan("schedule", "-f", "ics", "-o", "k/", "--quiet").code == 0
    moved = ("schedule", "-f", "ics", "-o", "k/", "--start", "2027-W03")
    loud = klplan(*moved)
    assert loud.code == 0 and "grupp-" in loud.err
    assert klplan("schedule", "-f", "ics", "-o", "k/", "--quiet").err == ""
    quiet = klplan(*moved, "--quiet")
    assert (quiet.code, quiet.err) == (0, "")


def test_quiet_in_a_real_process_leaves_stderr_empty(tmp_path):
    _plan_with_a_leader_without_email(tmp_path)
    r = klplan_process("schedule", "plan.yaml", "-f", "ics", "-o", "k/", "--invite", cwd=tmp_path)
    assert r.returncode == 0 and r.stderr
    r = klplan_process(
        "schedule", "plan.yaml", "-f", "ics", "-o", "k/", "--invite", "--quiet", cwd=tmp_path
    )
    assert (r.returncode, r.stderr) == (0, b"")


# --- 4. stdin, choices in any case, pipes, no empty choice lists ------------------------
def test_dash_reads_the_plan_from_stdin(tmp_path):
    plan = _plan_with_a_leader_without_email(tmp_path).read_bytes()
    from_file = klplan_process("schedule", "plan.yaml", "-f", "json", cwd=tmp_path)
    from_stdin = klplan_process("schedule", "-", "-f", "json", cwd=tmp_path, stdin=plan)
    assert from_stdin.returncode == 0, from_stdin.stderr
    got = json.loads(from_stdin.stdout)
    want = json.loads(from_file.stdout)
    assert got["groups"] == want["groups"]
    bad = klplan_process("validate", "-", cwd=tmp_path, stdin=b"groups: [\n")
    assert bad.returncode == 1 and b"-:2:1: ogiltig YAML" in bad.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["schedule", "-f", "JSON"],
        ["calendar", "--format", "Json"],
        ["modules", "-f", "JSON"],
    ],
)
def test_choices_in_any_case(klplan, args):
    r = klplan(*args)
    assert r.code == 0 and json.loads(r.out)


def test_a_view_in_any_case(klplan):
    assert klplan("schedule", "--view", "OVERVIEW").code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--show-completion", "bash"],
        ["schedule", "-f", "json"],
        ["schedule", "-f", "ics"],
        ["schedule"],
        ["calendar"],
        ["--help"],
    ],
)
def test_a_reader_that_stops_early_ends_quietly(tmp_path, args):
    """`klplan ... | head -1`: no traceback, no message, exit 0."""
    p = subprocess.Popen(
        [sys.executable, "-m", "klplan", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env={**os.environ, "KLPLAN_TODAY": "2026-11-23", "KLPLAN_QUIET": "1"},
    )
    assert p.stdout is not None and p.stderr is not None
    p.stdout.readline()
    p.stdout.close()  # like head -1
    err = p.stderr.read()
    assert p.wait(timeout=120) == 0, err
    assert err == b""


MORE_OUTPUTS = ("-f", "ics", "-o", "k/", "-f", "csv", "-o", "m.csv", "--quiet")


def test_files_are_written_even_when_the_reader_of_stdout_stops_early(tmp_path):
    p = subprocess.Popen(
        [sys.executable, "-m", "klplan", "schedule", "-f", "json", "-o", "-", *MORE_OUTPUTS],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env={**os.environ, "KLPLAN_TODAY": "2026-11-23"},
    )
    assert p.stdout is not None and p.stderr is not None
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    assert (p.wait(timeout=120), err) == (0, b"")
    assert (tmp_path / "m.csv").stat().st_size > 0
    assert [f.suffix for f in (tmp_path / "k").iterdir()] == [".ics"]


def test_show_completion_into_head_in_a_shell(tmp_path):
    r = subprocess.run(
        f"{sys.executable} -m klplan --show-completion bash | head -1",
        shell=True,
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert r.stdout.startswith(b"_klplan_completion") and r.stderr == b""


def test_a_view_for_a_format_without_views_names_the_formats_that_have_them(klplan):
    r = klplan("schedule", "-f", "json", "--view", "parts")
    assert r.code == 2
    assert r.err == "klplan: fel: --view: --format json har inga vyer (det har table, html, md)\n"
    assert "(välj bland: -)" not in r.err


# --- 5. control characters never reach the terminal --------------------------------------
def test_printable_escapes_controls_and_keeps_text():
    assert printable(f"a{ESC}]52;c;eA==\x07b\rc\x9bd\ne\tf") == (
        "a\\x1b]52;c;eA==\\x07b\\x0dc\\x9bd\ne\tf"
    )
    assert one_line(f"två\nrader{ESC}[2J") == "två rader\\x1b[2J"
    assert printable("Lärare F–3 · läsår") == "Lärare F–3 · läsår"


EVIL_NAME = f"Lärare{ESC}]52;c;aGk=\x07 F–3{ESC}[2J"


def _evil_plan(tmp_path: Path) -> Path:
    plan = _plan_with_a_leader_without_email(tmp_path)
    text = plan.read_text("utf-8")
    quoted = json.dumps(EVIL_NAME)  # a YAML double-quoted string with \u001b escapes
    text = text.replace("name: Fritidshemmet", f"name: {quoted}", 1)
    text = text.replace("participants: 6", "participants: 12", 1)  # a warning
    plan.write_text(text, "utf-8")
    return plan


def test_names_with_escapes_are_escaped_in_tables_warnings_and_check(klplan, tmp_path):
    os.chdir(tmp_path)
    plan = _evil_plan(tmp_path)
    r = klplan("schedule", str(plan))
    assert r.code == 0, r.err
    assert ESC not in r.out and ESC not in r.err
    assert "Lärare\\x1b]52;c;aGk=" in r.out
    r = klplan("schedule", str(plan), "--view", "overview")
    assert r.code == 0 and ESC not in r.out
    r = klplan("schedule", str(plan), "-f", "ics", "-o", "x.ics", "--invite")
    assert r.code == 0 and ESC not in r.err and "Lärare\\x1b]52;c;aGk=\\x07 F–3" in r.err
    r = klplan("schedule", str(plan), "-f", "ics", "-o", "x.ics", "--start", "2027-W03")
    r = klplan("schedule", str(plan), "-f", "ics", "-o", "x.ics", "--check", "--stagger")
    assert ESC not in r.out + r.err
    # Machine formats keep the name as it is (JSON escapes it on its own).
    data = json.loads(klplan("schedule", str(plan), "-f", "json").out)
    assert EVIL_NAME in [g["name"] for g in data["groups"]]


def test_a_path_with_escapes_is_escaped_in_the_error(klplan):
    r = klplan("schedule", f"n{ESC}[31mo.yaml")
    assert r.code == 3
    assert r.err == "klplan: fel: n\\x1b[31mo.yaml: filen finns inte\n"


def test_validate_escapes_names_in_its_listing(klplan, tmp_path):
    os.chdir(tmp_path)
    plan = _evil_plan(tmp_path)
    r = klplan("validate", str(plan))
    assert ESC not in r.out
