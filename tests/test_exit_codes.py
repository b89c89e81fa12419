"""One table of exit codes: README.md and docs/commands/klplan.md show the codes that
``klplan.core.errors.ExitCode`` defines, and a real run exits with each of them."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from klplan.core.errors import EXIT_MEANINGS, ExitCode

ROOT = Path(__file__).resolve().parents[1]
_ROW = re.compile(r"^\| `(\d+)` \| (.*) \|$")


def exit_table(path: Path) -> dict[int, str]:
    """The rows of the first table under a heading or sentence about exit codes."""
    lines = path.read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.search(r"exit codes", line, re.I))
    rows: dict[int, str] = {}
    for line in lines[start:]:
        m = _ROW.match(line)
        if m:
            rows[int(m[1])] = m[2]
        elif rows and not line.startswith("|"):
            break
    return rows


@pytest.mark.parametrize("doc", ["README.md", "docs/commands/klplan.md"])
def test_the_documented_table_is_the_codes_in_the_code(doc):
    assert exit_table(ROOT / doc) == {int(c): text for c, text in EXIT_MEANINGS.items()}


def test_every_exit_code_has_a_meaning():
    assert set(EXIT_MEANINGS) == set(ExitCode)


BAD_PLAN = "schema: 1\ngroups: 3\n"


def run_for(code: ExitCode, klplan, tmp_path: Path):
    """A real command line that ends with ``code``."""
    os.chdir(tmp_path)
    if code is ExitCode.OK:
        return klplan("modules", "-f", "json")
    if code is ExitCode.INVALID:
        Path("plan.yaml").write_text(BAD_PLAN, "utf-8")
        return klplan("schedule", "plan.yaml")
    if code is ExitCode.USAGE:
        return klplan("schedule", "--weekday", "söndag")
    if code is ExitCode.FILE:
        return klplan("schedule", "saknas.yaml")
    if code is ExitCode.DRIFT:
        return klplan("schedule", "-f", "ics", "-o", "plan.ics", "--check")
    raise AssertionError(code)


# INTERNAL (70) is what a bug in klplan ends with: no input reaches it on purpose.
# INTERRUPTED (130) needs a signal: see test_ctrl_c_exits_130.
RUNNABLE = [c for c in ExitCode if c not in (ExitCode.INTERNAL, ExitCode.INTERRUPTED)]


@pytest.mark.parametrize("code", RUNNABLE, ids=[c.name for c in RUNNABLE])
def test_a_run_exits_with_each_documented_code(code, klplan, tmp_path):
    r = run_for(code, klplan, tmp_path)
    assert r.code == code, r.err


def _wait_until_reading_stdin(pid: int, timeout: float = 60) -> None:
    """Until the process blocks in read(0, ...) (Linux: /proc/PID/syscall), so that the
    signal reaches klplan and not Python's start-up; elsewhere a few seconds."""
    syscall = Path(f"/proc/{pid}/syscall")
    if not syscall.exists():
        time.sleep(5)
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fields = syscall.read_text().split()
        if fields[:2] == ["0", "0x0"]:  # read (x86-64) from fd 0
            return
        time.sleep(0.05)
    time.sleep(5)  # another architecture's numbering: fall back to waiting


def test_ctrl_c_exits_130(tmp_path):
    """A real process waiting for a plan on stdin, interrupted."""
    p = subprocess.Popen(
        [sys.executable, "-m", "klplan", "schedule", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    _wait_until_reading_stdin(p.pid)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert p.returncode == ExitCode.INTERRUPTED, err
    assert b"Traceback" not in err and out == b""


@pytest.mark.parametrize(
    "args,code,fragment",
    [
        (["schedule", "saknas.yaml"], 3, "saknas.yaml: filen finns inte"),
        (["validate", "saknas.yaml"], 3, "saknas.yaml: filen finns inte"),
        (["schedule", "--modules", "saknas.yaml"], 3, "saknas.yaml: filen finns inte"),
        (["schedule", "--kommun", "Atlantis"], 2, "--kommun: okänd kommun 'Atlantis'"),
        (["schedule", "--module", "nope"], 2, "--module: okänd modul 'nope'"),
        (["schedule", "--weekday", "söndag"], 2, "--weekday: ogiltig veckodag"),
        (["schedule", "--start", "2026-W60"], 2, "--start: ogiltig vecka"),
    ],
)
def test_names_and_values_from_flags_are_usage_errors_and_missing_files_are_3(
    klplan, args, code, fragment
):
    r = klplan(*args)
    assert (r.code, r.out) == (code, "")
    assert fragment in r.err and len(r.err.splitlines()) == 1


def test_init_over_an_existing_file_is_3(klplan, tmp_path):
    os.chdir(tmp_path)
    assert klplan("init").code == 0
    r = klplan("init")
    assert r.code == 3 and "plan.yaml: filen finns redan" in r.err


def test_a_klplan_toml_unknown_key_and_a_bad_value_are_both_2(klplan, tmp_path):
    os.chdir(tmp_path)
    Path("klplan.toml").write_text('kommun = "Malmö"\nveckodag = "onsdag"\n', "utf-8")
    r = klplan("schedule")
    assert r.code == 2 and "klplan.toml:2:1: veckodag: okänd nyckel" in r.err
    Path("klplan.toml").write_text('weekday = "söndag"\n', "utf-8")
    r = klplan("schedule")
    assert r.code == 2 and "klplan.toml:1:11: weekday: ogiltig veckodag" in r.err
    Path("klplan.toml").write_text('kommun = "Atlantis"\n', "utf-8")
    assert klplan("schedule").code == 2


def test_check_tells_drift_from_an_invalid_plan(klplan, tmp_path):
    os.chdir(tmp_path)
    args = ("schedule", "-f", "ics", "-o", "plan.ics")
    assert klplan(*args).code == 0
    assert klplan(*args, "--check").code == 0
    drifted = klplan(*args, "--start", "2027-W02", "--check")
    assert drifted.code == ExitCode.DRIFT and "plan.ics: ändrad" in drifted.out
    Path("plan.yaml").write_text(BAD_PLAN, "utf-8")
    invalid = klplan("schedule", "plan.yaml", "-f", "ics", "-o", "plan.ics", "--check")
    assert invalid.code == ExitCode.INVALID and invalid.out == ""
