#!/usr/bin/env python3
"""Generate docs/data-sources.md: where every bundled calendar, red day, module and
cadence came from, read from the data files themselves.

Usage:
    python scripts/build_data_sources.py [--check]

A build tool only; klplan never imports it. Deterministic (sorted, no timestamps);
tests/test_docs.py checks that the committed page matches a fresh run, so a data
change that forgets the page fails the tests. ``--check`` exits 1 if the page is stale.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
PAGE = REPO / "docs" / "data-sources.md"


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def calendars() -> list[str]:
    index = _load(DATA / "holidays" / "index.yaml")
    years: Counter[str] = Counter()
    verified: list[tuple[str, str, str, str, str]] = []
    corrected: list[str] = []
    days: list[tuple[str, str, str, str]] = []
    sources: Counter[str] = Counter()
    for entry in index["kommuner"]:
        doc = _load(DATA / "holidays" / entry["file"])
        sources[doc["source"]] += 1
        who = f"{entry['code']} {entry['name']}"
        checks = {(c["school_year"], c["field"]): c for c in doc.get("verified", [])}
        for y in doc["school_years"]:
            years[y["school_year"]] += 1
            if y["verified_fields"]:
                fields = ", ".join(y["verified_fields"])
                when = ", ".join(
                    sorted({checks[(y["school_year"], f)]["checked"] for f in y["verified_fields"]})
                )
                verified.append((who, y["school_year"], fields, when, y["source_url"]))
        for c in doc.get("verified", []):
            if c.get("was"):
                corrected.append(
                    f"- {who} {c['school_year']} `{c['field']}`: was {c['was']}; "
                    f'the page says: "{_cell(c["evidence"])}" (<{c["url"]}>)'
                )
        days += [(who, str(d["date"]), d["kind"], d["url"]) for d in doc.get("known_days", [])]
    red = sorted((DATA / "holidays" / "red-days").glob("*.yaml"))
    red_sources = sorted({_load(p)["source"] for p in red})
    out = [
        "## School calendars (`data/holidays/`)",
        "",
        f"{len(index['kommuner'])} municipalities and {len(index['lan'])} counties. Rows per "
        "school year: " + ", ".join(f"{y}: {n}" for y, n in sorted(years.items())) + ".",
        "",
        "Source of every municipal calendar (terms, läslov, sportlov, påsklov):",
        "",
    ]
    out += [f"- {_cell(s)} ({n} municipalities)" for s, n in sorted(sources.items())]
    out += [
        "",
        "County calendars are derived from their municipalities' rows (latest start, "
        "earliest end, the union of lov weeks); a county whose municipalities have "
        "different sportlov weeks has none and is refused with the weeks listed.",
        "",
        f"Red days (röda dagar) {red[0].stem}–{red[-1].stem}: "
        + "; ".join(_cell(s) for s in red_sources)
        + ". Later years come from the same package at run time.",
        "",
        "A school year without data is **estimated** from the nearest known year (terms on "
        "the same weekdays, the same läslov and sportlov weeks, påsklov at the same distance "
        "from Easter), shown as `UPPSKATTAD`/`ESTIMATED` with a warning.",
        "",
        f"### Verified fields ({len(verified)} school years)",
        "",
        "Only these fields were checked against the municipality's own page (when: the "
        "month of the check); every other field is indicative. `klplan calendar` names the "
        "verified fields of the year it displays. Each municipality's file lists, per field, "
        "the page, the month and the page's words (`verified`).",
        "",
        "| municipality | school year | verified fields | checked | page |",
        "|---|---|---|---|---|",
    ]
    out += [f"| {m} | {y} | {f} | {w} | <{u}> |" for m, y, f, w, u in sorted(verified)]
    out += [
        "",
        f"### Corrected values ({len(corrected)})",
        "",
        "Values the compiled table gave differently from the municipality's own page; the "
        "page's value is used.",
        "",
        *corrected,
        "",
        f"### Known lovdagar and studiedagar ({len(days)})",
        "",
        "Single days named on the municipality's own page: `lovdag` (pupils and usually "
        "teachers off), `studiedag` (teachers work, pupils off). `klplan calendar` shows "
        "them; `klplan calendar --closed-days` prints them as a `closed_days:` block for "
        "`klplan schedule --calendar FILE`; `klplan schedule` does not use them otherwise.",
        "",
        "| municipality | date | kind | page |",
        "|---|---|---|---|",
    ]
    out += [f"| {m} | {d} | {k} | <{u}> |" for m, d, k, u in days]
    return out


def modules() -> list[str]:
    doc = _load(DATA / "modules.yaml")
    mods = sorted(doc["modules"], key=lambda m: m["id"])
    n_verified = sum(1 for m in mods if m.get("verified"))
    out = [
        "## Modules (`data/modules.yaml`)",
        "",
        f"{len(mods)} modules, {n_verified} verified (a published source states name, "
        "number of parts and school forms). The evidence and known doubts are in "
        "[data/MODULES.md](../data/MODULES.md).",
        "",
        "| id | parts | verified | source |",
        "|---|---|---|---|",
    ]
    out += [
        f"| `{m['id']}` | {m['parts']} | {'yes' if m.get('verified') else 'no'} "
        f"| {_cell(m['source'])} |"
        for m in mods
    ]
    return out


def cadences() -> list[str]:
    doc = _load(DATA / "cadences.yaml")
    out = ["## Cadences (`data/cadences.yaml`)", "", "| id | gaps | source |", "|---|---|---|"]
    out += [
        f"| `{c['id']}` | {c['gaps']} | {_cell(c.get('source') or '')} |" for c in doc["cadences"]
    ]
    return out


def page() -> str:
    lines = [
        "<!-- generated by scripts/build_data_sources.py from data/; do not edit by hand -->",
        "",
        "# Data sources",
        "",
        "Where every bundled calendar, red day, module and cadence comes from. The data "
        "are files under `data/`, each record with its source; generators live in "
        "`scripts/`. How the calendars were built is described in "
        "[data/holidays/README.md](../data/holidays/README.md), the modules in "
        "[data/MODULES.md](../data/MODULES.md).",
        "",
        "Calendars describe the municipality's own (kommunala) grundskolor; fristående "
        "schools set their own dates. Check the municipality's page before relying on an "
        "unverified row, and give your own dates and studiedagar with `--calendar FILE`.",
        "",
        *calendars(),
        "",
        *modules(),
        "",
        *cadences(),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is stale")
    args = parser.parse_args(argv)
    text = page()
    if args.check:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        return 0 if current == text else 1
    PAGE.write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
