"""Turn flag values into typed values, with errors that name the flag."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, time
from typing import TypeVar

from klplan.core.errors import UsageError, Where
from klplan.core.models import parse_school_year
from klplan.core.parse import parse_time, parse_week, parse_weekday
from klplan.core.weeks import IsoWeek

T = TypeVar("T")


def _parse(parser: Callable[[str], T], value: str | None, flag: str, message: str) -> T | None:
    if value is None:
        return None
    try:
        return parser(value)
    except ValueError:
        raise UsageError(message, where=Where(flag=flag), value=value) from None


def week(value: str | None, flag: str) -> IsoWeek | None:
    return _parse(parse_week, value, flag, "usage.bad_week")


def school_year(value: str | None, flag: str = "--school-year") -> int | None:
    return _parse(parse_school_year, value, flag, "usage.bad_school_year")


def weekday(value: str | None, flag: str = "--weekday") -> int | None:
    return _parse(parse_weekday, value, flag, "usage.bad_weekday")


def clock(value: str | None, flag: str = "--time") -> time | None:
    return _parse(parse_time, value, flag, "usage.bad_time")


def duration(value: int | None, flag: str = "--duration") -> int | None:
    if value is not None and not 5 <= value <= 480:
        raise UsageError("usage.bad_duration", where=Where(flag=flag), value=value)
    return value


def today() -> date:
    """Today, or ``KLPLAN_TODAY`` (YYYY-MM-DD) for reproducible runs and tests."""
    fixed = os.environ.get("KLPLAN_TODAY")
    return _parse(date.fromisoformat, fixed, "KLPLAN_TODAY", "usage.bad_date") or date.today()
