"""Startup of `klplan --help` and the default `klplan schedule`, side by side with a
minimal Typer+Rich app, interleaved in one run so that machine noise hits all sides
alike. Reports medians and ratios."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
ENV = {**os.environ, "KLPLAN_TODAY": "2026-11-23", "COLUMNS": "80", "NO_COLOR": "1"}

COMMANDS = {
    "minimal typer+rich table": [sys.executable, str(HERE / "minimal_app.py")],
    "python -c pass": [sys.executable, "-c", "pass"],
    "klplan --help": [sys.executable, "-m", "klplan", "--help"],
    "klplan schedule": [sys.executable, "-m", "klplan", "schedule"],
}


def compile_klplan() -> None:
    """Write klplan's bytecode (``__pycache__``) before timing, as ``pip install`` does
    for an installed package. An editable install in an environment with
    PYTHONDONTWRITEBYTECODE set (as on this project's machines) would otherwise compile
    every klplan module from source on every start, while the minimal app's libraries
    were compiled when pip installed them: that measures the environment, not klplan."""
    import compileall

    import klplan

    compileall.compile_dir(Path(klplan.__file__).parent, quiet=1)


def measure(rounds: int = 15) -> dict[str, float]:
    compile_klplan()
    samples: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, cmd in COMMANDS.items():
            t0 = time.perf_counter()
            subprocess.run(
                cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
            )
            samples[name].append(time.perf_counter() - t0)
    return {name: statistics.median(s) for name, s in samples.items()}


def report(rounds: int = 15) -> list[tuple[str, float, float, bool]]:
    """[(what, seconds, ratio to the minimal app, target met)]."""
    med = measure(rounds)
    base = med["minimal typer+rich table"]
    targets = {"klplan --help": 1.0, "klplan schedule": 1.2}
    rows = []
    for name, seconds in med.items():
        ratio = seconds / base
        limit = targets.get(name)
        rows.append((name, seconds, ratio, limit is None or ratio <= limit))
    return rows


if __name__ == "__main__":
    for name, seconds, ratio, ok in report(int(sys.argv[1]) if len(sys.argv) > 1 else 15):
        print(f"{name:28} {seconds * 1000:7.1f} ms  {ratio:5.2f}x  {'ok' if ok else 'MISSED'}")
