"""CLI conventions: --quiet, colour, piping, consoles that are not UTF-8, completion,
help without arguments, translated usage errors."""

import json
import os
import shlex
import subprocess
import sys

import pytest


def run(*args: str, encoding: str | None = None, **env: str) -> subprocess.CompletedProcess:
    """Run ``python -m klplan`` as a separate process, as a shell would."""
    environ = {**os.environ, "KLPLAN_TODAY": "2026-11-23", "COLUMNS": "80", **env}
    environ.pop("NO_COLOR", None)
    environ.pop("KLPLAN_LANG", None)
    if encoding:
        environ["PYTHONIOENCODING"] = encoding
    return subprocess.run(
        [sys.executable, "-m", "klplan", *args], capture_output=True, env=environ, timeout=120
    )


def test_quiet_keeps_stderr_for_errors_only(klplan):
    assert "standardval" in klplan("schedule").err
    r = klplan("--quiet", "schedule")
    assert r.code == 0 and r.err == "" and "Samtal om text" in r.out
    r = klplan("--quiet", "schedule", "--weekday", "lördag")
    assert r.code == 2 and "ogiltig veckodag" in r.err


@pytest.mark.parametrize("args,env", [(["--no-color"], {}), ([], {"NO_COLOR": "1"})])
def test_no_color(klplan, monkeypatch, args, env):
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")  # as if stdout were a colour terminal
    assert "\x1b[" in klplan("calendar").out  # the control: colour is on
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert "\x1b[" not in klplan(*args, "calendar").out


def test_piped_output_has_no_colour_codes():
    r = run("calendar")
    assert r.returncode == 0, r.stderr
    assert b"\x1b[" not in r.stdout and "läslov".encode() in r.stdout


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize(
    "args",
    [
        ["calendar"],
        ["schedule"],
        ["schedule", "--view", "overview"],
        ["modules"],
        ["calendar", "--help"],
    ],
)
def test_a_console_that_is_not_utf8_gets_readable_text(encoding, args):
    r = run(*args, encoding=encoding)
    assert r.returncode == 0, r.stderr.decode(encoding, "replace")
    assert b"Traceback" not in r.stderr
    text = r.stdout.decode(encoding)  # every byte is valid in the console's encoding
    assert "━" not in text and "◀" not in text
    if encoding == "ascii":
        assert text.isascii()
    if args == ["calendar"]:
        assert "HT b" in text and ("läslov" if encoding == "cp1252" else "laslov") in text


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_errors_reach_a_console_that_is_not_utf8(encoding):
    r = run("schedule", "--weekday", "lördag", encoding=encoding)
    assert r.returncode == 2
    message = r.stderr.decode(encoding)
    assert "--weekday: ogiltig veckodag" in message and "Traceback" not in message


@pytest.mark.parametrize("args", [["calendar", "-f", "json"], ["schedule", "-f", "csv"]])
def test_machine_formats_are_utf8_whatever_the_console(args):
    r = run(*args, encoding="ascii")
    assert r.returncode == 0, r.stderr
    text = r.stdout.decode("utf-8-sig")
    assert "ä" in text or "ö" in text
    if args[-1] == "json":
        assert json.loads(text)["schema"] == "klplan.calendar/1"


def test_shell_completion_is_offered_and_works():
    script = run("--show-completion", "bash")
    assert script.returncode == 0
    assert b"_KLPLAN_COMPLETE=complete_bash" in script.stdout
    r = run(_KLPLAN_COMPLETE="complete_bash", COMP_WORDS="klplan cal", COMP_CWORD="1")
    assert r.stdout.split() == [b"calendar"]
    r = run(_KLPLAN_COMPLETE="complete_bash", COMP_WORDS="klplan schedule --vi", COMP_CWORD="2")
    assert b"--view" in r.stdout


@pytest.mark.parametrize("shell,mark", [("bash", b"complete_bash"), ("zsh", b"#compdef klplan")])
def test_the_completion_script_is_for_the_shell_named_whatever_runs_klplan(shell, mark):
    """Typer guesses the shell from the parent processes: from sh (make, CI scripts)
    ``--show-completion bash`` said "Shell sh not supported"."""
    # "; true": sh stays the parent process (it would exec a lone command)
    command = f"{shlex.quote(sys.executable)} -m klplan --show-completion {shell}; true"
    r = subprocess.run(["sh", "-c", command], capture_output=True, timeout=120)
    assert mark in r.stdout and r.stderr == b""


def test_an_unknown_shell_is_a_usage_error(klplan):
    r = klplan("--lang", "en", "--show-completion", "zsh")
    assert r.code == 0 and r.out.startswith("#compdef klplan")
    r = klplan("--show-completion", "tcsh")
    assert r.code == 2 and r.out == ""
    expected = "--show-completion: okänt skal 'tcsh'; välj ett av bash, zsh, fish, powershell, pwsh"
    assert r.err == f"klplan: fel: {expected}\n"


def test_no_arguments_prints_the_help(klplan):
    r = klplan()
    assert r.code == 0
    assert r.out.startswith("Användning: klplan [FLAGGOR] KOMMANDO [ARGUMENT]...")
    assert "calendar" in r.out and "schedule" in r.out and r.err == ""


@pytest.mark.parametrize(
    "args,fragment",
    [
        (["schedul"], "okänt kommando 'schedul'; menade du schedule?"),
        (["schedule", "--kommune", "X"], "schedule: okänd flagga --kommune; menade du --kommun?"),
        (["schedule", "--kommun"], "--kommun: flaggan behöver ett värde"),
        (["--quiet=ja", "schedule"], "--quiet: flaggan tar inget värde"),
        (["schedule", "--duration", "lång"], "schedule: --duration: förväntade ett heltal"),
        (["schedule", "plan.yaml", "extra"], "schedule: oväntade argument: extra"),
        (["--lang", "en", "schedule", "-f", "xml"], "--format: invalid value 'xml'"),
        (["--lang", "en", "calendr"], "no such command 'calendr'; did you mean calendar?"),
    ],
)
def test_usage_errors_speak_the_users_language(klplan, args, fragment):
    r = klplan(*args)
    assert r.code == 2
    assert fragment in r.err, r.err
    assert len(r.err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args,commands",
    [
        (["schedule"], ["schedule"]),
        (["--lang", "en", "--quiet", "calendar", "--kommun", "Malmö"], ["calendar"]),
        (["--lang=en", "modules"], ["modules"]),
        (["--lang", "schedule"], "all"),  # "schedule" is --lang's value here
        ([], "all"),
        (["--help"], "all"),
        (["schedul"], "all"),  # a typo: click suggests from every command
        (["--", "schedule"], "all"),
    ],
)
def test_a_run_builds_only_the_command_it_names(args, commands):
    """Typer builds every registered command's parameters; naming one builds one."""
    from klplan.cli.app import app, for_args

    every = [c.name for c in app.registered_commands]
    assert {"schedule", "calendar", "modules", "publish"} <= set(every)
    chosen = [c.name for c in for_args(args).registered_commands]
    if commands == "all":
        assert chosen == every
    else:
        assert chosen == commands
    # The application itself is untouched.
    assert [c.name for c in app.registered_commands] == every


def test_a_command_run_in_process_leaves_the_garbage_collector_as_it_was(klplan):
    import gc

    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    assert klplan("schedule").code == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen  # an embedding caller can still free them


def test_the_console_script_freezes_its_objects_instead_of_collecting_them_at_exit():
    probe = (
        "import gc, sys\n"
        "from klplan.cli.errors import run\n"
        "code = run(['--quiet', 'schedule', '-f', 'json'], exiting=True)\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 10_000, code, file=sys.stderr)\n"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert r.stderr.split() == ["True", "True", "0"], r.stderr
    assert '"schema": "klplan.schedule/1"' in r.stdout
