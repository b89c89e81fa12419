"""klplan's benchmark harness: every target of the performance issue, measured side by
side in one run on this machine, printed with ratios and whether it is met.

    python benchmarks/run.py            # startup, .ics writer, 100 and 1,000 groups,
                                        # a 10,000-line plan
    python benchmarks/run.py --full     # also 20,000 groups (a few minutes)
    python benchmarks/run.py --national # also a plan whose groups rarely meet alike
    python benchmarks/run.py --instructions  # also instructions per group (callgrind)
    python benchmarks/run.py --formats-only  # only every format of 300 groups vs its JSON

Every run also measures the control plan (``shared_plan_yaml``), whose groups share
as much at every size, for information beside the time-per-group target.

Not part of the test suite: timings belong here, not in unit tests. Run it from the
repository root with klplan installed (the README's test command installs it).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import shutil
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
from synthetic import national_plan_yaml, plan_yaml, shared_plan_yaml  # noqa: E402

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


def instructions(cmd: list[str]) -> int:
    """Instructions ``cmd`` executes in user space, counted by valgrind's callgrind."""
    with tempfile.TemporaryDirectory() as d:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={d}/callgrind.out", *cmd],
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
    found = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode or found is None:
        sys.exit(f"callgrind failed: {out.stderr[-400:]}")
    return int(found.group(1))


# Pairs of runs per size: small runs are mostly start-up, so many. A 20,000-group run
# is long, but half of it is the kernel creating 25,000 files, which varied by a third
# between identical runs here (5.3 s of system time against 3.2 s): three. The pairs
# are made in ROUNDS rounds, each with its share of every size's pairs.
REPEATS = {100: 21, 1000: 6, 20_000: 3}
ROUNDS = 3


# The synthetic plans the harness scales, by the kind a Scale is made with.
PLANS = {"plan": plan_yaml, "national": national_plan_yaml, "shared": shared_plan_yaml}


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

    def __init__(self, work: Path, kind: str = "plan") -> None:
        self.work = work
        self.kind = kind  # a key of PLANS
        self.runs = 0
        self.last: dict[int, Path] = {}  # the directory of the latest run of each size

    def plan(self, groups: int) -> Path:
        path = self.work / f"{self.kind}-{groups}.yaml"
        if not path.exists():
            path.write_text(PLANS[self.kind](groups), "utf-8")
        return path

    def run(self, groups: int, out: Path | None = None) -> tuple[float, float]:
        """(wall seconds, peak MiB) of one run for ``groups`` groups, into a new
        directory, or over the files of an earlier run in ``out``."""
        if out is None:
            out = self.new_directory()
        self.last[groups] = out
        return measured(self.command(groups, out))

    def marginal_per_group(self, sizes: list[int]) -> dict[int, tuple[float, float, float]]:
        """{size: (seconds per group beyond a one-group run, the runs' median wall, their
        highest peak)}. A one-group run and a run of the size are made one after the
        other, ``REPEATS[size]`` times, and the median of the pairs' differences is
        taken: a slow spell of the machine hits both runs of a pair alike, and the
        median leaves out the pairs it split. (The difference of the fastest of each was
        tried: at 100 groups, where the two runs differ by a tenth of a second, it
        ranged from 0.5 to 2.6 ms per group on one day.)

        The sizes are measured side by side, as the issue's ratios are: each of
        ``ROUNDS`` rounds makes its share of every size's pairs, so that every size is
        measured across the same minutes. Measured one after the other, a spell of the
        shared machine could fall on one size only (on 2 December 2026: 0.82 ms per group
        at 100 groups in one run, 0.34 in another an hour later, with the same code)."""
        pairs: dict[int, list[tuple[tuple[float, float], tuple[float, float]]]] = {
            n: [] for n in sizes
        }
        for r in range(ROUNDS):
            for n in sizes:
                share = REPEATS[n] * (r + 1) // ROUNDS - REPEATS[n] * r // ROUNDS
                pairs[n] += [(self.run(1), self.run(n)) for _ in range(share)]
        out = {}
        for n, made in pairs.items():
            difference = statistics.median(many[0] - one[0] for one, many in made)
            out[n] = (
                difference / (n - 1),
                statistics.median(many[0] for _, many in made),
                max(many[1] for _, many in made),
            )
        return out

    def command(self, groups: int, out: Path) -> list[str]:
        """The run's command line for ``groups`` groups, writing into ``out``."""
        return [
            *(sys.executable, "-m", "klplan", "--quiet", "schedule", str(self.plan(groups))),
            *("-f", "json", "-o", str(out / "plan.json")),
            *("-f", "ics", "-o", f"{out}/kalendrar/"),
        ]

    def instructions_per_group(self, sizes: list[int]) -> dict[int, float]:
        """Instructions per group beyond a one-group run, at each size, counted by
        callgrind: the user-space work of klplan and Python, the same on every run of
        the same command (no machine noise, no file-system time)."""
        counts = {n: instructions(self.command(n, self.new_directory())) for n in [1, *sizes]}
        return {n: (counts[n] - counts[1]) / (n - 1) for n in sizes}

    def new_directory(self) -> Path:
        """A new directory for a run (never one an earlier run, of any Scale, wrote)."""
        self.runs += 1
        return Path(tempfile.mkdtemp(prefix=f"run-{self.kind}-{self.runs}-", dir=self.work))

    def regenerate(self, groups: int) -> float:
        """Wall seconds of the nightly run: the same plan again over the calendars and
        JSON of the latest ``groups``-group run (none of its calendars changes)."""
        return self.run(groups, self.last[groups])[0]


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

    from klplan.app.plan import schedule_plan
    from klplan.loaders.plan import load_plan
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


def _per_group_text(per_group: dict[int, float], scale: float = 1e3, unit: str = "ms") -> str:
    """``1.39 -> 0.90 -> 0.66 ms (-53%)``: the figure per group at each size, times
    ``scale``, in ``unit``, and how far the largest size's is from the smallest's."""
    sizes = sorted(per_group)
    first, last = per_group[sizes[0]], per_group[sizes[-1]]
    values = " -> ".join(f"{per_group[n] * scale:.2f}" for n in sizes)
    return f"{values} {unit} ({(last - first) / first:+.0%})"


def information_rows(scale: Scale, sizes: list[int], label: str) -> list[Row]:
    """The scale runs on another plan than the municipal one, for information:

    - ``national``: groups that each meet in their own way share almost no work, so
      this is what a large plan costs when nothing is shared;
    - ``shared``, the control: groups share as much at every size (four combinations),
      so a time per group that is flat here says that the work of a run grows in
      proportion to its groups, and the municipal plan's falling time per group is the
      cost of the first group of each combination spread over more groups."""
    rows, per_group = [], {}
    for n, (seconds, wall, peak) in scale.marginal_per_group(sizes).items():
        per_group[n] = seconds
        rows.append(Row(f"{label}, {n} groups", f"{wall:.2f} s, {peak:.0f} MiB", "", None))
    rows.append(
        Row(
            f"{label}, time per group, {sizes[0]} -> {sizes[-1]}",
            _per_group_text(per_group),
            "",
            None,
        )
    )
    return rows


# Every output of ``klplan schedule`` but calendar files, by its flags: the year
# overview used to cost several times the JSON (a SchoolWeeks built per cell).
FORMATS = {
    "json": ("-f", "json"),
    "csv": ("-f", "csv"),
    "xlsx": ("-f", "xlsx"),
    "html": ("-f", "html"),
    "md": ("-f", "md"),
    "table": ("-f", "table"),
    "table --view leader": ("-f", "table", "--view", "leader"),
    "table --view overview": ("-f", "table", "--view", "overview"),
}


def format_rows(work: Path, groups: int = 300, repeats: int = 5) -> list[Row]:
    """Each format of a ``groups``-group plan, median of ``repeats`` runs, against the
    JSON of the same plan: the target is at most 1.5 times the JSON's time."""
    plan = Scale(work).plan(groups)
    runs: dict[str, list[float]] = {name: [] for name in FORMATS}
    for _ in range(repeats):  # rounds over every format: a busy spell hits them alike
        for name, flags in FORMATS.items():
            out = work / f"format-{groups}.{flags[1]}"
            cmd = [sys.executable, "-m", "klplan", "schedule", str(plan), *flags, "-o", str(out)]
            runs[name].append(measured(cmd)[0])
    times = {name: statistics.median(seconds) for name, seconds in runs.items()}
    rows = []
    for name, seconds in times.items():
        ratio = seconds / times["json"]
        target = "" if name == "json" else "<= 1.5x json"
        met = None if name == "json" else ratio <= 1.5
        rows.append(
            Row(f"{groups} groups: -f {name}", f"{seconds:.2f} s ({ratio:.2f}x)", target, met)
        )
    return rows


def instruction_rows(work: Path, sizes: tuple[int, ...] = (100, 1000)) -> list[Row]:
    """Instructions per group on the municipal plan and the control, for information:
    deterministic where wall time is not, so they show whether klplan's own work per
    group grows or falls with the number of groups (a few minutes under valgrind)."""
    if shutil.which("valgrind") is None:
        return [Row("instructions per group", "valgrind not installed", "", None)]
    rows = []
    for kind, label in (("plan", "municipal plan"), ("shared", "control: shared plan")):
        per_group = Scale(work, kind).instructions_per_group(list(sizes))
        rows.append(
            Row(
                f"{label}, instructions per group, {sizes[0]} -> {sizes[-1]}",
                _per_group_text(per_group, 1e-6, "M"),
                "",
                None,
            )
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    ap.add_argument("--full", action="store_true", help="also 20,000 groups")
    ap.add_argument("--rounds", type=int, default=11, help="startup rounds (median)")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument(
        "--work-dir", type=Path, help="where the runs write their files [the system's temp]"
    )
    ap.add_argument(
        "--formats-only",
        action="store_true",
        help="only the formats of a 300-group plan against its JSON (a minute)",
    )
    ap.add_argument(
        "--national",
        action="store_true",
        help="also the same runs on a national-style plan whose groups rarely meet alike "
        "(information: the targets are measured on the municipal plan)",
    )
    ap.add_argument(
        "--instructions",
        action="store_true",
        help="also instructions per group at 100 and 1,000 groups, counted by valgrind's "
        "callgrind (deterministic; a few minutes)",
    )
    args = ap.parse_args()
    rows: list[Row] = []
    if args.formats_only:
        with tempfile.TemporaryDirectory(dir=args.work_dir) as d:
            report(format_rows(Path(d)), args.json)
        return

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
        if name == "minimal typer+rich table":
            # How busy the shared machine was: the issue measured this app at ~160 ms.
            rows.append(Row("  against the issue's ~160 ms", f"{seconds / 0.160:.2f}x", "", None))

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
        for n, (seconds, wall, peak) in scale.marginal_per_group(sizes).items():
            per_group[n] = seconds
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
                _per_group_text(per_group),
                "within 25%",
                abs(large - small) <= 0.25 * small,
            )
        )
        for n, seconds in regenerated.items():
            rows.append(
                Row(f"{n} groups: the same run again over its files", f"{seconds:.2f} s", "", None)
            )
        rows += format_rows(work)
        rows += information_rows(Scale(work, "shared"), sizes, "control: shared plan")
        if args.instructions:
            rows += instruction_rows(work)
        if args.national:
            rows += information_rows(Scale(work, "national"), sizes, "national plan")

    report(rows, args.json)


def report(rows: list[Row], json_path: Path | None) -> None:
    """Print the rows as a table (and write them as JSON to ``json_path``)."""
    print(
        f"klplan benchmarks on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    width = max(len(r.what) for r in rows)
    values = max(len(r.value) for r in rows)
    for r in rows:
        verdict = "" if r.met is None else ("met" if r.met else "MISSED")
        print(f"{r.what:<{width}}  {r.value:>{values}}  {r.target:>12}  {verdict}")
    if json_path:
        json_path.write_text(json.dumps([r.__dict__ for r in rows], indent=2), "utf-8")


if __name__ == "__main__":
    main()
