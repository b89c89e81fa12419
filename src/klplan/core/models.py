"""Validated input models (pydantic, frozen, no unknown keys) for modules, cadences,
school calendars and meeting slots. Loaders build them from YAML; the scheduler only
ever sees these."""

from __future__ import annotations

import re
from datetime import date, timedelta
from datetime import time as Time
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

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
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=80)]
SCHOOL_YEAR_RE = re.compile(r"^(\d{4})/(\d{2}|\d{4})$")


def invalid(key: str, **params: object) -> PydanticCustomError:
    """A validation error whose type is a message key, so the loaders can say it in
    the user's language (klplan.loaders.validate); its own text is the English one."""
    from klplan.messages import MESSAGES

    return PydanticCustomError(key, MESSAGES[key]["en"], params)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MomentSpec(Frozen):
    kind: MomentKind
    # (min, max) minutes; None where the moment is part of ordinary teaching (C).
    minutes: tuple[int, int] | None = None

    @field_validator("minutes")
    @classmethod
    def _ordered(cls, v: tuple[int, int] | None) -> tuple[int, int] | None:
        if v is not None and not 0 < v[0] <= v[1] <= 24 * 60:
            raise invalid("model.minutes_order")
        return v


class Module(Frozen):
    """A Lärportalen module (or a school's own) on the A–D model."""

    id: Id
    title: str = Field(min_length=1, max_length=200)
    area: str = Field(min_length=1, max_length=200)
    school_forms: tuple[SchoolForm, ...] = Field(min_length=1)
    parts: int = Field(ge=1, le=60)
    part_titles: tuple[str, ...] | None = None
    hours: float | None = Field(default=None, gt=0, le=1000)
    moments: dict[MomentKey, MomentSpec]
    source: str = Field(min_length=1)
    verified: bool = False
    revision: str | None = None
    url: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Module:
        if self.part_titles is not None and len(self.part_titles) != self.parts:
            raise invalid("model.part_titles_count", titles=len(self.part_titles), parts=self.parts)
        missing = {"A", "B", "C", "D"} - set(self.moments)
        if missing:
            raise invalid("model.moments_missing", missing=", ".join(sorted(missing)))
        return self

    def part_title(self, part: int) -> str | None:
        return self.part_titles[part - 1] if self.part_titles else None


class Cadence(Frozen):
    """A pace, as the cycle of gaps (in open school weeks) between consecutive
    meetings B, D, B, D, ...: ``[1, 1]`` is a meeting every week, ``[2, 1]`` puts D two
    school weeks after B and the next B one week after D."""

    id: Id
    title: str
    title_en: str | None = None
    gaps: tuple[int, ...] = Field(min_length=1, max_length=12)
    description: str | None = None
    source: str | None = None

    @field_validator("gaps")
    @classmethod
    def _positive(cls, v: tuple[int, ...]) -> tuple[int, ...]:
        if any(g < 1 or g > 26 for g in v):
            raise invalid("model.gap_range")
        return v

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


class Closure(Frozen):
    """Days on which no meeting is held, from ``start`` to ``end`` inclusive."""

    kind: ClosureKind
    start: date
    end: date
    name: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Closure:
        if self.end < self.start:
            raise invalid("model.end_before_start")
        return self


class Term(Frozen):
    name: Literal["HT", "VT"]
    school_year: str
    start: date
    end: date

    @property
    def label(self) -> str:
        return f"{self.name} {self.start.year}"

    @model_validator(mode="after")
    def _ordered(self) -> Term:
        if self.end < self.start:
            raise invalid(
                "model.term_ends_before_start", term=self.name, end=self.end, start=self.start
            )
        return self


class Provenance(Frozen):
    school_year: str
    source: str
    verified_fields: tuple[str, ...] = ()
    source_url: str | None = None
    estimated: bool = False
    notes: tuple[str, ...] = ()


class Region(Frozen):
    kind: Literal["kommun", "lan", "custom"]
    code: str
    name: str


class SchoolCalendar(Frozen):
    """One region's school calendar over one or more consecutive school years."""

    region: Region
    terms: tuple[Term, ...] = Field(min_length=1)
    closures: tuple[Closure, ...] = ()
    provenance: tuple[Provenance, ...] = ()

    @model_validator(mode="after")
    def _terms_in_order(self) -> SchoolCalendar:
        for a, b in zip(self.terms, self.terms[1:], strict=False):
            if b.start <= a.end:
                raise invalid("model.terms_overlap", later=b.label, earlier=a.label)
        return self

    @property
    def school_years(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.school_year for t in self.terms))

    @property
    def estimated(self) -> bool:
        return any(p.estimated for p in self.provenance)

    def days(self) -> tuple[date, date]:
        return self.terms[0].start, self.terms[-1].end


class Slot(Frozen):
    """When a group meets: weekday (0 = Monday), local time, duration."""

    weekday: int = Field(default=2, ge=0, le=4)
    time: Time = Time(15, 0)
    duration_minutes: int = Field(default=90, ge=5, le=8 * 60)
    timezone: str = "Europe/Stockholm"

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.duration_minutes)


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
    return first
