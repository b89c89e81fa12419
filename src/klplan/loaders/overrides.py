"""The user's own calendar: a ``--calendar FILE`` or a plan's ``calendar:`` with
school years and closed days (studiedagar) that replace or add to the bundled data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from annotated_types import MaxLen, MinLen

from klplan.core.errors import InputError
from klplan.core.models import STRICT_KEYS
from klplan.loaders.calendar_types import YearFacts, check_dates
from klplan.loaders.validate import validate
from klplan.loaders.yamlio import YamlDoc
from klplan.messages import t


@dataclass(frozen=True, slots=True)
class ClosedDay:
    """A school's own closed day or days (studiedag, lovdag): ``date`` or ``start``-``end``."""

    __pydantic_config__ = STRICT_KEYS

    date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    reason: Annotated[str, MinLen(1), MaxLen(100)] = "studiedag"

    def span(self) -> tuple[dt.date, dt.date]:
        first = self.date or self.start
        last = self.date or self.end or self.start
        if first is None or last is None or (self.date and (self.start or self.end)):
            raise ValueError(t("model.closed_day_span"))
        check_dates(first, last)
        if last < first:
            raise ValueError(t("input.closed_reversed", start=first, end=last))
        return first, last


@dataclass(frozen=True, slots=True)
class CalendarOverrides:
    """The user's own calendar file (``--calendar FILE``, or a plan's ``calendar:``)."""

    __pydantic_config__ = STRICT_KEYS

    school_years: tuple[YearFacts, ...] = ()
    closed_days: tuple[ClosedDay, ...] = ()
    source: str | None = None


def load_overrides(path: Path) -> CalendarOverrides:
    from klplan.loaders.catalog import read_mapping

    doc = read_mapping(path)
    return validated_overrides(doc, doc.data, ())


def validated_overrides(doc: YamlDoc, data: Any, path: tuple[str | int, ...]) -> CalendarOverrides:
    o = validate(CalendarOverrides, doc, data, path)
    for i, cd in enumerate(o.closed_days):
        try:
            cd.span()
        except ValueError as e:
            raise InputError(
                "schema.invalid", where=doc.where((*path, "closed_days", i)), problem=str(e)
            ) from None
    return o
