"""The core's input models: modules, cadences, school calendars and meeting slots.

Frozen stdlib dataclasses, so the core (and the default ``klplan schedule``) never
imports pydantic. Their constraints are ``annotated_types`` metadata and
``__post_init__`` checks, which pydantic honours when the loaders validate a user's
YAML into them (``klplan.loaders.validate``, with unknown keys refused through
``__pydantic_config__``); bundled data is built directly (``klplan.loaders.trusted``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from datetime import time as Time
from enum import StrEnum
from typing import Annotated, Any, Literal

from annotated_types import Ge, Gt, Le, MaxLen, MinLen

from klplan.core.defaults import DEFAULT_DURATION, DEFAULT_TIME, DEFAULT_WEEKDAY
from klplan.core.parse import check_year

MomentKey = Literal["A", "B", "C", "D"]
MeetingMoment = Literal["B", "D"]
MomentKind = Literal["individual", "collegial", "activity", "follow_up"]
SchoolForm = Literal[
    "förskola",
    "förskoleklass",
    "grundskola",
    "gymnasieskola",
    "anpassad grundskola",
    "anpassad gymnasieskola",
    "fritidshem",
    "skolledning",
    "vuxenutbildning",
]
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
_ID = re.compile(ID_PATTERN)
Id = Annotated[str, MinLen(1), MaxLen(80)]
Text = Annotated[str, MinLen(1), MaxLen(200)]
SCHOOL_YEAR_RE = re.compile(r"^(\d{4})/(\d{2}|\d{4})$")

# pydantic reads this from each model: a key the model does not have is an error.
STRICT_KEYS: Any = {"extra": "forbid"}


class ModelError(ValueError):
    """A broken rule of a model. ``key`` names a message in the catalogue, so the
    loaders can say it in the user's language; ``str()`` is the English text."""

    def __init__(self, key: str, *, field: str | None = None, **params: object) -> None:
        from klplan.messages import MESSAGES

        self.key = key
        self.field = field  # the key it is about, when it is one key
        self.params = params
        super().__init__(MESSAGES[key]["en"].format(**params))


def check_id(value: str, field: str = "id") -> None:
    if not _ID.match(value):
        raise ModelError(
            "pydantic.string_pattern_mismatch", field=field, got=repr(value), pattern=ID_PATTERN
        )


@dataclass(frozen=True, slots=True)
class MomentSpec:
    __pydantic_config__ = STRICT_KEYS

    kind: MomentKind
    # (min, max) minutes; None where the moment is part of ordinary teaching (C).
    minutes: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        v = self.minutes
        if v is not None and not 0 < v[0] <= v[1] <= 24 * 60:
            raise ModelError("model.minutes_order", field="minutes")


@dataclass(frozen=True, slots=True)
class Module:
    """A Lärportalen module (or a school's own) on the A–D model."""

    __pydantic_config__ = STRICT_KEYS

    id: Id
    title: Text
    area: Text
    school_forms: Annotated[tuple[SchoolForm, ...], MinLen(1)]
    parts: Annotated[int, Ge(1), Le(60)]
    moments: dict[MomentKey, MomentSpec]
    source: Annotated[str, MinLen(1)]
    part_titles: tuple[str, ...] | None = None
    hours: Annotated[float, Gt(0), Le(1000)] | None = None
    verified: bool = False
    revision: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        if self.part_titles is not None and len(self.part_titles) != self.parts:
            raise ModelError(
                "model.part_titles_count",
                field="part_titles",
                titles=len(self.part_titles),
                parts=self.parts,
            )
        missing = {"A", "B", "C", "D"} - set(self.moments)
        if missing:
            raise ModelError(
                "model.moments_missing", field="moments", missing=", ".join(sorted(missing))
            )

    def part_title(self, part: int) -> str | None:
        return self.part_titles[part - 1] if self.part_titles else None


@dataclass(frozen=True, slots=True)
class Cadence:
    """A pace, as the cycle of gaps (in open school weeks) between consecutive
    meetings B, D, B, D, ...: ``[1, 1]`` is a meeting every week, ``[2, 1]`` puts D two
    school weeks after B and the next B one week after D."""

    __pydantic_config__ = STRICT_KEYS

    id: Id
    title: str
    gaps: Annotated[tuple[int, ...], MinLen(1), MaxLen(12)]
    title_en: str | None = None
    description: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        if any(g < 1 or g > 26 for g in self.gaps):
            raise ModelError("model.gap_range", field="gaps")

    def gap(self, transition: int) -> int:
        """Open school weeks between meeting ``transition`` and the next (0-based)."""
        return self.gaps[transition % len(self.gaps)]

    def weeks_needed(self, parts: int) -> int:
        """Open school weeks from the first to the last meeting, both included."""
        return 1 + sum(self.gap(i) for i in range(2 * parts - 1))


class ClosureKind(StrEnum):
    LASLOV = "laslov"
    SPORTLOV = "sportlov"
    PASKLOV = "pasklov"
    JULLOV = "jullov"
    SOMMARLOV = "sommarlov"
    RED_DAY = "red_day"
    CLOSED_DAY = "closed_day"


@dataclass(frozen=True, slots=True)
class Closure:
    """Days on which no meeting is held, from ``start`` to ``end`` inclusive."""

    kind: ClosureKind
    start: date
    end: date
    name: str | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ModelError("model.end_before_start")


@dataclass(frozen=True, slots=True)
class Term:
    name: Literal["HT", "VT"]
    school_year: str
    start: date
    end: date

    @property
    def label(self) -> str:
        return f"{self.name} {self.start.year}"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ModelError(
                "model.term_ends_before_start", term=self.name, end=self.end, start=self.start
            )


@dataclass(frozen=True, slots=True)
class Provenance:
    school_year: str
    source: str
    verified_fields: tuple[str, ...] = ()
    source_url: str | None = None
    estimated: bool = False
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Region:
    kind: Literal["kommun", "lan", "custom"]
    code: str
    name: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "code": self.code, "name": self.name}


@dataclass(frozen=True, slots=True)
class SchoolCalendar:
    """One region's school calendar over one or more consecutive school years."""

    region: Region
    terms: tuple[Term, ...]
    closures: tuple[Closure, ...] = ()
    provenance: tuple[Provenance, ...] = ()

    def __post_init__(self) -> None:
        if not self.terms:
            raise ModelError("model.no_terms")
        for a, b in zip(self.terms, self.terms[1:], strict=False):
            if b.start <= a.end:
                raise ModelError("model.terms_overlap", later=b.label, earlier=a.label)

    @property
    def school_years(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.school_year for t in self.terms))

    @property
    def estimated(self) -> bool:
        return any(p.estimated for p in self.provenance)

    def days(self) -> tuple[date, date]:
        return self.terms[0].start, self.terms[-1].end


@dataclass(frozen=True, slots=True)
class Slot:
    """When a group meets: weekday (0 = Monday), local time, duration. B (kollegialt
    arbete) takes ``duration_minutes``; D (gemensam uppföljning) takes
    ``follow_up_minutes`` where it is given, else the same."""

    weekday: Annotated[int, Ge(0), Le(4)] = DEFAULT_WEEKDAY
    time: Time = DEFAULT_TIME
    duration_minutes: Annotated[int, Ge(5), Le(8 * 60)] = DEFAULT_DURATION
    timezone: str = "Europe/Stockholm"
    follow_up_minutes: Annotated[int, Ge(5), Le(8 * 60)] | None = None
    # Booked individual preparation (A): this many minutes directly before B, that day.
    preparation_minutes: Annotated[int, Ge(5), Le(8 * 60)] | None = None
    _duration: timedelta = field(init=False, repr=False, compare=False)
    _follow_up: timedelta = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        d, a = self.follow_up_minutes, self.preparation_minutes
        if (
            not 0 <= self.weekday <= 4
            or not 5 <= self.duration_minutes <= 8 * 60
            or (d is not None and not 5 <= d <= 8 * 60)
            or (a is not None and not 5 <= a <= self.time.hour * 60 + self.time.minute)
        ):
            raise ModelError("model.slot_range")
        # Cached: the scheduler asks for them once per meeting.
        object.__setattr__(self, "_duration", timedelta(minutes=self.duration_minutes))
        object.__setattr__(self, "_follow_up", timedelta(minutes=self.minutes("D")))

    @property
    def duration(self) -> timedelta:
        """B's length (and D's, unless it has its own)."""
        return self._duration

    @property
    def follow_up(self) -> timedelta:
        """D's length."""
        return self._follow_up

    def minutes(self, moment: str) -> int:
        """The booked length of meeting ``moment`` (B or D), in minutes."""
        if moment == "D" and self.follow_up_minutes is not None:
            return self.follow_up_minutes
        return self.duration_minutes

    @property
    def preparation(self) -> timedelta | None:
        """A's booked length, where A is booked (directly before B)."""
        a = self.preparation_minutes
        return None if a is None else timedelta(minutes=a)

    @property
    def longest(self) -> timedelta:
        """The longer of B and D: what a meeting of this slot may take."""
        return max(self._duration, self._follow_up)


def school_year_label(first_year: int) -> str:
    """``2025`` -> ``"2025/26"``."""
    return f"{first_year}/{(first_year + 1) % 100:02d}"


def parse_school_year(text: str) -> int:
    """``"2025/26"`` or ``"2025/2026"`` -> 2025; ValueError otherwise."""
    m = SCHOOL_YEAR_RE.match(text.strip())
    if not m:
        raise ValueError(f"not a school year: {text!r} (expected e.g. 2025/26)")
    first = int(m.group(1))
    second = m.group(2)
    expected = str(first + 1) if len(second) == 4 else f"{(first + 1) % 100:02d}"
    if second != expected:
        raise ValueError(f"not a school year: {text!r} (the second year must follow the first)")
    check_year(first + 1)
    check_year(first)
    return first
