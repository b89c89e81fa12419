"""Values given as text (parameters, environment variables, klplan.toml keys) as typed
values, with errors that name where each came from (a parameter: the CLI words it as
its flag)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import TypeVar

from klplan.core.errors import UsageError, Where
from klplan.core.models import parse_school_year
from klplan.core.parse import OutOfRange, parse_date, parse_time, parse_week, parse_weekday
from klplan.core.weeks import IsoWeek

T = TypeVar("T")


Place = str | Where  # where a value came from: a parameter (which the CLI words as its
# flag), an environment variable, or a klplan.toml key (klplan.cli.settings)


# A value given for a parameter of that name (the CLI words it as its flag).
SCHOOL_YEAR = Where(param="school_year")
WEEKDAY = Where(param="weekday")
TIME = Where(param="time")
DURATION = Where(param="duration")
VIDEO_URL = Where(param="video_url")
REFRESH = Where(param="refresh")


def where_of(flag: Place) -> Where:
    """``flag`` as a ``Where``: a string names a flag or a variable."""
    return flag if isinstance(flag, Where) else Where(flag=flag)


def _parse(parser: Callable[[str], T], value: str | None, flag: Place, message: str) -> T | None:
    if value is None:
        return None
    try:
        return parser(value)
    except OutOfRange:
        hint = out_of_range()
        raise UsageError(message, where=where_of(flag), value=value, hint=hint) from None
    except ValueError:
        raise UsageError(message, where=where_of(flag), value=value) from None


def out_of_range() -> str:
    """What a date, week or school year outside the years klplan plans for must be."""
    from klplan.core.parse import FIRST_YEAR, LAST_YEAR
    from klplan.messages import t

    return t("input.out_of_range", first=FIRST_YEAR, last=LAST_YEAR)


def week(value: str | None, flag: Place) -> IsoWeek | None:
    return _parse(parse_week, value, flag, "usage.bad_week")


def school_year(value: str | None, flag: Place = SCHOOL_YEAR) -> int | None:
    return _parse(parse_school_year, value, flag, "usage.bad_school_year")


def weekday(value: str | None, flag: Place = WEEKDAY) -> int | None:
    return _parse(parse_weekday, value, flag, "usage.bad_weekday")


def clock(value: str | None, flag: Place = TIME) -> time | None:
    return _parse(parse_time, value, flag, "usage.bad_time")


def duration(value: int | None, flag: Place = DURATION) -> int | None:
    if value is not None and not 5 <= value <= 480:
        raise UsageError("usage.bad_duration", where=where_of(flag), value=value)
    return value


def today() -> date:
    """Today, or ``KLPLAN_TODAY`` (YYYY-MM-DD) for reproducible runs and tests."""
    fixed = os.environ.get("KLPLAN_TODAY")
    return _parse(parse_date, fixed, "KLPLAN_TODAY", "usage.bad_date") or date.today()


def fixed_today() -> date | None:
    """``KLPLAN_TODAY`` when set (``today``'s override), else None."""
    fixed = os.environ.get("KLPLAN_TODAY")
    return _parse(date.fromisoformat, fixed, "KLPLAN_TODAY", "usage.bad_date")


def uid_domain() -> str | None:
    """``KLPLAN_UID_DOMAIN``: the right-hand side of calendar UIDs, when set."""
    from klplan.core.parse import parse_uid_domain

    value = os.environ.get("KLPLAN_UID_DOMAIN", "").strip() or None
    return _parse(parse_uid_domain, value, "KLPLAN_UID_DOMAIN", "usage.bad_uid_domain")


def url(value: str | None, flag: Place = VIDEO_URL) -> str | None:
    from klplan.core.parse import parse_url

    return _parse(parse_url, value, flag, "usage.bad_url")


def refresh(value: str | None, flag: Place = REFRESH, *, default: str | None = None) -> str | None:
    """A feed's refresh interval (``PT12H``), as REFRESH-INTERVAL will carry it."""
    if value is None:
        return default
    from klplan.render.ics import parse_duration

    return _parse(parse_duration, value, flag, "ics.bad_duration")


def source_date_epoch() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` (reproducible builds): the timestamp calendar files carry
    as DTSTAMP; unset or empty means "derive it from the input"."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None

    def parse(text: str) -> datetime:
        if not text.isdigit() or int(text) > 253402300799:  # 9999-12-31T23:59:59Z
            raise ValueError(text)
        return datetime.fromtimestamp(int(text), UTC)

    return _parse(parse, value, "SOURCE_DATE_EPOCH", "usage.bad_epoch")
