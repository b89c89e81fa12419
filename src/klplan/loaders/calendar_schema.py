"""The schema of the bundled calendar files (data/holidays/): what
``scripts/build_calendars.py`` writes. At run time bundled data is trusted: a
municipality's file and the red days are read directly (``klplan.loaders.calendars``),
a county's file is built without validation (``klplan.loaders.lan``), and
``tests/test_bundled_data.py`` validates every bundled file against these classes and
checks that the run-time reading gives the same."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from klplan.core.models import STRICT_KEYS
from klplan.loaders.calendars import IndexEntry, Span, Week, YearFacts


@dataclass(frozen=True, slots=True)
class KommunRef:
    __pydantic_config__ = STRICT_KEYS

    code: str
    name: str
    lan: str


@dataclass(frozen=True, slots=True)
class KommunFile:
    __pydantic_config__ = STRICT_KEYS

    kommun: KommunRef
    source: str
    school_years: tuple[YearFacts, ...]


@dataclass(frozen=True, slots=True)
class Index:
    __pydantic_config__ = STRICT_KEYS

    source: str
    lan: tuple[IndexEntry, ...]
    kommuner: tuple[IndexEntry, ...]


@dataclass(frozen=True, slots=True)
class RedDay:
    __pydantic_config__ = STRICT_KEYS

    date: dt.date
    name: str


@dataclass(frozen=True, slots=True)
class RedDayFile:
    __pydantic_config__ = STRICT_KEYS

    source: str
    year: int
    days: tuple[RedDay, ...]


@dataclass(frozen=True, slots=True)
class LanYear:
    __pydantic_config__ = STRICT_KEYS

    school_year: str
    kommuner: tuple[str, ...] = ()
    ht: Span | None = None
    vt: Span | None = None
    laslov_weeks: tuple[Week, ...] = ()
    sportlov_weeks: tuple[Week, ...] = ()
    pasklov_weeks: tuple[Week, ...] = ()
    mixed_sportlov: dict[int, tuple[str, ...]] | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LanRef:
    __pydantic_config__ = STRICT_KEYS

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class LanFile:
    __pydantic_config__ = STRICT_KEYS

    lan: LanRef
    source: str
    school_years: tuple[LanYear, ...]
    kommuner: tuple[str, ...] = ()
