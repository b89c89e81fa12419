#!/usr/bin/env python3
"""Write data/snapshots/: a JSON snapshot of every bundled YAML file, so that klplan
reads its bundled data without importing a YAML parser (see klplan.loaders.snapshots).

Usage:
    python scripts/build_snapshots.py [--check]

Run it after editing anything in data/ (or after scripts/build_calendars.py). A build
tool only; klplan never imports it. Deterministic; tests/test_bundled_data.py checks
that every snapshot matches its YAML, and ``--check`` exits 1 if one is stale.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from klplan.loaders.resources import data_path
from klplan.loaders.snapshots import SNAPSHOTS, bundled_sources, snapshot_path, snapshot_text
from klplan.loaders.yamlio import load_yaml_file


def expected() -> dict[str, str]:
    """{snapshot path under data/: its text} for every bundled YAML file."""
    root = data_path()
    return {
        snapshot_path(source).relative_to(root).as_posix(): snapshot_text(
            source, load_yaml_file(source).data
        )
        for source in bundled_sources()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a snapshot is stale")
    args = parser.parse_args(argv)
    files = expected()
    root, folder = data_path(), data_path(SNAPSHOTS)
    present = {p.relative_to(root).as_posix() for p in folder.rglob("*.json")}
    stale = sorted(
        rel
        for rel, text in files.items()
        if not (root / rel).is_file() or (root / rel).read_text("utf-8") != text
    ) + sorted(present - set(files))
    if args.check:
        for rel in stale:
            print(f"stale: data/{rel}", file=sys.stderr)
        return 1 if stale else 0
    shutil.rmtree(folder, ignore_errors=True)
    for rel, text in sorted(files.items()):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))  # bytes: LF on every platform
    print(f"wrote {len(files)} snapshots to data/{SNAPSHOTS}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
