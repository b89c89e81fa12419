"""Date, date-time, UTC and duration values, and the one time zone events are
written in (its VTIMEZONE as yearly rules: Outlook mishandles VTIMEZONEs written as
lists of dates)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from klplan.ical.text import TEXT_CACHE

TZID = "Europe/Stockholm"
ZONE = ZoneInfo(TZID)

# The zone's rules since 1996 (EU summer time), as yearly transitions.
VTIMEZONE_LINES = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "TZNAME:CET",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "TZNAME:CEST",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
)


def date_value(d: date) -> str:
    """``20251027``."""
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


_DATE_TIME_SEPARATORS = str.maketrans("", "", "-:")


def datetime_value(d: datetime) -> str:
    """``20251001T150000``: the wall time of ``d`` (its own zone's), whole seconds.
    ``isoformat`` starts with ``YYYY-MM-DDTHH:MM:SS`` for every datetime (fractions and
    offset follow), so this is those 19 characters without their separators: done in
    C, as nearly every event time of a large calendar is a new one."""
    return d.isoformat()[:19].translate(_DATE_TIME_SEPARATORS)


def utc_stamp(moment: datetime) -> str:
    """``20250701T000000Z``: a DTSTAMP value."""
    return datetime_value(moment.astimezone(UTC)) + "Z"


def time_value(name: str, value: date) -> str:
    """``DTSTART;TZID=Europe/Stockholm:20251001T150000`` or ``...;VALUE=DATE:20251027``."""
    if isinstance(value, datetime):
        local = value.astimezone(ZONE) if value.tzinfo else value
        return f"{name};TZID={TZID}:{datetime_value(local)}"
    return f"{name};VALUE=DATE:{date_value(value)}"


@lru_cache(maxsize=TEXT_CACHE)
def local_key(value: date) -> str:
    """How a start or end compares across files: wall time in ``ZONE``, or the date.
    Cached (a regeneration compares every event): values that compare equal have the
    same key (the same instant in any zone or fold has one wall time there; a date
    never equals a datetime)."""
    return time_value("", value).partition(":")[2]


def local_day(value: date) -> date:
    """The day of a start or end in ``ZONE``."""
    return value.astimezone(ZONE).date() if isinstance(value, datetime) else value


_DURATION = re.compile(
    r"^P(?:\d{1,6}W|(?=\d|T\d)(?:\d{1,6}D)?(?:T(?=\d)(?:\d{1,6}H)?(?:\d{1,6}M)?(?:\d{1,6}S)?)?)$"
)


def parse_duration(text: str) -> str:
    """A positive, well-formed RFC 5545 duration (``PT12H``, ``P1D``, ``P1W``),
    upper-cased, else ValueError."""
    value = str(text).strip().upper()
    if not _DURATION.match(value) or not any(c in "123456789" for c in value):
        raise ValueError(text)
    return value
