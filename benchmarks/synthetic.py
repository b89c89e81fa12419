"""A synthetic plan: N groups across schools with several leaders, modules, cadences
and meeting slots, as a municipality or a national body might plan. Deterministic."""

from __future__ import annotations

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
    lines = [
        "schema: 1",
        "plan: {id: synthetic, name: Synthetic plan}",
        "municipality: {name: Synthetic kommun}",
        "kommun: Stockholm",
        "school_years: [2025/26]",
        "defaults: {cadence: intensiv, slot: {weekday: onsdag, time: '15:00', duration: 90}}",
        "leaders:",
    ]
    leaders = (groups + groups_per_leader - 1) // groups_per_leader
    lines += [f"  - {{id: l{i}, name: Ledare {i}}}" for i in range(leaders)]
    lines.append("groups:")
    for g in range(groups):
        leader, k = divmod(g, groups_per_leader)
        slot = f"{{weekday: {WEEKDAYS[g % 5]}, time: '{TIMES[k % 4]}'}}"
        fields = {
            "id": f"g{g}",
            "participants": 4 + g % 5,
            "leader": f"l{leader}",
            "module": MODULES[g % len(MODULES)],
            "cadence": CADENCES[g % 2],
            "start": f"2025-W{35 + g % 3}",
            "slot": slot,
        }
        if block:
            lines += [
                ("  - " if i == 0 else "    ") + f"{k}: {v}"
                for i, (k, v) in enumerate(fields.items())
            ]
        else:
            lines.append("  - {" + ", ".join(f"{k}: {v}" for k, v in fields.items()) + "}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"plan-{n}.yaml")
    out.write_text(plan_yaml(n), "utf-8")
    print(out)
