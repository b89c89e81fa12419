"""Synthetic plans, deterministic, with several leaders, modules, cadences and slots.

``plan_yaml``: a municipality's plan whose groups cycle through 60 combinations of
module, cadence, start week and slot, so most groups meet exactly as another does.

``national_plan_yaml``: groups whose schools each chose their own module, cadence,
start week, weekday, time and length, as across a country: nearly every group has a
schedule of its own (all of them at 100 groups, about eight in ten at 20,000). It shows
what a large plan costs when its groups rarely share work.

``shared_plan_yaml``: the control. Every group takes the same module at the same pace
from the same week on the same weekday; a leader's groups meet at four times of the
day, so the plan has four combinations at every size from four groups up. Its groups
share as much at 100 groups as at 20,000, so its time per group shows how the work of
a run grows with its groups when sharing is held equal.

    python benchmarks/synthetic.py N [OUT.yaml] [--national | --shared]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

MODULES = [
    "samtal-om-text",
    "lasstrategier",
    "skrivundervisning",
    "lasa-och-beratta",
    "leda-digitalisering",
    "fritidshemmets-uppdrag",
]
CADENCES = ["intensiv", "treveckors"]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag"]
TIMES = ["08:00", "10:00", "13:00", "15:00"]


def plan_yaml(groups: int, groups_per_leader: int = 4, block: bool = False) -> str:
    """A plan whose leaders each lead ``groups_per_leader`` groups in distinct slots;
    ``block``: groups in block style, one key per line (as people write them)."""
    lines = _head("{id: synthetic, name: Synthetic plan}", groups, groups_per_leader)
    for g in range(groups):
        leader, k = divmod(g, groups_per_leader)
        slot = f"{{weekday: {WEEKDAYS[g % 5]}, time: '{TIMES[k % 4]}'}}"
        lines += _group(
            g,
            leader,
            4 + g % 5,
            MODULES[g % len(MODULES)],
            CADENCES[g % 2],
            f"2025-W{35 + g % 3}",
            slot,
            block,
        )
    return "\n".join(lines) + "\n"


def _head(plan: str, groups: int, groups_per_leader: int) -> list[str]:
    """A plan's lines before its groups, ending with ``groups:``."""
    lines = [
        "schema: 1",
        f"plan: {plan}",
        "municipality: {name: Synthetic kommun}",
        "kommun: Stockholm",
        "school_years: [2025/26]",
        "defaults: {cadence: intensiv, slot: {weekday: onsdag, time: '15:00', duration: 90}}",
        "leaders:",
    ]
    leaders = (groups + groups_per_leader - 1) // groups_per_leader
    lines += [f"  - {{id: l{i}, name: Ledare {i}}}" for i in range(leaders)]
    lines.append("groups:")
    return lines


def _group(
    g: int,
    leader: int,
    participants: int,
    module: str,
    cadence: str,
    start: str,
    slot: str,
    block: bool = False,
) -> list[str]:
    """Group ``g``'s lines (led by ``l<leader>``, starting in week ``start``, meeting in
    the flow mapping ``slot``): one flow mapping, or block style, one key per line."""
    fields = {
        "id": f"g{g}",
        "participants": participants,
        "leader": f"l{leader}",
        "module": module,
        "cadence": cadence,
        "start": start,
        "slot": slot,
    }
    if block:
        return [
            ("  - " if i == 0 else "    ") + f"{k}: {v}" for i, (k, v) in enumerate(fields.items())
        ]
    return ["  - {" + ", ".join(f"{k}: {v}" for k, v in fields.items()) + "}"]


# Modules of the bundled catalogue with their number of parts: 4, 6 and 8 parts, for
# förskola, grundskola, gymnasieskola, fritidshem and school leaders.
NATIONAL_MODULES = {
    "samtal-om-text": 8,
    "lasstrategier": 8,
    "skrivundervisning": 8,
    "tidig-lasundervisning": 8,
    "algebra": 8,
    "problemlosning-ak-4-6": 8,
    "programmering-i-teknik": 8,
    "fritidshemmets-uppdrag": 8,
    "lasa-och-beratta": 4,
    "matematik-och-sprakutveckling": 4,
    "tillganglig-forskola": 4,
    "leda-digitalisering": 6,
}


def national_plan_yaml(groups: int, groups_per_leader: int = 4) -> str:
    """A plan of ``groups`` groups that rarely meet alike. Each group draws its module,
    cadence (every other week only for modules of four parts, which fit in a year),
    start week (weeks 34 to 39), weekday, start time and length from a seeded stream,
    so the first N groups are the same for every larger N. A leader's groups meet in
    separate blocks of the day, so a leader is never booked twice."""
    rng = random.Random(2025)
    lines = _head("{id: national, name: Synthetic national plan}", groups, groups_per_leader)
    modules = list(NATIONAL_MODULES)
    for g in range(groups):
        leader, k = divmod(g, groups_per_leader)
        module = rng.choice(modules)
        cadences = CADENCES + (["varannan-vecka"] if NATIONAL_MODULES[module] == 4 else [])
        # Blocks 2.5 hours apart from 07:30; a meeting starts up to an hour into its
        # leader's block and lasts at most 90 minutes, so it ends before the next block.
        minutes = 7 * 60 + 30 + 150 * (k % 4) + 15 * rng.randrange(5)
        slot = (
            f"{{weekday: {rng.choice(WEEKDAYS)}, time: '{minutes // 60:02d}:{minutes % 60:02d}', "
            f"duration: {rng.choice([60, 75, 90])}}}"
        )
        # Drawn in this order, so that the plans stay as they were.
        participants = 4 + rng.randrange(5)
        cadence = rng.choice(cadences)
        start = f"2025-W{rng.randrange(34, 40)}"
        lines += _group(g, leader, participants, module, cadence, start, slot)
    return "\n".join(lines) + "\n"


def shared_plan_yaml(groups: int, groups_per_leader: int = 4) -> str:
    """A plan of ``groups`` groups in four combinations: the same module, cadence,
    start week and weekday for all, the leader's k-th group at the k-th of four
    times (so no leader is booked twice)."""
    lines = _head("{id: shared, name: Synthetic shared plan}", groups, groups_per_leader)
    for g in range(groups):
        leader, k = divmod(g, groups_per_leader)
        slot = f"{{weekday: {WEEKDAYS[2]}, time: '{TIMES[k % 4]}'}}"
        lines += _group(g, leader, 4 + g % 5, MODULES[0], CADENCES[0], "2025-W35", slot)
    return "\n".join(lines) + "\n"


KINDS = {"--national": national_plan_yaml, "--shared": shared_plan_yaml}

if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a not in KINDS]
    make = next((KINDS[a] for a in sys.argv[1:] if a in KINDS), plan_yaml)
    n = int(args[0]) if args else 100
    out = Path(args[1]) if len(args) > 1 else Path(f"plan-{n}.yaml")
    out.write_text(make(n), "utf-8")
    print(out)
