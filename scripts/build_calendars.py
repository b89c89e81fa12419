#!/usr/bin/env python3
"""Generate the bundled school-calendar data under data/holidays/.

Usage:
    python scripts/build_calendars.py [--facts PATH] [--out DIR]

Reads lasarstider.csv and lan.csv from the calendar-facts folder (default:
<repo>/../shared/calendar-facts), and its verification/checks.csv and days.csv (values
and single days checked on each municipality's own page, see calendar_verification.py),
and (re)writes:

    data/holidays/index.yaml
    data/holidays/README.md
    data/holidays/kommuner/<code>-<slug>.yaml   one per municipality
    data/holidays/lan/<code>-<slug>.yaml        one per county, derived from municipal rows
    data/holidays/red-days/<year>.yaml          Swedish public holidays, 2024..2040

This script is a build tool only; klplan never imports it at run time.

The YAML is written as text by hand rather than with yaml.dump so that the layout is
fixed, readable and byte-stable: same input => identical output (everything sorted, no
timestamps). tests/test_calendar_data.py checks that PyYAML parses the result.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import holidays

from calendar_verification import (
    SPORTLOV_CHECKED,
    Check,
    KnownDay,
    Value,
    VerificationError,
    read_checks,
    read_days,
)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_FACTS = REPO.parent / "shared" / "calendar-facts"
DEFAULT_OUT = REPO / "data" / "holidays"

RED_DAY_YEARS = range(2024, 2041)  # calendar years 2024..2040 inclusive

# One-line provenance, condensed from calendar-facts/README.md.
SOURCE = (
    "Municipal läsårstider for kommunala grundskolor, from a public dataset compiled from "
    "Skolporten's annual 'Grundskolans läsårstider' and municipal web pages; "
    "fristående schools may differ; unverified rows are indicative"
)

GENERATOR = "scripts/build_calendars.py"
REGENERATE = "python scripts/build_calendars.py"

# Official number of municipalities per county (290 in total since 2003). Only used to
# report coverage in the README; the data itself comes from the CSV.
OFFICIAL_KOMMUN_COUNT = {
    "01": 26, "03": 8, "04": 9, "05": 13, "06": 13, "07": 8, "08": 12, "09": 1,
    "10": 5, "12": 33, "13": 6, "14": 49, "17": 16, "18": 12, "19": 10, "20": 15,
    "21": 10, "22": 7, "23": 8, "24": 15, "25": 14,
}  # fmt: skip

TERM_FIELDS = ("ht_start", "ht_end", "vt_start", "vt_end")
# CSV column -> output key. The CSV calls it höstlov; klplan calls it läslov.
WEEK_FIELDS = (
    ("hostlov_weeks", "laslov_weeks"),
    ("sportlov_weeks", "sportlov_weeks"),
    ("pasklov_weeks", "pasklov_weeks"),
)
# The fields of a school year, in the order verified_fields lists them.
FACT_FIELDS = ("ht_start", "ht_end", "vt_start", "vt_end", *(out for _, out in WEEK_FIELDS))
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Words a YAML 1.1 loader (PyYAML) would turn into booleans/null if left unquoted.
YAML_SPECIAL_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
# A run of letters, optionally joined to further runs by single spaces or hyphens.
PLAIN_NAME_RE = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")


class FactsError(Exception):
    """The input CSVs are malformed or inconsistent."""


@dataclass(frozen=True)
class Row:
    """One municipality in one school year, parsed from lasarstider.csv."""

    school_year: str  # short form, e.g. "2025/26"
    code: str
    name: str
    lan: str
    dates: dict[str, dt.date]  # keyed by TERM_FIELDS
    weeks: dict[str, tuple[int, ...]]  # keyed by output key (laslov_weeks, ...)
    verified_url: str | None
    # Field -> the check of it on the municipality's page (verification/checks.csv, or
    # the sportlov week of a row with verified_url).
    checks: dict[str, Check] = dataclasses.field(default_factory=dict)

    def value(self, name: str) -> Value:
        return self.dates[name] if name in self.dates else self.weeks[name]

    @property
    def verified_fields(self) -> list[str]:
        return [f for f in FACT_FIELDS if f in self.checks]

    @property
    def source_url(self) -> str | None:
        """The page the year's fields were checked on (the latest check's)."""
        if not self.checks:
            return None
        latest = max(c.checked for c in self.checks.values())
        return min(c.url for c in self.checks.values() if c.checked == latest)


# --------------------------------------------------------------------------- YAML text


def dq(text: str) -> str:
    """Double-quoted YAML scalar (always safe)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def name_scalar(name: str) -> str:
    """Names stay plain if they are only letters, spaces and hyphens; otherwise quoted."""
    if PLAIN_NAME_RE.fullmatch(name) and name.lower() not in YAML_SPECIAL_WORDS:
        return name
    return dq(name)


def week_list(weeks: tuple[int, ...] | list[int]) -> str:
    return "[" + ", ".join(str(w) for w in weeks) + "]"


def plus(weeks: tuple[int, ...]) -> str:
    """(13, 14) -> '13+14', the CSV's notation (for prose)."""
    return "+".join(str(w) for w in weeks)


def code_list(codes: list[str]) -> str:
    return "[" + ", ".join(dq(c) for c in codes) + "]"


def header(*lines: str) -> str:
    return "".join(f"# {line}".rstrip() + "\n" for line in lines)


# --------------------------------------------------------------------------- parsing


def short_school_year(value: str) -> str:
    """'2025/2026' -> '2025/26'."""
    m = re.fullmatch(r"(\d{4})/(\d{4})", value)
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        raise FactsError(f"bad school_year {value!r}")
    return f"{m.group(1)}/{m.group(2)[2:]}"


def parse_weeks(value: str, where: str) -> tuple[int, ...]:
    """'13+14' -> (13, 14); '' -> (). ISO week numbers, kept sorted and unique."""
    if not value.strip():
        return ()
    try:
        weeks = sorted({int(part) for part in value.split("+")})
    except ValueError:
        raise FactsError(f"{where}: bad week list {value!r}") from None
    if any(not 1 <= w <= 53 for w in weeks):
        raise FactsError(f"{where}: week out of range in {value!r}")
    return tuple(weeks)


def parse_date(value: str, where: str) -> dt.date:
    # A missing term date would make the row useless for scheduling; fail loudly
    # rather than guess (the current facts have no empty date fields).
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FactsError(f"{where}: bad date {value!r}") from None


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_lan_names(facts: Path) -> dict[str, str]:
    """County code -> name, from lan.csv (only the names are used from that file)."""
    names: dict[str, str] = {}
    for rec in read_csv(facts / "lan.csv"):
        code, name = rec["lan_code"], rec["lan"]
        if not re.fullmatch(r"\d{2}", code):
            raise FactsError(f"lan.csv: bad lan_code {code!r}")
        if names.setdefault(code, name) != name:
            raise FactsError(f"lan.csv: county {code} has two names")
    return names


def load_rows(facts: Path, lan_names: dict[str, str]) -> list[Row]:
    rows: list[Row] = []
    seen: set[tuple[str, str]] = set()
    names: dict[str, str] = {}
    for lineno, rec in enumerate(read_csv(facts / "lasarstider.csv"), start=2):
        where = f"lasarstider.csv line {lineno}"
        sy = short_school_year(rec["school_year"])
        code, name, lan = rec["kommun_code"], rec["kommun"], rec["lan_code"]
        if not re.fullmatch(r"\d{4}", code) or code[:2] != lan:
            raise FactsError(f"{where}: kommun_code {code!r} does not fit lan_code {lan!r}")
        if lan not in lan_names:
            raise FactsError(f"{where}: county {lan} missing from lan.csv")
        if names.setdefault(code, name) != name:
            raise FactsError(f"{where}: {code} named both {names[code]!r} and {name!r}")
        if (sy, code) in seen:
            raise FactsError(f"{where}: duplicate row for {code} {sy}")
        seen.add((sy, code))
        dates = {f: parse_date(rec[f], f"{where} {f}") for f in TERM_FIELDS}
        d = [dates[f] for f in TERM_FIELDS]
        if not d[0] < d[1] < d[2] < d[3]:
            raise FactsError(f"{where}: terms out of order for {code} {sy}")
        weeks = {out: parse_weeks(rec[col], f"{where} {col}") for col, out in WEEK_FIELDS}
        url = rec["verified_url"].strip() or None
        # Per calendar-facts/README.md only the sportlov week of these rows was checked.
        checks = {} if url is None else {"sportlov_weeks": sportlov_check(code, name, sy, url)}
        rows.append(Row(sy, code, name, lan, dates, weeks, url, checks))
    return sorted(rows, key=lambda r: (r.code, r.school_year))


def sportlov_check(code: str, name: str, sy: str, url: str) -> Check:
    return Check(code, name, sy, "sportlov_weeks", (), None, "yes", url, "", SPORTLOV_CHECKED)


def apply_checks(
    rows: list[Row], checks: list[Check]
) -> tuple[list[Row], list[tuple[str, str, str, list[Check]]]]:
    """The rows with every checked value taken from the municipality's page (a new
    school year only if the page gives all its fields), and the new values left out:
    (code, name, school year, checks)."""
    by_key = {(r.code, r.school_year): r for r in rows}
    names = {r.code: (r.name, r.lan) for r in rows}
    new: dict[tuple[str, str], list[Check]] = defaultdict(list)
    for c in checks:
        if names.get(c.code, (c.name,))[0] != c.name:
            raise FactsError(f"checks.csv: {c.code} is {names[c.code][0]!r}, not {c.name!r}")
        row = by_key.get((c.code, c.school_year))
        if row is None:
            new[(c.code, c.school_year)].append(c)
            continue
        row.checks[c.field] = c  # the page's check replaces an older one of the field
        if c.field in row.dates:
            assert isinstance(c.value, dt.date)
            row.dates[c.field] = c.value
        else:
            assert isinstance(c.value, tuple)
            row.weeks[c.field] = c.value
    left_out = []
    for (code, sy), found in sorted(new.items()):
        given = {c.field: c for c in found}
        if set(given) != set(FACT_FIELDS) or code not in names:
            left_out.append((code, found[0].name, sy, sorted(found, key=lambda c: c.field)))
            continue
        name, lan = names[code]
        dates = {f: given[f].value for f in TERM_FIELDS}
        weeks = {f: given[f].value for _, f in WEEK_FIELDS}
        by_key[(code, sy)] = Row(sy, code, name, lan, dates, weeks, None, given)
    for row in by_key.values():
        d = [row.dates[f] for f in TERM_FIELDS]
        if not d[0] < d[1] < d[2] < d[3]:
            raise FactsError(f"checks.csv: terms out of order for {row.code} {row.school_year}")
    return sorted(by_key.values(), key=lambda r: (r.code, r.school_year)), left_out


def slug(name: str) -> str:
    """Lowercase ASCII file-name slug: å/ä->a, ö->o, é->e, space->-, other chars dropped."""
    s = name.lower().translate(str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", " ": "-"}))
    return re.sub(r"[^a-z0-9-]", "", s)


def weekend_notes(row: Row) -> list[str]:
    notes = []
    for field in TERM_FIELDS:
        day = row.dates[field]
        if day.weekday() >= 5:
            notes.append(
                f"{field} {day.isoformat()} is a {WEEKDAY_NAMES[day.weekday()]}; "
                "probably an artefact of the source"
            )
    return notes


# --------------------------------------------------------------------------- writers


def term_lines(indent: str, dates: dict[str, dt.date]) -> list[str]:
    return [
        f"{indent}ht: {{start: {dates['ht_start']}, end: {dates['ht_end']}}}",
        f"{indent}vt: {{start: {dates['vt_start']}, end: {dates['vt_end']}}}",
    ]


def notes_lines(indent: str, notes: list[str]) -> list[str]:
    if not notes:
        return [f"{indent}notes: []"]
    return [f"{indent}notes:"] + [f"{indent}  - {dq(n)}" for n in notes]


def value_text(value: Value) -> str:
    """As lasarstider.csv writes it: 2026-01-07, 13+14."""
    return value.isoformat() if isinstance(value, dt.date) else plus(value)


def correction_notes(row: Row) -> list[str]:
    return [
        f"{c.field} corrected from {value_text(c.was)} to {value_text(c.value)}, "
        "as the municipality's page states"
        for f in FACT_FIELDS
        if (c := row.checks.get(f)) is not None and c.was is not None
    ]


def check_line(row: Row, c: Check) -> str:
    parts = [f"school_year: {row.school_year}", f"field: {c.field}"]
    if c.was is not None:
        parts.append(f"was: {dq(value_text(c.was))}")
    parts += [f"checked: {dq(c.checked)}", f"url: {dq(c.url)}"]
    if c.evidence:
        parts.append(f"evidence: {dq(c.evidence)}")
    return "  - {" + ", ".join(parts) + "}"


def day_line(d: KnownDay) -> str:
    return (
        f"  - {{date: {d.date.isoformat()}, kind: {d.kind}, school_year: {d.school_year}, "
        f"url: {dq(d.url)}, evidence: {dq(d.evidence)}}}"
    )


def kommun_file(rows: list[Row], days: list[KnownDay]) -> str:
    first = rows[0]
    sources = ["calendar-facts/lasarstider.csv"]
    if any(r.checks for r in rows) or days:
        sources.append("verification/")
    out = [
        header(
            f"generated by {GENERATOR} from {' and '.join(sources)};",
            f"do not edit by hand, regenerate with: {REGENERATE}",
        ).rstrip("\n"),
        (
            f"kommun: {{code: {dq(first.code)}, name: {name_scalar(first.name)}, "
            f"lan: {dq(first.lan)}}}"
        ),
        f"source: {dq(SOURCE)}",
        "school_years:",
    ]
    for row in rows:
        out.append(f"  - school_year: {row.school_year}")
        out += term_lines("    ", row.dates)
        out += [f"    {key}: {week_list(row.weeks[key])}" for _, key in WEEK_FIELDS]
        # Only the fields checked on the municipality's own page (the list `verified`
        # below says where and when); every other field is indicative.
        out.append(f"    verified_fields: [{', '.join(row.verified_fields)}]")
        url = row.source_url
        out.append(f"    source_url: {dq(url) if url else 'null'}")
        out += notes_lines("    ", weekend_notes(row) + correction_notes(row))
    checks = [check_line(r, r.checks[f]) for r in rows for f in r.verified_fields]
    if checks:
        out += ["verified:", *checks]
    if days:
        out += ["known_days:", *(day_line(d) for d in days)]
    return "\n".join(out) + "\n"


LAN_DERIVATION = (
    "Derived per school year from the municipal rows of this county (NOT from the",
    "summary rows in lan.csv, which do not always match them; only the county name",
    "is taken from lan.csv). 'kommuner' under each school year lists the municipalities",
    "that have a row that year; only those are covered.",
    "If all of them share the same sportlov week(s), the year gets a conservative",
    "county calendar: ht/vt start = the LATEST start and end = the EARLIEST end among",
    "them (the span in which every municipality is in term), and laslov/sportlov/",
    "pasklov weeks = the union of their weeks, sorted; mixed_sportlov is null.",
    "If sportlov differs, ht/vt and the week lists are omitted and mixed_sportlov maps",
    "each sportlov week to the sorted codes of the municipalities off that week.",
)


def lan_file(code: str, name: str, rows: list[Row]) -> str:
    by_year: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_year[row.school_year].append(row)
    all_codes = sorted({r.code for r in rows})
    out = [
        header(
            f"generated by {GENERATOR} from calendar-facts/lasarstider.csv",
            "(county name from calendar-facts/lan.csv);",
            f"do not edit by hand, regenerate with: {REGENERATE}",
            "",
            *LAN_DERIVATION,
        ).rstrip("\n"),
        f"lan: {{code: {dq(code)}, name: {name_scalar(name)}}}",
        f"source: {dq(SOURCE)}",
        f"kommuner: {code_list(all_codes)}",
        "school_years:",
    ]
    for sy in sorted(by_year):
        members = sorted(by_year[sy], key=lambda r: r.code)
        codes = [r.code for r in members]
        out.append(f"  - school_year: {sy}")
        out.append(f"    kommuner: {code_list(codes)}")
        notes = [
            f"no row for {c} {next(r.name for r in rows if r.code == c)} in {sy}; "
            "this county calendar does not cover it"
            for c in all_codes
            if c not in codes
        ]
        if not is_mixed(members):
            dates = {}
            for field in TERM_FIELDS:
                pick = max if field.endswith("_start") else min
                dates[field] = pick(r.dates[field] for r in members)
                day = dates[field]
                if day.weekday() >= 5:
                    src = ", ".join(f"{r.code} {r.name}" for r in members if r.dates[field] == day)
                    notes.append(
                        f"{field} {day.isoformat()} is a {WEEKDAY_NAMES[day.weekday()]} "
                        f"(from {src}); probably an artefact of the source"
                    )
            out += term_lines("    ", dates)
            for _, key in WEEK_FIELDS:
                union = sorted({w for r in members for w in r.weeks[key]})
                out.append(f"    {key}: {week_list(union)}")
            out.append("    mixed_sportlov: null")
        else:
            # A municipality with several sportlov weeks is listed under each of them.
            by_week: dict[int, list[str]] = defaultdict(list)
            for r in members:
                for w in r.weeks["sportlov_weeks"]:
                    by_week[w].append(r.code)
            inner = ", ".join(f"{w}: {code_list(sorted(by_week[w]))}" for w in sorted(by_week))
            out.append(f"    mixed_sportlov: {{{inner}}}")
        out += notes_lines("    ", notes)
    return "\n".join(out) + "\n"


def index_file(lan_entries: list[tuple[str, str, str]], kommun_entries: list[str]) -> str:
    out = [
        header(
            f"generated by {GENERATOR} from calendar-facts/lasarstider.csv and",
            "calendar-facts/lan.csv;",
            f"do not edit by hand, regenerate with: {REGENERATE}",
        ).rstrip("\n"),
        f"source: {dq(SOURCE)}",
        "lan:",
    ]
    out += [f"  - {{code: {dq(c)}, name: {name_scalar(n)}, file: {f}}}" for c, n, f in lan_entries]
    out.append("kommuner:")
    out += kommun_entries
    return "\n".join(out) + "\n"


def sportlov_summary(rows: list[Row]) -> str:
    # A single week is written as a bare number (the common case); several as a list.
    parts = []
    for r in rows:
        weeks = r.weeks["sportlov_weeks"]
        value = str(weeks[0]) if len(weeks) == 1 else week_list(weeks)
        parts.append(f"{r.school_year}: {value}")
    return "{" + ", ".join(parts) + "}"


def red_days_file(year: int) -> str:
    version = holidays.__version__
    # Never hand-computed: exactly what the holidays package says (default categories).
    days = holidays.country_holidays("SE", years=year, language="sv", include_sundays=False)
    out = [
        header(
            f"generated by {GENERATOR} from the holidays package {version} "
            "(SE, language sv, include_sundays=False)",
            f"do not edit by hand, regenerate with: {REGENERATE}",
        ).rstrip("\n"),
        "source: "
        + dq(
            f"python-holidays {version}: holidays.country_holidays('SE', language='sv', "
            "include_sundays=False)"
        ),
        f"year: {year}",
        "days:",
    ]
    out += [
        f"  - {{date: {day.isoformat()}, name: {name_scalar(days[day])}}}" for day in sorted(days)
    ]
    return "\n".join(out) + "\n"


def is_mixed(members: list[Row]) -> bool:
    """True if the municipalities differ in sportlov week(s)."""
    return len({r.weeks["sportlov_weeks"] for r in members}) > 1


def is_added(row: Row) -> bool:
    """A school year that only the municipality's page gives (verification/)."""
    return bool(row.checks) and all(c.agrees == "new" for c in row.checks.values())


def verification_section(
    rows: list[Row],
    checks: list[Check],
    left_out: list[tuple[str, str, str, list[Check]]],
    days: list[KnownDay],
) -> list[str]:
    september = [r for r in rows if r.verified_url]
    agree = Counter(c.agrees for c in checks)
    unused = sum(len(found) for *_, found in left_out)
    corrected = [(r, c) for r in rows for f in r.verified_fields if (c := r.checks[f]).was]
    added = [r for r in rows if is_added(r)]
    kinds = Counter(d.kind for d in days)
    lines = [
        "### What is verified",
        "",
        "Fields are verified one by one. In each municipality's file, `verified_fields` of a",
        "school year lists the fields read on the municipality's own page, `source_url` is",
        "that page, and the list `verified` gives per field the page (`url`), when it was",
        "checked (`checked`), the page's words (`evidence`, where recorded) and, for a",
        "corrected value, the old one as lasarstider.csv gave it (`was`). Every other field",
        "is indicative: the",
        "Skolporten table is a PDF whose text extraction is known to shift rows, and two",
        "March 2026 versions of it gave different sportlov weeks for 26 municipalities.",
        "Check the municipality's own page before relying on an unverified field.",
        "",
        f"- September 2026: the sportlov week of {len(september)} rows (2026/27), read on the",
        "  municipality's page; all agreed with the data.",
        f"- December 2026 (`verification/checks.csv`): {len(checks)} values of "
        f"{len({c.code for c in checks})} municipalities:",
        f"  {agree['yes']} agreed, {agree['no']} differed and are corrected to the page's value,",
        f"  {agree['new']} were new (the data had no value; {agree['new'] - unused} are used,",
        f"  {unused} are not: below).",
        "",
        "Corrected values (also in the file's `notes`):",
        "",
        *[
            f"- {r.code} {r.name} {r.school_year} `{c.field}`: {value_text(c.was)} -> "
            f'{value_text(c.value)} (page: "{c.evidence}")'
            for r, c in corrected
            if c.was is not None
        ],
        "",
        "School years added from the municipality's page (all fields given there): "
        + (", ".join(f"{r.code} {r.name} {r.school_year}" for r in added) or "none")
        + ".",
        "",
        "New values not used, because the page does not give the whole school year (a year",
        "needs both terms; klplan estimates a missing year from the nearest known one):",
        "",
        *[
            f"- {code} {name} {sy}: "
            + ", ".join(f"`{c.field}` {value_text(c.value)}" for c in found)
            for code, name, sy, found in left_out
        ],
        "",
        "Verified fields per school year:",
        "",
        *[
            f"- {r.code} {r.name} {r.school_year}: {', '.join(r.verified_fields)}"
            for r in rows
            if r.checks
        ],
        "",
        "### Known lovdagar and studiedagar",
        "",
        f"`known_days` in a municipality's file lists {len(days)} single days of "
        f"{len({d.code for d in days})} municipalities",
        f"(`verification/days.csv`): {kinds['lovdag']} `lovdag` (pupils and usually teachers "
        f"off) and {kinds['studiedag']}",
        "`studiedag` (teachers work, pupils off), each with its page and the page's words.",
        "`klplan calendar` shows them; `klplan calendar --closed-days` prints them as a",
        "`closed_days:` block for `klplan schedule --calendar FILE`. They are not used by",
        "`klplan schedule` unless given that way: studiedagar often differ between a",
        "municipality's schools.",
        "",
    ]
    return lines


def readme(
    rows: list[Row],
    lan_names: dict[str, str],
    checks: list[Check],
    left_out: list[tuple[str, str, str, list[Check]]],
    days: list[KnownDay],
) -> str:
    added = [r for r in rows if is_added(r)]
    rows = [r for r in rows if not is_added(r)]  # coverage: the lasarstider.csv rows
    years = sorted({r.school_year for r in rows})
    codes = sorted({r.code for r in rows})
    names = {r.code: r.name for r in rows}
    weekend = [(r, n) for r in rows for n in weekend_notes(r)]
    per_year = {sy: {r.code for r in rows if r.school_year == sy} for sy in years}
    partial = [
        f"{c} {names[c]}: only {', '.join(sy for sy in years if c in per_year[sy])}"
        for c in codes
        if any(c not in per_year[sy] for sy in years)
    ]
    red_years = f"{RED_DAY_YEARS[0]}..{RED_DAY_YEARS[-1]}"
    # Läslov weeks that differ from the most common one (Årjäng's week 42, at present).
    usual_laslov = Counter(r.weeks["laslov_weeks"] for r in rows).most_common(1)[0][0]
    odd_laslov: dict[tuple[str, tuple[int, ...]], list[str]] = defaultdict(list)
    for r in rows:
        if r.weeks["laslov_weeks"] != usual_laslov:
            odd_laslov[(r.code, r.weeks["laslov_weeks"])].append(r.school_year)
    mixed: dict[str, list[str]] = defaultdict(list)  # county -> school years with mixed sportlov
    for code in sorted(lan_names):
        for sy in years:
            members = [r for r in rows if r.lan == code and r.school_year == sy]
            if is_mixed(members):
                mixed[code].append(sy)

    lines = [
        (
            f"<!-- generated by {GENERATOR} from calendar-facts/lasarstider.csv, "
            "calendar-facts/lan.csv and the holidays package; do not edit by hand, "
            f"regenerate with: {REGENERATE} -->"
        ),
        "",
        "# Bundled school calendars and red days",
        "",
        "Everything in this folder is generated. To regenerate, from the repository root:",
        "",
        "```sh",
        f"{REGENERATE}            # reads ../shared/calendar-facts by default",
        f"{REGENERATE} --facts PATH --out DIR",
        "```",
        "",
        "The generator is deterministic (sorted output, no timestamps), and",
        "`tests/test_calendar_data.py` checks that the committed files match a fresh run.",
        "",
        "## Files",
        "",
        "- `index.yaml`: every county (`lan`) and municipality (`kommuner`) with its code, name,",
        "  file and, per school year, sportlov week (a bare number for one week, a list if",
        "  several).",
        "- `kommuner/<code>-<slug>.yaml`: one per municipality; for each school year it has a",
        "  row for: first/last school day of each term (`ht` autumn, `vt` spring), `laslov_weeks`",
        "  (the CSV's höstlov), `sportlov_weeks`, `pasklov_weeks` (ISO weeks), `verified_fields`",
        "  (fields checked against `source_url`), `source_url` and generated `notes` (caveats).",
        "- `lan/<code>-<slug>.yaml`: one per county, derived from its municipal rows (below).",
        f"- `red-days/<year>.yaml`: Swedish public holidays for each year {red_years}, taken from",
        "  the `holidays` package: `holidays.country_holidays('SE', years=year, language='sv',",
        "  include_sundays=False)` with its default (public) categories. Ordinary Sundays are not",
        "  listed, and neither are de-facto days off such as midsommarafton, julafton and",
        "  nyårsafton.",
        "",
        "## Sources",
        "",
        "School-year dates come from `../shared/calendar-facts` (`lasarstider.csv`, `lan.csv`).",
        "Those were taken from a public dataset of municipal school calendars, which compiles",
        "each municipality's published läsårstider as collected in Skolporten's yearly",
        '"Grundskolans läsårstider" table, plus the municipalities\' own web pages. Values are',
        "copied as given. They describe the municipality's own (kommunala) grundskolor;",
        "independent (fristående) schools set their own dates and may differ.",
        "",
        f"Coverage: {len(codes)} distinct municipalities (Sweden has 290); "
        + "; ".join(f"{sy}: {len(per_year[sy])}" for sy in years)
        + ". Per county (municipalities with rows / official number):",
        "",
        "| county | " + " | ".join(years) + " |",
        "|---|" + "---|" * len(years),
    ]
    for code in sorted(lan_names):
        official = OFFICIAL_KOMMUN_COUNT.get(code, "?")
        counts = [sum(1 for c in per_year[sy] if c[:2] == code) for sy in years]
        lines.append(
            f"| {code} {lan_names[code]} | " + " | ".join(f"{n}/{official}" for n in counts) + " |"
        )
    lines += [
        "",
        "Municipalities with rows for only some school years:",
        "",
        *[f"- {p}" for p in partial],
        "",
        *verification_section(
            sorted(rows + added, key=lambda r: (r.code, r.school_year)), checks, left_out, days
        ),
        "### Known artefacts and oddities",
        "",
        "- Dates on a weekend, probably artefacts of the source (also in each file's `notes`):",
        *[f"  - {r.code} {r.name} {r.school_year}: {n}" for r, n in weekend],
        *[
            f"- {code} {names[code]} has läslov (höstlov) in week {plus(weeks)} in "
            f"{', '.join(sys_)} (most rows: week {plus(usual_laslov)}); kept as data."
            for (code, weeks), sys_ in sorted(odd_laslov.items())
        ],
        "- `lan.csv` is a set of separate county summary rows that do not always match the",
        "  municipal rows (e.g. Västra Götaland 2026/2027 lists sportlov week 6, which no",
        "  municipality there has; Stockholm 2025/2026 has an empty påsklov). It is therefore",
        "  used only for county names; county files are derived from the municipal rows.",
        "",
        "## County files: derivation",
        "",
        "For each school year, over the municipalities of the county that have a row that",
        "year (listed under that year's `kommuner`):",
        "",
        "- If they all have the same sportlov week(s), the county gets a conservative calendar:",
        "  `ht`/`vt` start is the latest start and end the earliest end among them (so every",
        "  municipality is in term between them), and `laslov_weeks`, `sportlov_weeks`,",
        "  `pasklov_weeks` are the union of their weeks, sorted. `mixed_sportlov` is null.",
        "- Otherwise `ht`, `vt` and the week lists are left out and",
        "  `mixed_sportlov` maps each sportlov week to the sorted codes of the municipalities",
        "  off that week (a municipality with several sportlov weeks is listed under each).",
        "",
        "`notes` in county files name municipalities without a row that year and weekend dates",
        "that ended up in the derived calendar.",
        "",
        "Mixed sportlov: "
        + "; ".join(f"{c} {lan_names[c]} ({', '.join(mixed[c])})" for c in sorted(mixed))
        + ".",
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main


def build(facts: Path) -> dict[str, str]:
    """Return {relative path: file text} for everything under data/holidays/."""
    lan_names = load_lan_names(facts)
    rows = load_rows(facts, lan_names)
    current = {(r.code, r.school_year): {f: r.value(f) for f in FACT_FIELDS} for r in rows}
    checks = read_checks(facts / "verification", current)
    rows, left_out = apply_checks(rows, checks)
    days = read_days(facts / "verification", {r.code: r.name for r in rows})
    days_of: dict[str, list[KnownDay]] = defaultdict(list)
    for d in days:
        days_of[d.code].append(d)

    by_kommun: dict[str, list[Row]] = defaultdict(list)
    by_lan: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_kommun[row.code].append(row)
        by_lan[row.lan].append(row)

    files: dict[str, str] = {}
    used_paths: set[str] = set()
    kommun_entries = []
    for code in sorted(by_kommun):
        krows = by_kommun[code]
        path = f"kommuner/{code}-{slug(krows[0].name)}.yaml"
        assert path not in used_paths, path
        used_paths.add(path)
        files[path] = kommun_file(krows, days_of[code])
        kommun_entries.append(
            f"  - {{code: {dq(code)}, name: {name_scalar(krows[0].name)}, "
            f"lan: {dq(krows[0].lan)}, file: {path}, sportlov: {sportlov_summary(krows)}}}"
        )

    lan_entries = []
    for code in sorted(lan_names):
        if not by_lan.get(code):
            continue  # a county with no municipal rows gets no file
        path = f"lan/{code}-{slug(lan_names[code])}.yaml"
        files[path] = lan_file(code, lan_names[code], by_lan[code])
        lan_entries.append((code, lan_names[code], path))

    files["index.yaml"] = index_file(lan_entries, kommun_entries)
    for year in RED_DAY_YEARS:
        files[f"red-days/{year}.yaml"] = red_days_file(year)
    files["README.md"] = readme(rows, lan_names, checks, left_out, days)
    return files


def write(files: dict[str, str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    # Drop stale generated files (e.g. a renamed municipality) in the folders we own.
    for sub in ("kommuner", "lan", "red-days"):
        for old in sorted((out / sub).glob("*.yaml")):
            if f"{sub}/{old.name}" not in files:
                old.unlink()
    for rel, text in sorted(files.items()):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))  # bytes: LF on every platform


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--facts",
        type=Path,
        default=DEFAULT_FACTS,
        help=f"calendar-facts folder (default: {DEFAULT_FACTS})",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT})"
    )
    args = parser.parse_args(argv)
    try:
        files = build(args.facts)
    except (FactsError, VerificationError, FileNotFoundError, KeyError) as exc:
        print(f"build_calendars: {exc}", file=sys.stderr)
        return 1
    write(files, args.out)
    print(f"wrote {len(files)} files to {args.out}")
    print("now run: python scripts/build_snapshots.py (klplan reads data/ through them)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
