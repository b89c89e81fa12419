"""Read calendar-facts/verification/ for scripts/build_calendars.py.

- ``checks.csv``: one value a municipality's own page states, compared with
  lasarstider.csv (``agrees``: yes, no, new). Every checked value is used: a value
  that agrees becomes verified, one that differs is corrected to the page's value
  (the old value is kept as ``was``), a new one is added. A new school year is added
  only if the page gives all its fields; otherwise its values are reported, not used.
- ``days.csv``: single days a municipality's page names: ``lovdag`` (pupils and
  usually teachers off) and ``studiedag`` (teachers work, pupils off).

A build tool only; klplan never imports it. Malformed or inconsistent input stops the
build with the file, line and field.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

# When the checks were made (calendar-facts/README.md): the 35 sportlov weeks in
# lasarstider.csv's verified_url column in September 2026, verification/ in December.
SPORTLOV_CHECKED = "2026-09"
CHECKED = "2026-12"

# checks.csv field -> the bundled files' name for it.
FIELDS = {
    "ht_start": "ht_start",
    "ht_end": "ht_end",
    "vt_start": "vt_start",
    "vt_end": "vt_end",
    "hostlov_weeks": "laslov_weeks",
    "sportlov_weeks": "sportlov_weeks",
    "pasklov_weeks": "pasklov_weeks",
}
DAY_KINDS = ("lovdag", "studiedag")

Value = dt.date | tuple[int, ...]


class VerificationError(Exception):
    """verification/*.csv is malformed or does not fit lasarstider.csv."""


@dataclass(frozen=True)
class Check:
    """One field of one school year, as the municipality's page states it."""

    code: str
    name: str
    school_year: str  # short form, 2025/26
    field: str  # the bundled name: ht_start ... pasklov_weeks
    value: Value  # the page's value
    was: Value | None  # lasarstider.csv's value, if it differs
    agrees: str  # yes, no, new
    url: str
    evidence: str
    checked: str = CHECKED


@dataclass(frozen=True)
class KnownDay:
    code: str
    name: str
    school_year: str
    date: dt.date
    kind: str  # lovdag or studiedag
    url: str
    evidence: str


def _read(path: Path) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise VerificationError(f"{path}: not found")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(enumerate(csv.DictReader(fh), start=2))


def short_year(value: str, where: str) -> str:
    m = re.fullmatch(r"(\d{4})/(\d{4})", value)
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        raise VerificationError(f"{where}: bad school_year {value!r}")
    return f"{m.group(1)}/{m.group(2)[2:]}"


def parse_value(field: str, text: str, where: str) -> Value:
    try:
        if field.endswith("_weeks"):
            weeks = tuple(sorted({int(w) for w in text.split("+")}))
            if not weeks or any(not 1 <= w <= 53 for w in weeks):
                raise ValueError
            return weeks
        return dt.date.fromisoformat(text)
    except ValueError:
        raise VerificationError(f"{where}: bad value {text!r}") from None


def _url(text: str, where: str) -> str:
    if not text.startswith("https://") or any(c.isspace() for c in text):
        raise VerificationError(f"{where}: bad url {text!r}")
    return text


def _evidence(text: str, where: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise VerificationError(f"{where}: evidence is empty")
    return text


def read_checks(folder: Path, current: dict[tuple[str, str], dict[str, Value]]) -> list[Check]:
    """checks.csv, each row checked against ``current`` ((code, school year) ->
    bundled field -> lasarstider.csv's value)."""
    out: list[Check] = []
    seen: set[tuple[str, str, str]] = set()
    for lineno, rec in _read(folder / "checks.csv"):
        where = f"verification/checks.csv line {lineno}"
        code, sy = rec["kommun_code"], short_year(rec["school_year"], where)
        if rec["field"] not in FIELDS:
            raise VerificationError(f"{where}: unknown field {rec['field']!r}")
        field = FIELDS[rec["field"]]
        if (code, sy, field) in seen:
            raise VerificationError(f"{where}: {code} {sy} {field} checked twice")
        seen.add((code, sy, field))
        value = parse_value(field, rec["page_value"], f"{where} page_value")
        agrees = rec["agrees"]
        old = current.get((code, sy), {}).get(field)
        if agrees == "new":
            if rec["csv_value"] or old is not None:
                raise VerificationError(f"{where}: 'new' but lasarstider.csv has a value")
        elif agrees in ("yes", "no"):
            csv_value = parse_value(field, rec["csv_value"], f"{where} csv_value")
            if old != csv_value:
                raise VerificationError(
                    f"{where}: csv_value {rec['csv_value']!r} is not lasarstider.csv's value"
                )
            if (agrees == "yes") != (csv_value == value):
                raise VerificationError(f"{where}: agrees={agrees} but the values say otherwise")
        else:
            raise VerificationError(f"{where}: agrees must be yes, no or new, not {agrees!r}")
        out.append(
            Check(
                code=code,
                name=rec["kommun"],
                school_year=sy,
                field=field,
                value=value,
                was=old if agrees == "no" else None,
                agrees=agrees,
                url=_url(rec["url"], f"{where} url"),
                evidence=_evidence(rec["evidence"], f"{where} evidence"),
            )
        )
    return out


def read_days(folder: Path, names: dict[str, str]) -> list[KnownDay]:
    """days.csv; ``names`` is lasarstider.csv's code -> municipality name."""
    out: list[KnownDay] = []
    seen: set[tuple[str, dt.date]] = set()
    for lineno, rec in _read(folder / "days.csv"):
        where = f"verification/days.csv line {lineno}"
        code, sy = rec["kommun_code"], short_year(rec["school_year"], where)
        if names.get(code) != rec["kommun"]:
            raise VerificationError(f"{where}: {code} {rec['kommun']!r} is not a municipality")
        try:
            day = dt.date.fromisoformat(rec["date"])
        except ValueError:
            raise VerificationError(f"{where}: bad date {rec['date']!r}") from None
        first = int(sy[:4])
        if not dt.date(first, 7, 1) <= day <= dt.date(first + 1, 6, 30):
            raise VerificationError(f"{where}: {day} is not in school year {sy}")
        if day.weekday() >= 5:
            raise VerificationError(f"{where}: {day} is a weekend day")
        if rec["kind"] not in DAY_KINDS:
            raise VerificationError(f"{where}: kind must be lovdag or studiedag")
        if (code, day) in seen:
            raise VerificationError(f"{where}: {code} {day} listed twice")
        seen.add((code, day))
        out.append(
            KnownDay(
                code=code,
                name=rec["kommun"],
                school_year=sy,
                date=day,
                kind=rec["kind"],
                url=_url(rec["url"], f"{where} url"),
                evidence=_evidence(rec["evidence"], f"{where} evidence"),
            )
        )
    return sorted(out, key=lambda d: (d.code, d.date))
