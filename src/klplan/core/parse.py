"""Parsing of the small values people type: weekdays, times, weeks, school years.
Pure; raise ValueError, which the callers turn into errors naming the flag or key."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time

from klplan.core.weeks import IsoWeek

_WEEKDAYS = {
    0: ("måndag", "mandag", "mån", "man", "monday", "mon", "må"),
    1: ("tisdag", "tis", "tuesday", "tue", "tues", "ti"),
    2: ("onsdag", "ons", "wednesday", "wed", "on"),
    3: ("torsdag", "tors", "tor", "thursday", "thu", "thur", "thurs", "to"),
    4: ("fredag", "fre", "friday", "fri", "fr"),
}
_WEEKEND = (
    "lördag",
    "lordag",
    "lör",
    "saturday",
    "sat",
    "söndag",
    "sondag",
    "sön",
    "sunday",
    "sun",
)
WEEKDAY_IDS = ("monday", "tuesday", "wednesday", "thursday", "friday")
# Full weekday names accepted in files (abbreviations are accepted too).
WEEKDAY_NAMES = tuple(sorted({n for names in _WEEKDAYS.values() for n in names if len(n) > 3}))


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form: ``Göteborg`` -> ``goteborg``."""
    text = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


_LOOKUP = {fold(name): day for day, names in _WEEKDAYS.items() for name in names}


def parse_weekday(text: str | int) -> int:
    """``onsdag``/``ons``/``Wednesday``/``wed``/``3`` -> 2 (Monday is 0); weekdays only."""
    if isinstance(text, int) or str(text).strip().isdigit():
        n = int(text)
        if 1 <= n <= 5:
            return n - 1
        raise ValueError(str(text))
    key = fold(str(text)).rstrip(".")
    if key in _LOOKUP:
        return _LOOKUP[key]
    raise ValueError(str(text))


_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def parse_time(text: str) -> time:
    """``15:00``, ``9:30`` or Swedish ``15.00``."""
    m = _TIME.match(str(text))
    if not m:
        raise ValueError(str(text))
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour > 23 or minute > 59:
        raise ValueError(str(text))
    return time(hour, minute)


# The years klplan plans for. A date, week or school year outside them is a typo
# (9999-12-31, 0001-01-01) and an error: far dates overflowed the date type, and
# a closed range over centuries was stepped through day by day.
FIRST_YEAR = 2000
LAST_YEAR = 2100


class OutOfRange(ValueError):
    """A well-formed date, week or school year outside FIRST_YEAR..LAST_YEAR."""


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutOfRange(year)
    return year


def parse_date(text: str) -> date:
    """``2025-09-17`` within the years klplan plans for."""
    day = date.fromisoformat(str(text).strip())
    check_year(day.year)
    return day


def parse_week(text: str) -> IsoWeek:
    week = IsoWeek.parse(str(text))
    check_year(week.year)
    return week


_EMAIL = re.compile(r"^[^\s@:;,<>\"'\\()\[\]]+@[^\s@:;,<>\"'\\()\[\]]+\.[^\s@:;,<>\"'\\()\[\].]+$")


def parse_email(text: str) -> str:
    """An e-mail address that can stand in a calendar's ``mailto:`` (ATTENDEE,
    ORGANIZER): ``local@domain.tld``, no spaces, quotes, brackets or separators;
    ValueError otherwise."""
    value = str(text).strip()
    if not _EMAIL.match(value) or not value.isprintable() or len(value) > 254:
        raise ValueError(value)
    return value


_URL_FORBIDDEN = re.compile(r"[\s\"<>\\^`{|}\x00-\x1f\x7f]")


def parse_url(text: str) -> str:
    """An ``http``/``https`` address with a host and no spaces, quotes or control
    characters (it goes into calendar files verbatim); ValueError otherwise."""
    from urllib.parse import urlsplit

    value = str(text).strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        raise ValueError(value) from None
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or _URL_FORBIDDEN.search(value)
        or len(value) > 2000
    ):
        raise ValueError(value)
    return value


_HOST_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def parse_uid_domain(text: str) -> str:
    """The right-hand side of calendar UIDs (``uid_domain``, ``KLPLAN_UID_DOMAIN``): a
    host name such as ``skola.example.se``, lower-cased; ValueError otherwise. Labels
    of ASCII letters, digits and inner hyphens (at most 63 characters), separated by
    single dots, at most 253 characters in all."""
    value = str(text).strip().lower()
    labels = value.split(".")
    if not value or len(value) > 253 or not all(_HOST_LABEL.fullmatch(x) for x in labels):
        raise ValueError(value)
    return value
