"""Two processes writing a directory of calendar files (POSIX fork, for big runs): the
same bytes in every file, the same messages in the same order, and the same errors as
one process writing them all (klplan.cli.calendar_files._write_in_two)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from benchmarks.synthetic import plan_yaml

from klplan.cli import calendar_files
from klplan.core.errors import OutputError
from klplan.loaders.plan import load_plan
from klplan.planning import ScheduleOutcome, schedule_plan
from klplan.render.ics import IcsOptions, split_targets, write_order

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")


@pytest.fixture(scope="module")
def outcome(tmp_path_factory) -> ScheduleOutcome:
    path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    path.write_text(plan_yaml(30, groups_per_leader=4), "utf-8")
    return schedule_plan(load_plan(path))


def moved(outcome: ScheduleOutcome) -> ScheduleOutcome:
    """Every third group in another room: a regeneration with changes."""
    groups = tuple(
        replace(g, location=f"Rum {n}") if n % 3 == 0 else g for n, g in enumerate(outcome.groups)
    )
    return replace(outcome, groups=groups)


def write(outcome: ScheduleOutcome, directory: Path, parallel_from: int, monkeypatch) -> int:
    monkeypatch.setattr(calendar_files, "PARALLEL_FROM", parallel_from)
    return calendar_files.write_calendars(
        outcome,
        IcsOptions(include_preparation=True),
        output=f"{directory}/",
        previous=None,
        check=False,
        force=False,
    )


def files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def said(capsys, directory: Path) -> list[str]:
    return capsys.readouterr().err.replace(str(directory), "DIR").splitlines()


def test_two_writers_give_the_files_and_the_messages_of_one(outcome, tmp_path, capsys, monkeypatch):
    one, two = tmp_path / "one", tmp_path / "two"
    for changed in (outcome, moved(outcome)):  # a first run, then a regeneration
        assert write(changed, one, 10**9, monkeypatch) == 0
        serial = said(capsys, one)
        assert write(changed, two, 2, monkeypatch) == 0
        assert said(capsys, two) == serial
        assert files(two) == files(one)
    assert len(serial) == 10 + 7  # the moved groups' files and their 7 leaders', in order
    assert not [p for p in two.iterdir() if p.name.startswith(".")]  # no temporary file


def test_the_halves_share_no_group_and_keep_the_write_order(outcome, tmp_path):
    targets = split_targets(outcome)
    fs = [calendar_files._File(t, tmp_path / t.file_name, None, None) for t in targets]
    order = write_order(targets)
    first, second = calendar_files._halves(order, fs)
    assert first + second == order and first and second
    ids = [{id(g) for i in half for g in targets[i].groups} for half in (first, second)]
    assert not ids[0] & ids[1]


def _failing_in_the_child(monkeypatch, error: BaseException) -> None:
    """``atomic_write`` fails for the last file of the write order, which the second
    (forked) writer writes."""
    real = calendar_files.atomic_write
    parent = os.getpid()

    def failing(path, data, **kw):
        if os.getpid() != parent and path.name.startswith("ledare-l7"):
            raise error
        real(path, data, **kw)

    monkeypatch.setattr(calendar_files, "atomic_write", failing)


def test_an_error_in_the_second_writer_is_raised_as_the_same_error(outcome, tmp_path, monkeypatch):
    _failing_in_the_child(
        monkeypatch, OutputError("file.unwritable", reason="disk full", where=None)
    )
    with pytest.raises(OutputError) as raised:
        write(outcome, tmp_path, 2, monkeypatch)
    assert raised.value.key == "file.unwritable"
    assert raised.value.params == {"reason": "disk full"}
    assert raised.value.exit_code == 3
    assert (tmp_path / "grupp-g0.ics").exists()  # the first writer's files are written


def test_a_crash_in_the_second_writer_is_not_lost(outcome, tmp_path, monkeypatch):
    _failing_in_the_child(monkeypatch, ValueError("a bug"))
    with pytest.raises(RuntimeError, match="ValueError: a bug"):
        write(outcome, tmp_path, 2, monkeypatch)


def test_small_runs_are_written_by_one_process(outcome, tmp_path, monkeypatch):
    def no_fork():
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    assert write(outcome, tmp_path, calendar_files.PARALLEL_FROM, monkeypatch) == 0
    assert len(files(tmp_path)) == len(split_targets(outcome))
