"""The values a school calendar is made of, shared by the bundled files
(``klplan.loaders.calendar_schema``), the user's own calendar file
(``klplan.loaders.overrides``), counties (``klplan.loaders.lan``) and the calendar
loader (``klplan.loaders.calendars``). Imports nothing from those, so that none of
them imports another in a circle."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from klplan.core.models import STRICT_KEYS, parse_school_year
from klplan.core.parse import FIRST_YEAR, LAST_YEAR
from klplan.core.weeks import IsoWeek
from klplan.messages import t

Week = int  # an ISO week number within the term's year

# The fields of a school year that can be checked against a municipality's page, in
# the order they are listed: the bundled files' ``verified_fields`` use these names.
FACT_FIELDS = (
    "ht_start",
    "ht_end",
    "vt_start",
    "vt_end",
    "laslov_weeks",
    "sportlov_weeks",
    "pasklov_weeks",
)


@dataclass(frozen=True, slots=True)
class Span:
    __pydantic_config__ = STRICT_KEYS

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        check_dates(self.start, self.end)


def check_dates(*days: date) -> None:
    """ValueError, in the user's language, for a date outside the years klplan plans
    for (core.parse.FIRST_YEAR..LAST_YEAR)."""
    for day in days:
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ValueError(
                t("input.date_out_of_range", day=day, first=FIRST_YEAR, last=LAST_YEAR)
            )


@dataclass(frozen=True, slots=True)
class YearFacts:
    """One region's school year as published: terms and lov weeks."""

    __pydantic_config__ = STRICT_KEYS

    school_year: str
    ht: Span
    vt: Span
    laslov_weeks: tuple[Week, ...] = ()
    sportlov_weeks: tuple[Week, ...] = ()
    pasklov_weeks: tuple[Week, ...] = ()
    verified_fields: tuple[str, ...] = ()
    source_url: str | None = None
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        first = parse_school_year(self.school_year)
        if not (self.ht.start.year == first and self.vt.end.year == first + 1):
            raise ValueError(
                f"{self.school_year}: ht must start in {first} and vt end in {first + 1}"
            )
        if self.vt.start <= self.ht.end:
            raise ValueError(f"vt starts ({self.vt.start}) before ht ends ({self.ht.end})")
        for name, year, weeks in (
            ("laslov_weeks", self.ht.start.isocalendar().year, self.laslov_weeks),
            ("sportlov_weeks", self.vt.start.isocalendar().year, self.sportlov_weeks),
            ("pasklov_weeks", self.vt.start.isocalendar().year, self.pasklov_weeks),
        ):
            for w in weeks:
                try:
                    IsoWeek(year, w)
                except ValueError:
                    raise ValueError(f"{name}: {year} has no ISO week {w}") from None


@dataclass(frozen=True, slots=True)
class IndexEntry:
    __pydantic_config__ = STRICT_KEYS

    code: str
    name: str
    file: str
    lan: str | None = None
    sportlov: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class KnownDay:
    """A single day a municipality's own page names for its schools: a ``lovdag``
    (pupils and usually teachers off) or a ``studiedag`` (teachers work, pupils off)."""

    __pydantic_config__ = STRICT_KEYS

    date: dt.date
    kind: Literal["lovdag", "studiedag"]
    school_year: str
    url: str
    evidence: str
