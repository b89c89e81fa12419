"""Inputs that are not regular files (issue 14): pipes, devices, a FIFO where a
calendar is expected. Each runs klplan in a real process with a timeout, since the
bug they pin is a hang or a read without end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus" / "inputs"
PLAN = CORPUS / "plan-ok.yaml"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def run(*args: str, cwd: Path, timeout: float = 30, **kw) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KLPLAN_TODAY": "2025-08-01", "NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "klplan", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        **kw,
    )


def one_error(r: subprocess.CompletedProcess[str], code: int, fragment: str) -> None:
    assert r.returncode == code, r.stderr
    assert fragment in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("flag", [[], ["--modules"], ["--cadences"], ["--calendar"]])
def test_a_device_as_an_input_is_refused_at_once(tmp_path, device, flag):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    r = run("schedule", *flag, device, cwd=tmp_path)
    one_error(r, 3, f"{device}: kan inte läsa filen: det är en enhet, inte en vanlig fil")


def test_a_pipe_as_the_plan_is_read(tmp_path):
    """``klplan schedule <(cat plan.yaml)``: the shell passes /dev/fd/N, a pipe."""
    read, write = os.pipe()
    with os.fdopen(write, "wb") as w:
        w.write(PLAN.read_bytes())
    try:
        r = run("schedule", f"/dev/fd/{read}", cwd=tmp_path, pass_fds=(read,))
    finally:
        os.close(read)
    assert r.returncode == 0, r.stderr
    assert "Grupp g1" in r.stdout


def test_a_pipe_whose_writer_is_slow_is_waited_for(tmp_path):
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    writer = subprocess.Popen(
        ["sh", "-c", 'exec 3>"$1"; sleep 1; cat "$2" >&3', "sh", str(fifo), str(PLAN)]
    )
    try:
        # The writer holds the pipe open before klplan opens it, then writes a second later.
        import time

        time.sleep(0.3)
        r = run("schedule", str(fifo), cwd=tmp_path)
    finally:
        writer.wait(timeout=10)
    assert r.returncode == 0, r.stderr
    assert "Grupp g1" in r.stdout


def test_a_pipe_nobody_writes_to_is_an_error_not_a_hang(tmp_path):
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    r = run("schedule", str(fifo), cwd=tmp_path, timeout=20)
    one_error(r, 3, "plan.yaml: kan inte läsa filen: röret gav inga data")


def test_an_endless_pipe_is_read_only_up_to_the_limit(tmp_path):
    """The size limit holds while reading: a pipe has no size to check first."""
    feeder = subprocess.Popen(["cat", "/dev/zero"], stdout=subprocess.PIPE)
    assert feeder.stdout is not None
    fd = feeder.stdout.fileno()
    try:
        r = run("schedule", f"/dev/fd/{fd}", cwd=tmp_path, pass_fds=(fd,), timeout=60)
    finally:
        feeder.kill()
        feeder.wait()
        feeder.stdout.close()
    one_error(r, 1, f"/dev/fd/{fd}: filen är för stor (mer än 20971520 byte)")


def test_the_limit_holds_while_reading_not_only_by_size(tmp_path):
    """A file whose reported size is within the limit (it grew after the stat; or a
    /proc file, which reports 0) is still read only up to the limit and one byte."""
    from klplan.core.errors import InputError
    from klplan.loaders.yamlio import _read_bounded

    path = tmp_path / "x.yaml"
    path.write_bytes(b"a" * 101)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert _read_bounded(fd, "x.yaml", 101, pipe=False) == b"a" * 101
        os.lseek(fd, 0, os.SEEK_SET)
        with pytest.raises(InputError) as e:
            _read_bounded(fd, "x.yaml", 100, pipe=False)
        assert os.lseek(fd, 0, os.SEEK_CUR) == 101  # read no further than limit + 1
    finally:
        os.close(fd)
    assert e.value.key == "file.too_large_read"


def test_a_fifo_named_like_a_groups_calendar_in_the_output_folder(tmp_path):
    out = tmp_path / "kalendrar"
    out.mkdir()
    os.mkfifo(out / "grupp-g1.ics")
    r = run("schedule", str(PLAN), "-f", "ics", "-o", "kalendrar/", cwd=tmp_path, timeout=20)
    one_error(r, 3, "grupp-g1.ics: kan inte läsa filen: det är ett namngivet rör (FIFO)")
    assert sorted(p.name for p in out.iterdir()) == ["grupp-g1.ics"]


def test_a_previous_calendar_from_a_silent_pipe(tmp_path):
    os.mkfifo(tmp_path / "prev.ics")
    r = run(
        "schedule", str(PLAN), "-f", "ics", "-o", "g.ics", "--previous", "prev.ics",
        cwd=tmp_path, timeout=20,
    )  # fmt: skip
    one_error(r, 3, "prev.ics: kan inte läsa filen: röret gav inga data")
    assert not (tmp_path / "g.ics").exists()


def test_a_fifo_named_klplan_toml_is_not_waited_for(tmp_path):
    os.mkfifo(tmp_path / "klplan.toml")
    r = run("schedule", str(PLAN), cwd=tmp_path, timeout=20)
    assert r.returncode == 0, r.stderr
