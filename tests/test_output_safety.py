"""Nothing a user owns is ever lost by ``klplan schedule -o`` (issue 14): an input of
the run is never an output, a file klplan did not write is replaced only with
--force, special files and links stay what they are, an interrupted or failed write
leaves the previous file, two runs into one folder do not mix, and with several
outputs every one is checked before anything is written."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.plan_helpers import plan_text, write_plan

GROUPS = """\
- {id: ekorren, participants: 5, leader: anna, module: samtal-om-text, start: 2025-W38}
- {id: grodan, participants: 6, leader: bo, module: lasstrategier, start: 2025-W38}
"""

FORMATS = ["table", "json", "csv", "html", "md", "ics"]
FOREIGN = b"Mina egna anteckningar\n"
KLPLAN = [sys.executable, "-m", "klplan"]


@pytest.fixture
def plan(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.chdir(tmp_path)
    return str(write_plan(tmp_path, plan_text(GROUPS)))


def hidden_temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- 1. what an output may replace ----------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_klplan_did_not_write_is_kept_without_force(klplan, plan, tmp_path, fmt):
    out = tmp_path / f"ut.{fmt}"
    out.write_bytes(FOREIGN)
    r = klplan("schedule", plan, "-f", fmt, "-o", str(out))
    assert r.code == 3, r.err
    assert r.err.count("\n") == 1 and "ut." in r.err and "--force" in r.err
    assert out.read_bytes() == FOREIGN
    assert hidden_temporaries(tmp_path) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_force_replaces_it_and_klplan_knows_its_own_file_afterwards(klplan, plan, tmp_path, fmt):
    out = tmp_path / f"ut.{fmt}"
    out.write_bytes(FOREIGN)
    assert klplan("schedule", plan, "-f", fmt, "-o", str(out), "--force").code == 0
    first = out.read_bytes()
    assert first != FOREIGN
    # A regeneration over klplan's own file needs no --force, and gives the same bytes.
    r = klplan("schedule", plan, "-f", fmt, "-o", str(out))
    assert r.code == 0, r.err
    assert out.read_bytes() == first


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        ("json", b'{\n  "schema": "klplan.schedule/1"'),
        ("html", b'<meta name="generator" content="klplan '),
        ("md", b"<!-- klplan -->\n"),
        ("table", b"\n-- klplan\n"),
    ],
)
def test_each_format_carries_its_marker(klplan, plan, tmp_path, fmt, marker):
    out = tmp_path / f"ut.{fmt}"
    assert klplan("schedule", plan, "-f", fmt, "-o", str(out)).code == 0
    assert marker in out.read_bytes()


@pytest.mark.parametrize("dialect", ["excel-sv", "rfc4180"])
def test_a_csv_file_is_known_by_its_header_in_either_language(klplan, plan, tmp_path, dialect):
    out = tmp_path / "ut.csv"
    assert (
        klplan(
            "--lang", "en", "schedule", plan, "-f", "csv", "-o", str(out), "--csv-dialect", dialect
        ).code
        == 0
    )
    assert klplan("schedule", plan, "-f", "csv", "-o", str(out)).code == 0
    # The same rows under another header are not klplan's.
    body = out.read_bytes().split(b"\r\n", 1)[1]
    out.write_bytes(b"Vecka;Dag\r\n" + body)
    assert klplan("schedule", plan, "-f", "csv", "-o", str(out)).code == 3


def test_an_empty_file_is_filled_without_force(klplan, plan, tmp_path):
    out = tmp_path / "ut.json"
    out.write_bytes(b"")
    assert klplan("schedule", plan, "-f", "json", "-o", str(out)).code == 0
    assert out.read_bytes().startswith(b"{")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("how", ["same path", "symlink", "hard link"])
def test_the_plan_is_never_an_output_even_with_force(klplan, plan, tmp_path, fmt, how):
    original = Path(plan).read_bytes()
    target = tmp_path / "plan.yaml"
    if how == "symlink":
        target = tmp_path / "lank.txt"
        target.symlink_to(tmp_path / "plan.yaml")
    elif how == "hard link":
        target = tmp_path / "hard.txt"
        os.link(tmp_path / "plan.yaml", target)
    r = klplan("schedule", plan, "-f", fmt, "-o", str(target), "--force")
    assert r.code == 3, r.err
    assert "indatafiler" in r.err and r.err.count("\n") == 1
    assert Path(plan).read_bytes() == original
    assert hidden_temporaries(tmp_path) == []


def test_klplan_toml_and_the_modules_file_are_inputs_too(klplan, plan, tmp_path):
    toml = tmp_path / "klplan.toml"
    toml.write_text('weekday = "tisdag"\n', encoding="utf-8")
    r = klplan(
        "schedule", "-m", "samtal-om-text", "-k", "Stockholm", "-o", "klplan.toml", "--force"
    )
    assert r.code == 3 and "klplan.toml" in r.err
    assert toml.read_text(encoding="utf-8") == 'weekday = "tisdag"\n'
    toml.unlink()
    modules = tmp_path / "moduler.yaml"
    modules.write_text(
        "schema: 1\nmodules:\n  - {id: egen, title: Egen, area: Läsa, school_forms: [grundskola],"
        " parts: 4, source: egen}\n",
        encoding="utf-8",
    )
    before = modules.read_bytes()
    r = klplan(
        "schedule", "-m", "egen", "--modules", "moduler.yaml", "-k", "Stockholm",
        "-f", "json", "-o", "moduler.yaml", "--force",
    )  # fmt: skip
    assert r.code == 3 and "indatafiler (moduler.yaml)" in r.err
    assert modules.read_bytes() == before


def test_a_plans_own_modules_file_is_an_input(klplan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "moduler.yaml").write_text(
        "schema: 1\nmodules:\n  - {id: egen, title: Egen, area: Läsa, school_forms: [grundskola],"
        " parts: 4, source: egen}\n",
        encoding="utf-8",
    )
    before = (tmp_path / "moduler.yaml").read_bytes()
    text = plan_text(
        "- {id: ekorren, participants: 5, leader: anna, module: egen, start: 2025-W38}\n",
        extra="modules_file: moduler.yaml\n",
    )
    plan = write_plan(tmp_path, text)
    assert klplan("schedule", str(plan), "-f", "json", "-o", "/dev/null").code == 0
    r = klplan("schedule", str(plan), "-f", "md", "-o", "moduler.yaml", "--force")
    assert r.code == 3 and "indatafiler" in r.err
    assert (tmp_path / "moduler.yaml").read_bytes() == before


def test_an_input_in_a_calendar_directory_is_refused(klplan, plan, tmp_path):
    folder = tmp_path / "kal"
    folder.mkdir()
    os.link(tmp_path / "plan.yaml", folder / "grupp-ekorren.ics")
    r = klplan("schedule", plan, "-f", "ics", "-o", "kal/", "--force")
    assert r.code == 3 and "grupp-ekorren.ics" in r.err
    assert sorted(p.name for p in folder.iterdir()) == ["grupp-ekorren.ics"]


def test_english_messages(klplan, plan, tmp_path):
    (tmp_path / "ut.md").write_bytes(FOREIGN)
    r = klplan("--lang", "en", "schedule", plan, "-f", "md", "-o", "ut.md")
    assert "was not written by klplan (no klplan <!-- klplan -->)" in r.err
    r = klplan("--lang", "en", "schedule", plan, "-o", "plan.yaml")
    assert "is one of the run's input files (plan.yaml)" in r.err


# --- 3. devices, FIFOs and links ------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_dev_null_stays_a_device(klplan, plan, fmt):
    r = klplan("schedule", plan, "-f", fmt, "-o", "/dev/null")
    assert r.code == 0, r.err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("fmt", ["json", "ics"])
def test_a_fifo_is_written_into_as_a_shell_would(klplan, plan, tmp_path, fmt):
    fifo = tmp_path / "ror"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    r = klplan("schedule", plan, "-f", fmt, "-o", str(fifo))
    reader.join(10)
    assert r.code == 0, r.err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got and got[0].startswith(b"{" if fmt == "json" else b"BEGIN:VCALENDAR")


def test_dev_stdout_is_written_into(plan, tmp_path):
    r = subprocess.run(
        [*KLPLAN, "schedule", plan, "-f", "json", "-o", "/dev/stdout"],
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(b'{\n  "schema": "klplan.schedule/1"')


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_link_stays_a_link_and_its_target_is_replaced(klplan, plan, tmp_path, fmt):
    (tmp_path / "arkiv").mkdir()
    real = tmp_path / "arkiv" / f"plan.{fmt}"
    link = tmp_path / f"senaste.{fmt}"
    link.symlink_to(real)
    assert klplan("schedule", plan, "-f", fmt, "-o", str(link)).code == 0
    first = real.read_bytes()
    assert link.is_symlink() and first
    os.chmod(real, 0o640)
    assert klplan("schedule", plan, "-f", fmt, "-o", str(link)).code == 0
    assert link.is_symlink() and real.read_bytes() == first
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    # A link to a file klplan did not write is refused like the file itself.
    real.write_bytes(FOREIGN)
    assert klplan("schedule", plan, "-f", fmt, "-o", str(link)).code == 3
    assert real.read_bytes() == FOREIGN and link.is_symlink()


def test_links_and_devices_inside_a_calendar_directory(klplan, plan, tmp_path):
    folder = tmp_path / "kal"
    folder.mkdir()
    (tmp_path / "delad").mkdir()
    (folder / "grupp-ekorren.ics").symlink_to(tmp_path / "delad" / "ekorren.ics")
    os.symlink("/dev/null", folder / "grupp-grodan.ics")
    assert klplan("schedule", plan, "-f", "ics", "-o", "kal/").code == 0
    assert (folder / "grupp-ekorren.ics").is_symlink()
    assert (tmp_path / "delad" / "ekorren.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert os.readlink(folder / "grupp-grodan.ics") == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert klplan("schedule", plan, "-f", "ics", "-o", "kal/").code == 0  # again: ours


# --- 2. interrupted and failed writes -------------------------------------------------


def big_plan(tmp_path: Path, groups: int = 6000) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.synthetic import plan_yaml

    path = tmp_path / "stor.yaml"
    path.write_text(plan_yaml(groups), encoding="utf-8")
    return path


def start_and_signal(cwd: Path, args: list[str], sig: int, name: str) -> subprocess.Popen[bytes]:
    """Start klplan and send ``sig`` as soon as its temporary file for ``name`` is there."""
    proc = subprocess.Popen(
        [*KLPLAN, "--quiet", *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if any(t.startswith(f".{name}.klplan-") for t in hidden_temporaries(cwd)):
            proc.send_signal(sig)
            break
        time.sleep(0.0005)
    proc.wait(60)
    return proc


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_an_interrupted_write_leaves_the_previous_file(tmp_path, sig):
    plan = big_plan(tmp_path)
    out = tmp_path / "plan.json"
    out.write_bytes(b'{\n  "schema": "klplan.schedule/1", "tidigare": true}\n')
    before = out.read_bytes()
    proc = start_and_signal(
        tmp_path, ["schedule", plan.name, "-f", "json", "-o", "plan.json"], sig, "plan.json"
    )
    assert proc.returncode != 0, "the run finished before it was interrupted"
    assert out.read_bytes() == before
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert hidden_temporaries(tmp_path) == []
    else:
        # A killed run cannot clean up; the next run into the folder does.
        assert hidden_temporaries(tmp_path) != []
        r = subprocess.run(
            [*KLPLAN, "--quiet", "schedule", plan.name, "-f", "json", "-o", "annan.json"],
            cwd=tmp_path,
            capture_output=True,
            check=False,
        )
        assert r.returncode == 0, r.stderr
        assert hidden_temporaries(tmp_path) == []
        assert out.read_bytes() == before


def mounted_tmpfs(folder: Path, options: str) -> Iterator[Path]:
    """A tmpfs of its own at ``folder`` (root only), unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def small_tmpfs(tmp_path):
    """A 64 KiB file system: a full disk, for real."""
    yield from mounted_tmpfs(tmp_path / "liten", "size=64k")


def test_a_full_disk_leaves_the_previous_file_and_no_temporary(klplan, plan, tmp_path, small_tmpfs):
    out = small_tmpfs / "plan.json"
    assert klplan("schedule", plan, "-f", "json", "-o", str(out)).code == 0
    before = out.read_bytes()
    big = big_plan(tmp_path, 300)
    r = klplan("--quiet", "schedule", str(big), "-f", "json", "-o", str(out))
    assert r.code == 3, r.err
    assert "plan.json" in r.err and os.strerror(28) in r.err  # ENOSPC
    assert out.read_bytes() == before
    assert sorted(p.name for p in small_tmpfs.iterdir()) == ["plan.json"]


# --- 4. one run at a time per folder --------------------------------------------------


HOLD = """
import sys, time
from pathlib import Path
from klplan.files.locks import locked
with locked([Path(sys.argv[1])]):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_second_run_into_a_locked_folder_waits_then_refuses(plan, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path), "30"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        start = time.monotonic()
        r = subprocess.run(
            [*KLPLAN, "schedule", plan, "-f", "json", "-o", "ut.json"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**os.environ, "KLPLAN_LOCK_WAIT": "0.5"},
            check=False,
        )
        assert time.monotonic() - start >= 0.5
        assert r.returncode == 3
        assert "en annan klplan-körning skriver i mappen" in r.stderr
        assert r.stderr.count("\n") == 1
        assert not (tmp_path / "ut.json").exists()
    finally:
        holder.kill()
        holder.wait()


def test_a_second_run_waits_for_the_first_to_finish(plan, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path), "1"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    r = subprocess.run(
        [*KLPLAN, "schedule", plan, "-f", "json", "-o", "ut.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    holder.wait()
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "ut.json").read_bytes().startswith(b"{")


def test_two_real_runs_into_one_folder_do_not_mix(tmp_path):
    """Two runs of different plans into one calendar folder, at once: the folder ends
    as one run after the other leaves it (in either order), never with some files of
    each run's plan."""
    one = big_plan(tmp_path, 400)
    two = tmp_path / "tva.yaml"
    two.write_text(one.read_text(encoding="utf-8").replace("15:00", "13:00"), encoding="utf-8")

    def run(plan: Path, folder: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [*KLPLAN, "--quiet", "schedule", plan.name, "-f", "ics", "-o", f"{folder}/"],
            cwd=tmp_path,
            stderr=subprocess.PIPE,
        )

    def finish(*procs: subprocess.Popen[bytes]) -> None:
        for proc in procs:
            proc.wait(120)
            assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""

    finish(run(one, "kal"), run(two, "kal"))  # at once
    for first, then, folder in ((one, two, "a"), (two, one, "b")):
        finish(run(first, folder))
        finish(run(then, folder))

    def files(folder: str) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted((tmp_path / folder).iterdir())}

    assert files("a") != files("b")
    assert files("kal") in (files("a"), files("b"))


# --- 5. several outputs: all checked before any is written ---------------------------


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder on a read-only mount: refused even for root (permission bits are not)."""
    yield from mounted_tmpfs(tmp_path / "skrivskyddad", "size=64k,ro")


@pytest.mark.parametrize("fmt", ["json", "ics"])
def test_a_read_only_folder_later_in_the_list_stops_every_output(
    klplan, plan, tmp_path, read_only_folder, fmt
):
    target = f"{read_only_folder}/" if fmt == "ics" else str(read_only_folder / "ut.json")
    r = klplan("schedule", plan, "-f", "csv", "-o", "ut.csv", "-f", fmt, "-o", target)
    assert r.code == 3, r.err
    assert "skrivskyddad" in r.err and os.strerror(30) in r.err  # EROFS
    assert not (tmp_path / "ut.csv").exists()
    assert list(read_only_folder.iterdir()) == []


def test_a_missing_folder_later_in_the_list_stops_every_output(klplan, plan, tmp_path):
    r = klplan("schedule", plan, "-f", "csv", "-o", "ut.csv", "-f", "json", "-o", "saknas/ut.json")
    assert r.code == 3 and "saknas/ut.json" in r.err
    assert not (tmp_path / "ut.csv").exists()


# --- klplan calendar writes its files the same way ------------------------------------


@pytest.mark.parametrize("fmt", ["table", "json", "ics"])
def test_klplan_calendar_keeps_foreign_files_and_inputs(klplan, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    toml = tmp_path / "klplan.toml"
    toml.write_text('kommun = "Stockholm"\n', encoding="utf-8")
    out = tmp_path / f"lov.{fmt}"
    out.write_bytes(FOREIGN)
    r = klplan("calendar", "-y", "2026/27", "-f", fmt, "-o", str(out))
    assert r.code == 3 and "--force" in r.err
    assert out.read_bytes() == FOREIGN
    assert klplan("calendar", "-y", "2026/27", "-f", fmt, "-o", str(out), "--force").code == 0
    assert klplan("calendar", "-y", "2026/27", "-f", fmt, "-o", str(out)).code == 0  # ours
    r = klplan("calendar", "-y", "2026/27", "-f", fmt, "-o", "klplan.toml", "--force")
    assert r.code == 3 and "indatafiler" in r.err
    assert toml.read_text(encoding="utf-8") == 'kommun = "Stockholm"\n'
    assert klplan("calendar", "-y", "2026/27", "-f", fmt, "-o", "/dev/null").code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_refused_run_leaves_no_new_calendar_folder(klplan, plan, tmp_path):
    (tmp_path / "ut.csv").write_bytes(FOREIGN)
    r = klplan("schedule", plan, "-f", "ics", "-o", "nya/kal/", "-f", "csv", "-o", "ut.csv")
    assert r.code == 3 and "ut.csv" in r.err
    assert not (tmp_path / "nya").exists()
    assert (tmp_path / "ut.csv").read_bytes() == FOREIGN


@pytest.mark.parametrize("command", ["schedule", "calendar"])
def test_the_calendar_file_is_an_input_through_a_hard_link(klplan, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    own = tmp_path / "studiedagar.yaml"
    own.write_text("closed_days:\n  - {date: 2026-10-09, reason: studiedag}\n", encoding="utf-8")
    os.link(own, tmp_path / "kopia.json")
    args = ["-k", "Uppsala", "--calendar", "studiedagar.yaml", "-y", "2026/27"]
    if command == "schedule":
        args += ["-m", "samtal-om-text"]
    r = klplan(command, *args, "-f", "json", "-o", "kopia.json", "--force")
    assert r.code == 3 and "indatafiler (studiedagar.yaml)" in r.err
    assert own.read_text(encoding="utf-8").startswith("closed_days:")


def test_previous_may_name_the_calendar_the_output_replaces(klplan, plan, tmp_path):
    assert klplan("schedule", plan, "-f", "ics", "-o", "plan.ics").code == 0
    r = klplan("schedule", plan, "-f", "ics", "-o", "plan.ics", "--previous", "plan.ics")
    assert r.code == 0, r.err
