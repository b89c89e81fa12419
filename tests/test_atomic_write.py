"""Files are written atomically: a temporary file of our own naming (exclusive create,
never through a link), then a rename; a failure leaves the old file and no temporary."""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from klplan.core.errors import OutputError
from klplan.files import atomic as output
from klplan.files.atomic import atomic_write, file_mode, new_file_mode


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


def test_bytes_and_chunks_of_any_size(tmp_path):
    big = [bytes([n]) * 40_000 for n in range(5)]  # more than one gathered write
    atomic_write(tmp_path / "a.ics", b"".join(big))
    atomic_write(tmp_path / "b.ics", iter(big))
    atomic_write(tmp_path / "c.ics", [])
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes() == b"".join(big)
    assert (tmp_path / "c.ics").read_bytes() == b""
    assert leftovers(tmp_path) == []


def test_a_taken_temporary_name_is_skipped_and_left_alone(tmp_path, monkeypatch):
    taken = tmp_path / ".a.ics.x0.tmp"
    taken.write_bytes(b"someone else's")
    monkeypatch.setattr(output, "_names", [(f"x{n}" for n in itertools.count())])
    atomic_write(tmp_path / "a.ics", b"new")
    assert (tmp_path / "a.ics").read_bytes() == b"new"
    assert taken.read_bytes() == b"someone else's"
    assert leftovers(tmp_path) == [taken.name]


def test_no_free_temporary_name_is_an_output_error(tmp_path, monkeypatch):
    (tmp_path / ".a.ics.klplan-same.tmp").write_bytes(b"")
    monkeypatch.setattr(output, "_names", [itertools.repeat("same")])
    with pytest.raises(OutputError) as e:
        atomic_write(tmp_path / "a.ics", b"new")
    assert str(tmp_path / "a.ics") in e.value.message()
    assert not (tmp_path / "a.ics").exists()


def test_a_failure_while_writing_keeps_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "a.ics"
    target.write_bytes(b"old")

    def chunks() -> Iterator[bytes]:
        yield b"x" * 100_000
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, chunks())
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_symlinked_temporary_name_is_never_followed(tmp_path, monkeypatch):
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    (tmp_path / ".a.ics.l0.tmp").symlink_to(victim)
    monkeypatch.setattr(output, "_names", [(f"l{n}" for n in itertools.count())])
    atomic_write(tmp_path / "a.ics", b"new")
    assert victim.read_bytes() == b"keep" and (tmp_path / "a.ics").read_bytes() == b"new"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_permissions_are_an_existing_files_own_else_the_umasks(tmp_path):
    old = os.umask(0o027)
    try:
        assert new_file_mode() == 0o640
        atomic_write(tmp_path / "new.ics", b"x")
        assert stat.S_IMODE((tmp_path / "new.ics").stat().st_mode) == 0o640
        (tmp_path / "new.ics").chmod(0o604)
        assert file_mode(tmp_path / "new.ics") == 0o604
        atomic_write(tmp_path / "new.ics", b"y")
        assert stat.S_IMODE((tmp_path / "new.ics").stat().st_mode) == 0o604
        atomic_write(tmp_path / "given.ics", b"z", mode=0o664)  # as the caller says
        assert stat.S_IMODE((tmp_path / "given.ics").stat().st_mode) == 0o664
    finally:
        os.umask(old)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_a_forked_child_draws_its_own_temporary_names(tmp_path):
    atomic_write(tmp_path / "warm.ics", b"")  # this process has drawn its names
    parent = output._names[0]
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.write(write, b"1" if not output._names else b"0")
        os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 1) == b"1"
    assert output._names[0] is parent
