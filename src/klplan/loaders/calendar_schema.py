"""The schema of the bundled calendar files (data/holidays/): what
``scripts/build_calendars.py`` writes. At run time bundled data is trusted: a
municipality's file and the red days are read directly (``klplan.loaders.calendars``),
a county's file is built without validation (``klplan.loaders.lan``), and
``tests/test_bundled_data.py`` validates every bundled file against these classes and
checks that the run-time reading gives the same."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from annotated_types import Len

from klplan.core.models import STRICT_KEYS
from klplan.loaders.calendar_types import IndexEntry, KnownDay, Span, Week, YearFacts


@dataclass(frozen=True, slots=True)
class KommunRef:
    __pydantic_config__ = STRICT_KEYS

    code: str
    name: str
    lan: str


@dataclass(frozen=True, slots=True)
class FieldCheck:
    """One field of one school year as read on the municipality's own page: when,
    where, the page's words (where recorded) and, if the value was corrected, the old
    value as the compiled table gave it (``2026-01-07``, ``13+14``)."""

    __pydantic_config__ = STRICT_KEYS

    school_year: str
    field: str
    checked: Annotated[str, Len(7, 7)]  # YYYY-MM
    url: str
    evidence: str | None = None
    was: str | None = None


@dataclass(frozen=True, slots=True)
class KommunFile:
    __pydantic_config__ = STRICT_KEYS

    kommun: KommunRef
    source: str
    school_years: tuple[YearFacts, ...]
    verified: tuple[FieldCheck, ...] = ()
    known_days: tuple[KnownDay, ...] = ()


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
