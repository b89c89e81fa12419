"""klplan's benchmark harness: every target of the performance issue, measured side by
side in one run on this machine, printed with ratios and whether it is met.

    python benchmarks/run.py            # startup, .ics writer, 100 and 1,000 groups,
                                        # a 10,000-line plan
    python benchmarks/run.py --full     # also 20,000 groups (a few minutes)
    python benchmarks/run.py --national # also a plan whose groups rarely meet alike

Not part of the test suite: timings belong here, not in unit tests. Run it from the
repository root with klplan installed (the README's test command installs it).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]

from startup import report as startup_report  # noqa: E402
from synthetic import national_plan_yaml, plan_yaml  # noqa: E402

ENV = {**os.environ, "KLPLAN_TODAY": "2026-11-23", "NO_COLOR": "1"}


@dataclass
class Row:
    what: str
    value: str
    target: str
    met: bool | None  # None: information, no target


def measured(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak MiB) of ``cmd`` run in a child of a fresh Python."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "wall = time.perf_counter() - t\n"
        "if r.returncode: sys.exit(r.stderr.decode()[-400:])\n"
        "print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *cmd], env=ENV, capture_output=True, text=True, check=True
    )
    wall, mib = out.stdout.split()
    return float(wall), float(mib)


# Alternating runs per size: small runs are mostly start-up, so many; a 20,000-group
# run is long enough alone.
REPEATS = {100: 21, 1000: 7}


class Scale:
    """Runs of ``klplan schedule PLAN -f json -o FILE -f ics -o DIR/`` on synthetic plans
    of N groups: the plan read and scheduled once, its JSON and every group's and
    leader's calendar file written, as a municipality's nightly job does.

    Every run writes into a new directory (a first generation of the calendars: one
    that already holds them is a regeneration, which reads every previous file), and
    nothing is deleted until the harness ends. On ext4 without a journal, as on this
    project's machines, the kernel skips the inodes freed in the last minutes one by one
    when it creates a file (``recently_deleted`` in fs/ext4/ialloc.c): deleting one
    run's 25,000 calendars made the next run's file creation several times slower,
    which measured the harness's cleaning, not klplan."""

    def __init__(self, work: Path, national: bool = False) -> None:
        self.work = work
        self.national = national
        self.runs = 0
        self.last: Path | None = None  # the directory of the latest run

    def plan(self, groups: int) -> Path:
        kind = "national" if self.national else "plan"
        path = self.work / f"{kind}-{groups}.yaml"
        if not path.exists():
            make = national_plan_yaml if self.national else plan_yaml
            path.write_text(make(groups), "utf-8")
        return path

    def run(self, groups: int, out: Path | None = None) -> tuple[float, float]:
        """(wall seconds, peak MiB) of one run for ``groups`` groups, into a new
        directory, or over the files of an earlier run in ``out``."""
        if out is None:
            self.runs += 1
            out = self.work / f"run-{'national-' if self.national else ''}{self.runs}"
            out.mkdir()
        self.last = out
        return measured(
            [
                *(sys.executable, "-m", "klplan", "--quiet", "schedule", str(self.plan(groups))),
                *("-f", "json", "-o", str(out / "plan.json")),
                *("-f", "ics", "-o", f"{out}/kalendrar/"),
            ]
        )

    def marginal_per_group(self, groups: int, repeat: int) -> tuple[float, float, float]:
        """(seconds per group beyond a one-group run, fastest N-group run's wall and
        peak). A one-group run and a ``groups`` run are made one after the other
        ``repeat`` times, and the median of the pairs' differences is taken: a slow
        spell of the machine hits both runs of a pair alike, and the median leaves out
        the pairs it split. (The difference of the fastest of each was tried: at 100
        groups, where the two runs differ by a tenth of a second, it ranged from 0.5 to
        2.6 ms per group on one day.)"""
        pairs = [(self.run(1), self.run(groups)) for _ in range(repeat)]
        difference = statistics.median(many[0] - one[0] for one, many in pairs)
        return (
            difference / (groups - 1),
            min(many[0] for _, many in pairs),
            max(many[1] for _, many in pairs),
        )

    def regenerate(self, groups: int) -> float:
        """Wall seconds of the nightly run: the same plan again over the calendars and
        JSON of the latest ``groups``-group run (every calendar read back; none changes)."""
        assert self.last is not None
        return self.run(groups, self.last)[0]


def file_creation_us(work: Path, files: int = 2000) -> float:
    """Microseconds to create, write and rename one small file in a new directory of
    ``work``, as ``atomic_write`` does: what this machine's file system costs per
    calendar file, the part of a large run klplan does not control."""
    d = work / "creation-probe"
    d.mkdir()
    data = b"x" * 8000
    t = time.perf_counter()
    for i in range(files):
        tmp = d / f".{i}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, d / f"{i}.ics")
    return (time.perf_counter() - t) / files * 1e6


def ics_writer(meetings_wanted: int = 16_000) -> tuple[float, float, int, bool]:
    """(klplan's writer s, icalendar's API s, events, byte-identical) on the same events."""
    from tests.test_ics_writer import STAMP, icalendar_bytes, ours

    from klplan.loaders.plan import load_plan
    from klplan.planning import schedule_plan
    from klplan.render.ics import IcsOptions, single_target, target_events

    groups = meetings_wanted // 16
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "plan.yaml"
        text = plan_yaml(groups)
        for module in (
            "lasstrategier",
            "skrivundervisning",
            "lasa-och-beratta",
            "leda-digitalisering",
            "fritidshemmets-uppdrag",
        ):
            text = text.replace(f"module: {module}", "module: samtal-om-text")  # 8 parts
        path.write_text(text, "utf-8")
        outcome = schedule_plan(load_plan(path))
    target = single_target(outcome)
    events = list(target_events(outcome, target, IcsOptions(dtstamp=STAMP)))
    t = time.perf_counter()
    fast = ours(target.name, events)
    fast_s = time.perf_counter() - t
    t = time.perf_counter()
    reference = icalendar_bytes(target.name, events)
    ref_s = time.perf_counter() - t
    return fast_s, ref_s, len(events), fast == reference


def plan_load(lines_wanted: int = 10_000) -> tuple[float, int, bool]:
    """(seconds to load, lines, error located) for a block-style plan of ~10,000 lines."""
    from klplan.core.errors import KlplanError
    from klplan.loaders.plan import load_plan

    text = plan_yaml(lines_wanted // 7, block=True)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "plan.yaml"
        path.write_text(text, "utf-8")
        # As in the CLI (klplan.cli.errors.run): no cyclic GC during a command.
        gc.disable()
        try:
            t = time.perf_counter()
            load_plan(path)
            seconds = time.perf_counter() - t
        finally:
            gc.enable()
        bad = text.replace("participants: 5", "participants: fem", 1)
        path.write_text(bad, "utf-8")
        try:
            load_plan(path)
            located = False
        except KlplanError as e:
            located = e.where is not None and e.where.line is not None
    return seconds, text.count("\n"), located


def national_rows(scale: Scale, sizes: list[int]) -> list[Row]:
    """The scale runs on ``national_plan_yaml``, for information: groups that each meet
    in their own way share almost no work, so this is what a large plan costs when
    nothing is shared (the targets above are measured on the municipal plan)."""
    rows, per_group = [], {}
    for n in sizes:
        per_group[n], wall, peak = scale.marginal_per_group(n, REPEATS.get(n, 1))
        rows.append(Row(f"national plan, {n} groups", f"{wall:.2f} s, {peak:.0f} MiB", "", None))
    rows.append(
        Row(
            f"national plan, time per group, {sizes[0]} -> {sizes[-1]}",
            " -> ".join(f"{per_group[n] * 1000:.2f}" for n in sizes) + " ms",
            "",
            None,
        )
    )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="also 20,000 groups")
    ap.add_argument("--rounds", type=int, default=11, help="startup rounds (median)")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument(
        "--work-dir", type=Path, help="where the runs write their files [the system's temp]"
    )
    ap.add_argument(
        "--national",
        action="store_true",
        help="also the same runs on a national-style plan whose groups rarely meet alike "
        "(information: the targets are measured on the municipal plan)",
    )
    args = ap.parse_args()
    rows: list[Row] = []

    for name, seconds, ratio, ok in startup_report(args.rounds):
        target = {"klplan --help": "<= 1.0x", "klplan schedule": "<= 1.2x"}.get(name, "")
        rows.append(
            Row(
                f"startup: {name}",
                f"{seconds * 1000:.0f} ms ({ratio:.2f}x)",
                target,
                ok if target else None,
            )
        )

    fast_s, ref_s, events, same = ics_writer()
    rows.append(Row(f".ics writer, {events} events", f"{fast_s:.2f} s", "", None))
    rows.append(Row("icalendar Calendar API, same events", f"{ref_s:.2f} s", "", None))
    rows.append(
        Row(".ics writer speed-up", f"{ref_s / fast_s:.1f}x", ">= 10x", ref_s / fast_s >= 10)
    )
    rows.append(Row(".ics byte-identical to icalendar", str(same), "True", same))

    seconds, lines, located = plan_load()
    rows.append(Row(f"load a {lines}-line plan", f"{seconds:.2f} s", "<= 0.3 s", seconds <= 0.3))
    rows.append(Row("  its errors still have line numbers", str(located), "True", located))

    sizes = [100, 1000, *([20_000] if args.full else [])]
    per_group: dict[int, float] = {}
    regenerated: dict[int, float] = {}
    with tempfile.TemporaryDirectory(dir=args.work_dir) as d:
        work = Path(d)
        creation = file_creation_us(work)
        rows.append(Row("file system: create + rename a file", f"{creation:.0f} us", "", None))
        scale = Scale(work)
        for n in sizes:
            per_group[n], wall, peak = scale.marginal_per_group(n, REPEATS.get(n, 1))
            what = f"{n} groups: schedule + JSON + all .ics"
            if n == 20_000:
                rows.append(Row(what, f"{wall:.1f} s", "<= 15 s", wall <= 15))
                rows.append(
                    Row(f"{n} groups: peak memory", f"{peak:.0f} MiB", "<= 1024 MiB", peak <= 1024)
                )
            else:
                rows.append(Row(what, f"{wall:.2f} s, {peak:.0f} MiB", "", None))
            regenerated[n] = scale.regenerate(n)
        small, large = per_group[sizes[0]], per_group[sizes[-1]]
        rows.append(
            Row(
                f"time per group (marginal), {sizes[0]} -> {sizes[-1]}",
                f"{small * 1000:.2f} -> {large * 1000:.2f} ms",
                "within 25%",
                abs(large - small) <= 0.25 * small,
            )
        )
        for n, seconds in regenerated.items():
            rows.append(
                Row(f"{n} groups: the same run again over its files", f"{seconds:.2f} s", "", None)
            )
        if args.national:
            rows += national_rows(Scale(work, national=True), sizes)

    print(
        f"klplan benchmarks on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    width = max(len(r.what) for r in rows)
    for r in rows:
        verdict = "" if r.met is None else ("met" if r.met else "MISSED")
        print(f"{r.what:<{width}}  {r.value:>24}  {r.target:>12}  {verdict}")
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in rows], indent=2), "utf-8")


if __name__ == "__main__":
    main()
