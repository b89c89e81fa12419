"""The schema of the bundled calendar files (data/holidays/): what
``scripts/build_calendars.py`` writes. At run time bundled data is trusted and read
directly (``klplan.loaders.calendars``); ``tests/test_bundled_data.py`` validates every
bundled file against these classes and checks that the direct reading gives the same."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from klplan.core.models import STRICT_KEYS
from klplan.loaders.calendars import IndexEntry, YearFacts


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
