"""iCalendar (.ics) files: a small, streaming RFC 5545 writer.

Each VCALENDAR, VTIMEZONE and VEVENT is built as text lines in a fixed property order,
TEXT values escaped (backslash, semicolon, comma, line break), every line folded at 75
octets without splitting a UTF-8 character, CRLF line ends, UTF-8 bytes without a BOM.
The output is byte for byte what icalendar's ``Calendar.to_ical()`` gives for the same
components (``tests/test_ics_writer.py`` proves it), about twenty times faster, and it
is produced event by event, so memory does not grow with the number of groups. Two
deliberate details: NAME and X-WR-CALNAME are escaped as TEXT (RFC 7986; icalendar
types them as unknown and writes them raw), and text is cleaned first (``clean_text``):
control characters dropped, ``\\N`` made a line break (as icalendar does).

Identity and reproducibility:

- UID: ``klplan-<16 hex>@<domain>``, the start of a SHA-256 of the event's stable
  identity (plan, region, group, module, part, moment, and without a plan file the
  group's weekday and time; check-ins: plan, leader, number; closed and red days:
  kind and date; lov: kind, school year, number), never of a meeting's dates, so a
  meeting that moves keeps its UID. The domain: ``uid_domain``.
- DTSTAMP: ``SOURCE_DATE_EPOCH`` when the caller passes it, otherwise
  ``derived_dtstamp`` (1 July of the plan's first school year, or the start of today
  if that is earlier: never in the future); a regeneration keeps an unchanged
  event's previous DTSTAMP (``Regeneration``).
- SEQUENCE: 0 for a new event; when a previous file is given, an event whose content
  changed (times, place, link, text or status) gets the previous SEQUENCE + 1 (at most
  ``MAX_SEQUENCE``), an unchanged one keeps it. An event of the previous file that is
  gone is written again with STATUS:CANCELLED and SEQUENCE + 1, and stays (cancelled,
  unchanged) in every later file regenerated from it, so a client that missed one
  regeneration still removes it; one klplan did not make (``OWN_UID``) is cancelled
  once and then left out. Events that started before the calendar's first day (an
  earlier school year) are left out instead: they happened and are not cancelled.

Speed: a run's calendar files are rendered by ``ScheduleCalendars``, which gives the
same bytes as ``schedule_calendar`` (one ``Event`` at a time, the reference) but
renders the lines that groups share once per run and each group's events once for both
its own calendar and its leader's.

This module never imports icalendar at run time (previous files are read by
``klplan.loaders.previous_ics``); the tests compare against it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from string import Formatter
from typing import Any, Literal, NamedTuple
from zoneinfo import ZoneInfo

from klplan import __version__
from klplan.core.models import ClosureKind, Module, SchoolCalendar, school_year_label
from klplan.core.outcome import CheckIn, GroupPlan, Leader, ScheduleOutcome
from klplan.core.parse import parse_email
from klplan.core.plan import DayOff, Meeting, ModulePlan
from klplan.core.schoolyear import school_year_of
from klplan.core.weeks import IsoWeek
from klplan.messages import MESSAGES, format_date, language, reason_label, t, week_range

TZID = "Europe/Stockholm"
STOCKHOLM = ZoneInfo(TZID)
PRODID_PREFIX = "-//klplan//klplan "
PRODID = f"{PRODID_PREFIX}{__version__}//SV"

# The Swedish rules since 1996 (EU summer time), as yearly transitions: Outlook
# mishandles VTIMEZONEs written as lists of dates.
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

CONFIRMED = "CONFIRMED"
CANCELLED = "CANCELLED"
TRANSPARENT = "TRANSPARENT"


# --- the writer -------------------------------------------------------------------
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LIMIT = 75  # octets per line, CRLF excluded
_TEXT_CACHE = 1 << 14  # entries per text cache (texts recur across groups and files)


def clean_text(text: str) -> str:
    """Text as klplan writes and compares it: line breaks as LF, ``\\N`` read as a
    line break (RFC 5545's escape for one, as icalendar reads it), and the control
    characters TEXT forbids dropped. One leading byte-order mark is dropped too, as
    icalendar does (it decodes values as utf-8-sig)."""
    # Fast path: printable text has no BOM, no CR or LF and no control character,
    # so only the ``\N`` escape could change it. Lines joined by LF (a meeting's
    # description: nearly every one of a large plan is new) are kept as they are too.
    if "\\N" not in text and (
        text.isprintable() or ("\r" not in text and text.replace("\n", "").isprintable())
    ):
        return text
    return _clean_text(text)


@lru_cache(maxsize=_TEXT_CACHE)
def _clean_text(text: str) -> str:
    # Cached: what reaches here is mostly multi-line descriptions, repeated per group.
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\\N" in text:
        text = text.replace("\\N", "\n")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def place_text(text: str | None) -> str | None:
    """A LOCATION as written: cleaned, and None when nothing but white space is left
    (``--location " "`` gives no LOCATION line rather than ``LOCATION: ``)."""
    if not text:
        return None
    cleaned = clean_text(text)
    return cleaned if cleaned.strip() else None


def escape_text(text: str) -> str:
    """RFC 5545 TEXT escaping of cleaned text (backslash first)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def unescape_text(value: str) -> str:
    """The inverse of ``escape_text`` (for values icalendar leaves escaped: NAME and
    X-WR-CALNAME, which it does not type as TEXT)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def fold(line: str) -> str:
    """Fold a content line so no physical line exceeds 75 octets (see ``fold_bytes``)."""
    return fold_bytes(line.encode("utf-8")).decode("utf-8")


def fold_bytes(line: bytes) -> bytes:
    """Fold a UTF-8 content line as icalendar does: each physical line holds the
    longest run of whole characters of at most 74 octets (75 with the continuation
    space), and, for clients that unfold badly, a backslash or caret that would end a
    line of several characters moves to the next one, so an escape is never split."""
    if len(line) < _LIMIT:
        return line
    out: list[bytes] = []
    start, end = 0, len(line)
    while end - start >= _LIMIT:
        cut = start + _LIMIT - 1
        while line[cut] & 0xC0 == 0x80:  # never inside a UTF-8 sequence
            cut -= 1
        if cut - start > 1 and line[cut - 1] in b"\\^":
            cut -= 1
        out.append(line[start:cut])
        start = cut
    out.append(line[start:])
    return b"\r\n ".join(out)


_QUOTABLE = re.compile("[,;:’]")
_PARAM_ESCAPE = re.compile(r'\^|\n|"')


def param_value(text: str) -> str:
    """A CN parameter value: RFC 6868 escapes, double quotes where needed."""
    raw = clean_text(text)
    value = _PARAM_ESCAPE.sub(lambda m: {"^": "^^", "\n": "^n", '"': "^'"}[m.group(0)], raw)
    # As icalendar: a space or apostrophe in the name itself, or , ; : ’ after escaping.
    if " " in raw or "'" in raw or _QUOTABLE.search(value):
        return f'"{value}"'
    return value


def _date(d: date) -> str:
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


_DATE_TIME_SEPARATORS = str.maketrans("", "", "-:")


def _datetime(d: datetime) -> str:
    """``20251001T150000``: the wall time of ``d`` (its own zone's), whole seconds.
    ``isoformat`` starts with ``YYYY-MM-DDTHH:MM:SS`` for every datetime (fractions and
    offset follow), so this is those 19 characters without their separators: done in
    C, as nearly every meeting time of a large plan is a new one."""
    return d.isoformat()[:19].translate(_DATE_TIME_SEPARATORS)


def utc_stamp(moment: datetime) -> str:
    return _datetime(moment.astimezone(UTC)) + "Z"


def time_value(name: str, value: date) -> str:
    """``DTSTART;TZID=Europe/Stockholm:20251001T150000`` or ``...;VALUE=DATE:20251027``."""
    if isinstance(value, datetime):
        local = value.astimezone(STOCKHOLM) if value.tzinfo else value
        return f"{name};TZID={TZID}:{_datetime(local)}"
    return f"{name};VALUE=DATE:{_date(value)}"


@lru_cache(maxsize=_TEXT_CACHE)
def local_key(value: date) -> str:
    """How a start or end compares across files: Stockholm wall time, or the date.
    Cached (a regeneration compares every event): values that compare equal have the
    same key (the same instant in any zone or fold has one Stockholm wall time; a
    date never equals a datetime)."""
    return time_value("", value).partition(":")[2]


@dataclass(frozen=True, slots=True)
class Person:
    email: str
    name: str | None = None
    role: str | None = None  # ATTENDEE's ROLE, e.g. CHAIR

    def line(self, prop: str) -> str:
        params = ""
        if self.name:
            params += f";CN={param_value(self.name)}"
        if self.role:
            params += f";ROLE={self.role}"
        return f"{prop}{params}:mailto:{self.email}"


Invitation = tuple[Person | None, tuple[Person, ...]]  # ORGANIZER, ATTENDEEs


def to_bytes(lines: Iterable[str]) -> bytes:
    return b"".join(fold_bytes(line.encode("utf-8")) + b"\r\n" for line in lines)


# Caches of finished content lines (folded, with CRLF). A plan's events repeat the
# same texts and times across groups, and a leader's file repeats its groups' events,
# so most lines of a large run have been written before. Each key is everything the
# line is made of; bounded, so a long-lived process does not grow without end.
_LINE_CACHE = 1 << 14


@lru_cache(maxsize=_LINE_CACHE)
def _text_line(prop: str, text: str) -> bytes:
    """``PROP:`` and the TEXT value escaped (SUMMARY, DESCRIPTION, LOCATION)."""
    return fold_bytes((prop + escape_text(text)).encode("utf-8")) + b"\r\n"


@lru_cache(maxsize=_LINE_CACHE)
def _raw_line(line: str) -> bytes:
    """A line whose value is written as it is (URL, STATUS, TRANSP)."""
    return fold_bytes(line.encode("utf-8")) + b"\r\n"


@lru_cache(maxsize=_LINE_CACHE)
def _time_line_of(name: str, value: date, zone: object, fold: int) -> bytes:
    # ``zone`` and ``fold`` are only part of the key: aware datetimes compare equal
    # as instants across zones (and ignore ``fold`` within one), yet print differently.
    return fold_bytes(time_value(name, value).encode("utf-8")) + b"\r\n"


def _time_line(name: str, value: date) -> bytes:
    if isinstance(value, datetime):
        return _time_line_of(name, value, value.tzinfo, value.fold)
    return _time_line_of(name, value, None, 0)


@lru_cache(maxsize=_LINE_CACHE)
def _person_line(person: Person, prop: str) -> bytes:
    return fold_bytes(person.line(prop).encode("utf-8")) + b"\r\n"


@dataclass(frozen=True, slots=True)
class Event:
    """One VEVENT. ``start``/``end`` are aware datetimes, or dates for all-day events
    (``end`` exclusive). Text fields are stored cleaned (see ``clean_text``)."""

    uid: str
    summary: str
    start: date
    end: date
    sequence: int = 0
    description: str | None = None
    location: str | None = None
    url: str | None = None
    status: str | None = None
    transp: str | None = None
    organizer: Person | None = None
    attendees: tuple[Person, ...] = ()
    # Its own DTSTAMP (``20250701T000000Z``), when kept from a previous file; None: the
    # calendar's. Not content: a new stamp alone is no change.
    stamp: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Text is kept as it will be read back, so comparisons with a previous file
        # see what a client sees.
        for name in ("uid", "summary", "description", "url"):
            value = getattr(self, name)
            if value:
                object.__setattr__(self, name, clean_text(value))
        if self.location is not None:
            object.__setattr__(self, "location", place_text(self.location))

    def content(self) -> tuple[object, ...]:
        """What a SEQUENCE bump is about: everything but DTSTAMP, SEQUENCE and the
        invitation fields."""
        return (
            local_key(self.start),
            local_key(self.end),
            self.summary,
            self.description or "",
            self.location or "",
            self.url or "",
            self.status or "",
            self.transp or "",
        )

    def lines(self, dtstamp: str) -> list[str]:
        """The content lines, in icalendar's canonical order (SUMMARY, DTSTART, DTEND,
        DTSTAMP, UID, SEQUENCE, then alphabetical)."""
        out = [
            "BEGIN:VEVENT",
            "SUMMARY:" + escape_text(self.summary),
            time_value("DTSTART", self.start),
            time_value("DTEND", self.end),
            "DTSTAMP:" + (self.stamp or dtstamp),
            "UID:" + escape_text(self.uid),
            f"SEQUENCE:{self.sequence}",
        ]
        out += [a.line("ATTENDEE") for a in self.attendees]
        if self.description:
            out.append("DESCRIPTION:" + escape_text(self.description))
        if self.location:
            out.append("LOCATION:" + escape_text(self.location))
        if self.organizer:
            out.append(self.organizer.line("ORGANIZER"))
        if self.status:
            out.append("STATUS:" + self.status)
        if self.transp:
            out.append("TRANSP:" + self.transp)
        if self.url:
            out.append("URL:" + self.url)
        out.append("END:VEVENT")
        return out

    def to_bytes(self, dtstamp: str) -> bytes:
        """``to_bytes(self.lines(dtstamp))``, with the lines that recur across events
        (texts, times, people) taken from the line caches."""
        out = [
            b"BEGIN:VEVENT\r\n",
            _text_line("SUMMARY:", self.summary),
            _time_line("DTSTART", self.start),
            _time_line("DTEND", self.end),
            _raw_line("DTSTAMP:" + (self.stamp or dtstamp)),
            fold_bytes(("UID:" + escape_text(self.uid)).encode("utf-8")) + b"\r\n",
            fold_bytes(b"SEQUENCE:%d" % self.sequence) + b"\r\n",
        ]
        out += [_person_line(a, "ATTENDEE") for a in self.attendees]
        if self.description:
            out.append(_text_line("DESCRIPTION:", self.description))
        if self.location:
            out.append(_text_line("LOCATION:", self.location))
        if self.organizer:
            out.append(_person_line(self.organizer, "ORGANIZER"))
        if self.status:
            out.append(_raw_line("STATUS:" + self.status))
        if self.transp:
            out.append(_raw_line("TRANSP:" + self.transp))
        if self.url:
            out.append(_raw_line("URL:" + self.url))
        out.append(b"END:VEVENT\r\n")
        return b"".join(out)


_HEAD_BEFORE_NAME = (
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:" + PRODID,
    "CALSCALE:GREGORIAN",
)
Method = Literal["PUBLISH", "REQUEST", "CANCEL"]  # one per VCALENDAR (RFC 5546)


def calendar_lines(
    name: str, *, timezone: bool = True, refresh: str | None = None, method: Method = "PUBLISH"
) -> list[str]:
    """The VCALENDAR header (and VTIMEZONE) up to the first VEVENT."""
    title = escape_text(clean_text(name))
    out = [
        *_HEAD_BEFORE_NAME,
        "METHOD:" + method,
        "NAME:" + title,
        "X-WR-CALNAME:" + title,
        *feed_lines(refresh),
    ]
    out.append("X-WR-TIMEZONE:" + TZID)
    if timezone:
        out += VTIMEZONE_LINES
    return out


@lru_cache(maxsize=8)
def _head_parts(timezone: bool, method: Method = "PUBLISH") -> tuple[bytes, bytes]:
    """The header's bytes before NAME and after X-WR-CALNAME: the same in every file."""
    return to_bytes([*_HEAD_BEFORE_NAME, "METHOD:" + method]), to_bytes(
        ["X-WR-TIMEZONE:" + TZID, *(VTIMEZONE_LINES if timezone else ())]
    )


def calendar_head(
    name: str, *, timezone: bool = True, refresh: str | None = None, method: Method = "PUBLISH"
) -> bytes:
    """``to_bytes(calendar_lines(name, ...))`` with the same arguments, with only the
    name's two lines encoded per file (a run writes one header per calendar file)."""
    before, after = _head_parts(timezone, method)
    title = escape_text(clean_text(name))
    feed = to_bytes(feed_lines(refresh))
    return b"".join(
        (before, _folded("NAME:" + title), _folded("X-WR-CALNAME:" + title), feed, after)
    )


_DURATION = re.compile(
    r"^P(?:\d{1,6}W|(?=\d|T\d)(?:\d{1,6}D)?(?:T(?=\d)(?:\d{1,6}H)?(?:\d{1,6}M)?(?:\d{1,6}S)?)?)$"
)


def parse_duration(text: str) -> str:
    """An RFC 5545 duration of a subscription's refresh (``PT12H``, ``P1D``, ``P1W``):
    positive and well-formed, else ValueError."""
    value = str(text).strip().upper()
    if not _DURATION.match(value) or not any(c in "123456789" for c in value):
        raise ValueError(text)
    return value


def feed_lines(refresh: str | None) -> list[str]:
    """How often a subscribing client should fetch the calendar again: RFC 7986's
    REFRESH-INTERVAL and Outlook's X-PUBLISHED-TTL (``refresh``: a ``parse_duration``
    value; None: neither)."""
    if refresh is None:
        return []
    return ["REFRESH-INTERVAL;VALUE=DURATION:" + refresh, "X-PUBLISHED-TTL:" + refresh]


def _folded(line: str) -> bytes:
    """One content line as bytes: folded, with its CRLF."""
    return fold_bytes(line.encode("utf-8")) + b"\r\n"


# The right-hand side of UIDs when neither the plan file (``plan.uid_domain``) nor
# ``KLPLAN_UID_DOMAIN`` names one: under ``.invalid`` (RFC 2606), which no real host
# has, so klplan's UIDs cannot collide with another program's.
DEFAULT_UID_DOMAIN = "klplan.invalid"
# A UID as klplan writes it, whatever its domain (``@klplan`` before domains).
OWN_UID = re.compile(r"klplan-[0-9a-f]{16}@[a-z0-9.-]+")


def default_uid_domain(plan_id: str) -> str:
    """``<plan id>.klplan.invalid`` for a plan file, ``klplan.invalid`` otherwise."""
    if plan_id == "klplan":
        return DEFAULT_UID_DOMAIN
    label = safe_stem(plan_id, 63).replace("_", "-").strip("-") or _short_hash(plan_id)
    return f"{label}.{DEFAULT_UID_DOMAIN}"


def uid_domain(outcome: ScheduleOutcome, options: IcsOptions) -> str:
    """The plan file's ``uid_domain``, else ``options.uid_domain`` (KLPLAN_UID_DOMAIN),
    else ``default_uid_domain``."""
    meta = outcome.plan
    return (
        (meta.uid_domain if meta is not None else None)
        or options.uid_domain
        or default_uid_domain(outcome.plan_id)
    )


def uid_for(*identity: object, domain: str = DEFAULT_UID_DOMAIN) -> str:
    """A UID from a stable identity: the same identity always gives the same UID."""
    return _uid("\x1f".join(map(str, identity)), domain)


def _uid(joined: str, domain: str) -> str:
    """The UID of an identity already joined with ``\x1f`` (see ``uid_for``)."""
    return _uid_of(joined.encode("utf-8"), domain)


def _uid_of(identity: bytes, domain: str) -> str:
    """The UID of a joined identity as UTF-8."""
    return f"klplan-{hashlib.sha256(identity).hexdigest()[:16]}@{domain}"


def derived_dtstamp(school_year: int, today: date | None = None) -> datetime:
    """DTSTAMP without SOURCE_DATE_EPOCH: 1 July of the school year, 00:00 UTC, or the
    start of ``today`` (KLPLAN_TODAY; by default today's date in UTC) if that is
    earlier, so a stamp never lies in the future (planning 2027/28 in 2026). A
    regeneration keeps an unchanged event's previous stamp (``Regeneration``), so
    the bytes do not change with the day either."""
    day = today or datetime.now(UTC).date()
    return min(
        datetime(school_year, 7, 1, tzinfo=UTC), datetime(day.year, day.month, day.day, tzinfo=UTC)
    )


# SEQUENCE is a signed 32-bit integer for most clients (RFC 5545 INTEGER): a bump
# stops there (reading a larger one is an error, klplan.loaders.previous_ics).
MAX_SEQUENCE = 2**31 - 1


def _bumped(sequence: int) -> int:
    return min(sequence + 1, MAX_SEQUENCE)


# --- regeneration -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PreviousCalendar:
    """A calendar file read back (``klplan.loaders.previous_ics``)."""

    prodid: str | None
    name: str | None
    events: dict[str, Event]

    @property
    def by_klplan(self) -> bool:
        return bool(self.prodid and self.prodid.startswith(PRODID_PREFIX))


ChangeKind = Literal["added", "moved", "changed", "cancelled"]


@dataclass(frozen=True, slots=True)
class Change:
    """How one event differs from the previous file."""

    kind: ChangeKind
    old: Event | None
    new: Event

    @property
    def summary(self) -> str:
        return self.new.summary


def reconcile(new: Event, old: Event | None) -> tuple[Event, Change | None]:
    """Give ``new`` its SEQUENCE against the previous version of the same UID."""
    if old is None:
        return new, Change("added", None, new)
    if new.content() == old.content():
        return new if new.sequence == old.sequence else replace(new, sequence=old.sequence), None
    if old.status == CANCELLED:  # back after a cancellation: new to the reader
        return replace(new, sequence=_bumped(old.sequence)), Change("added", old, new)
    moved = (local_key(new.start), local_key(new.end)) != (
        local_key(old.start),
        local_key(old.end),
    )
    return replace(new, sequence=_bumped(old.sequence)), Change(
        "moved" if moved else "changed", old, new
    )


def render_calendar(
    name: str,
    events: Iterable[Event],
    *,
    dtstamp: datetime,
    previous: PreviousCalendar | None = None,
    keep_from: date | None = None,
    changes: list[Change] | None = None,
    timezone: bool = True,
    keep_stamps: bool = True,
    refresh: str | None = None,
    invitation: Invitation | None = None,
    cancelled: list[bytes] | None = None,
) -> Iterator[bytes]:
    """The calendar as UTF-8 chunks, one per event. With ``previous``, SEQUENCEs are
    carried over and bumped, and events that are gone are cancelled (those starting
    before ``keep_from`` are left out); every difference is appended to ``changes``.
    With ``keep_stamps`` (no SOURCE_DATE_EPOCH) an unchanged event keeps its DTSTAMP.
    With ``invitation`` (``--invite``) the calendar is a METHOD:REQUEST, and its
    cancellations go to ``cancelled`` instead (``cancel_calendar``), addressed to
    ``invitation``'s people."""
    stamp = utc_stamp(dtstamp)
    method: Method = "PUBLISH" if invitation is None else "REQUEST"
    yield calendar_head(name, timezone=timezone, refresh=refresh, method=method)
    regeneration = (
        Regeneration(previous, changes, stamp if keep_stamps else None)
        if previous is not None
        else None
    )
    for event in events:
        if regeneration is not None:
            event = regeneration.update(event)
        yield event.to_bytes(stamp)
    if regeneration is not None:
        yield from _gone(regeneration, stamp, keep_from, invitation, cancelled)
    yield END_CALENDAR


def _gone(
    regeneration: Regeneration,
    stamp: str,
    keep_from: date | None,
    invitation: Invitation | None,
    cancelled: list[bytes] | None,
) -> Iterator[bytes]:
    """The cancelled events: in a PUBLISH calendar, its own (without ORGANIZER or
    ATTENDEE); in a REQUEST one, none: they are appended to ``cancelled`` with the
    invitation's people, for a METHOD:CANCEL calendar of their own."""
    if invitation is None:
        yield from regeneration.gone(stamp, keep_from)
        return
    organizer, attendees = invitation
    for old in regeneration.gone_events(keep_from):
        event = replace(old, organizer=organizer, attendees=attendees)
        if cancelled is not None:
            cancelled.append(event.to_bytes(stamp))


def cancel_calendar(name: str, cancelled: list[bytes], *, refresh: str | None = None) -> bytes:
    """The METHOD:CANCEL calendar of a REQUEST calendar's cancelled meetings (RFC 5546:
    one METHOD per VCALENDAR, so not in the same object)."""
    return b"".join(
        (calendar_head(name, refresh=refresh, method="CANCEL"), *cancelled, END_CALENDAR)
    )


END_CALENDAR = b"END:VCALENDAR\r\n"


class Regeneration:
    """One calendar's events against the file it replaces (``previous``): each event
    takes its SEQUENCE from the previous version of its UID (``reconcile``), and what
    is left of the previous file at the end is cancelled. Every difference is appended
    to ``changes`` when given.

    ``stamp``: the run's DTSTAMP when unchanged events keep theirs (not with
    SOURCE_DATE_EPOCH): an unchanged event keeps the previous file's DTSTAMP unless
    that is later than the run's (a stamp in the future, as older versions wrote).

    Events whose UID klplan did not make (``OWN_UID``: pasted in, or of another
    program's file given as previous) are cancelled once, like any other that is gone,
    and left out of later files: only klplan's own stay as cancelled events."""

    def __init__(
        self, previous: PreviousCalendar, changes: list[Change] | None, stamp: str | None = None
    ) -> None:
        self.left = dict(previous.events)
        self.changes = changes
        self.stamp = stamp

    def update(self, event: Event) -> Event:
        """``event`` with its SEQUENCE (and DTSTAMP) against the previous file."""
        old = self.left.pop(event.uid, None)
        event, change = reconcile(event, old)
        if change is not None:
            if self.changes is not None:
                self.changes.append(change)
        elif old is not None and old.stamp != self.stamp and self._keeps(old):
            event = replace(event, stamp=old.stamp)
        return event

    def _keeps(self, old: Event) -> bool:
        """Whether ``old`` (unchanged) keeps its own DTSTAMP."""
        return self.stamp is not None and old.stamp is not None and old.stamp <= self.stamp

    def gone(self, stamp: str, keep_from: date | None) -> Iterator[bytes]:
        """The previous file's events that no ``update`` matched: cancelled (those
        starting before ``keep_from`` are left out), in time order."""
        for gone in self.gone_events(keep_from):
            yield gone.to_bytes(stamp)

    def gone_events(self, keep_from: date | None) -> Iterator[Event]:
        """``gone``'s events."""
        for old in sorted(self.left.values(), key=lambda e: (local_key(e.start), e.uid)):
            if keep_from is not None and _day(old.start) < keep_from:
                continue
            if old.status == CANCELLED:
                if OWN_UID.fullmatch(old.uid):
                    yield old if self._keeps(old) else replace(old, stamp=None)
                continue
            gone = replace(old, status=CANCELLED, sequence=_bumped(old.sequence), stamp=None)
            if self.changes is not None:
                self.changes.append(Change("cancelled", old, gone))
            yield gone


def _day(value: date) -> date:
    return value.astimezone(STOCKHOLM).date() if isinstance(value, datetime) else value


# --- what goes into the calendars -------------------------------------------------
@dataclass(frozen=True)
class IcsOptions:
    """How ``klplan schedule --format ics`` fills its events."""

    dtstamp: datetime | None = None  # SOURCE_DATE_EPOCH; None: derived_dtstamp
    uid_domain: str | None = None  # KLPLAN_UID_DOMAIN; None: see uid_domain()
    today: date | None = None  # KLPLAN_TODAY; None: today in UTC (see derived_dtstamp)
    include_breaks: bool = False
    include_preparation: bool = False
    invite: bool = False
    refresh: str | None = None  # REFRESH-INTERVAL / X-PUBLISHED-TTL (feed_lines)


@dataclass(frozen=True)
class CalendarTarget:
    """One calendar file: the meetings of ``groups`` and the ``checkins``."""

    file_stem: str  # for -o DIR: grupp-<id> / ledare-<id>; "" for a single file
    name: str  # NAME / X-WR-CALNAME
    groups: tuple[GroupPlan, ...]
    checkins: tuple[CheckIn, ...]
    leader: str | None = None  # the leader id of a leader's calendar (ledare-<id>)

    @property
    def file_name(self) -> str:
        return f"{self.file_stem}.ics"


def group_label(group: GroupPlan) -> str:
    return group.name or group.id


def leader_label(leader: Leader) -> str:
    return leader.name or leader.id


def _region(outcome: ScheduleOutcome) -> str:
    r = outcome.calendar.region
    return f"{r.kind}:{r.code}"


def _years(calendar: SchoolCalendar) -> str:
    """``2025/26``, or ``2025/26–2026/27`` for a calendar over several school years."""
    years = calendar.school_years
    return years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"


def single_target(outcome: ScheduleOutcome) -> CalendarTarget:
    """Everything in one calendar (``-o FILE`` or stdout)."""
    cal = outcome.calendar
    plans = [p for g in outcome.groups for p in g.plans]
    if len(outcome.groups) == 1 and len(plans) == 1:
        name = t(
            "ics.name_module",
            module=plans[0].module.title,
            region=cal.region.name,
            years=_years(cal),
        )
    else:
        name = t("ics.name_plan", region=cal.region.name, years=_years(cal))
    return CalendarTarget("", name, outcome.groups, outcome.checkins)


def split_targets(outcome: ScheduleOutcome) -> list[CalendarTarget]:
    """One calendar per group (``grupp-<id>.ics``) and one per leader
    (``ledare-<id>.ics``: that leader's groups and check-ins), for ``-o DIR``."""
    targets = [
        CalendarTarget(
            file_stem("grupp-", g.id),
            t("ics.name_group", group=group_label(g)),
            (g,),
            (),
        )
        for g in outcome.groups
    ]
    known = {x.id: x for x in outcome.leaders}
    referenced = {g.leader for g in outcome.groups if g.leader} | {
        c.leader for c in outcome.checkins
    }
    leaders = [*outcome.leaders, *(Leader(i) for i in sorted(referenced - set(known)))]
    groups: dict[str, list[GroupPlan]] = {}
    for g in outcome.groups:
        groups.setdefault(g.leader or "", []).append(g)
    checkins: dict[str, list[CheckIn]] = {}
    for c in outcome.checkins:
        checkins.setdefault(c.leader, []).append(c)
    for leader in leaders:
        targets.append(
            CalendarTarget(
                file_stem("ledare-", leader.id),
                t("ics.name_leader", leader=leader_label(leader)),
                tuple(groups.get(leader.id, ())),
                tuple(checkins.get(leader.id, ())),
                leader.id,
            )
        )
    return _unique_names(targets, [*(g.id for g in outcome.groups), *(x.id for x in leaders)])


def file_stem(prefix: str, id: str) -> str:
    """``grupp-<id>`` / ``ledare-<id>``, the prefix not doubled when the id already
    starts with it (group ``grupp-1``: ``grupp-1.ics``, as README tells staff to
    subscribe to). ``legacy_file_name`` is the doubled name earlier versions wrote."""
    stem = safe_stem(id)
    return stem if stem.startswith(prefix) and len(stem) > len(prefix) else prefix + stem


def legacy_file_name(target: CalendarTarget) -> str | None:
    """The file name klplan gave ``target`` before ``file_stem`` stopped doubling the
    prefix (``grupp-grupp-1.ics``), when it differs: a folder written then keeps
    that name, so subscriptions to it keep working."""
    prefix, id = (
        ("ledare-", target.leader)
        if target.leader is not None
        else ("grupp-", target.groups[0].id)
        if len(target.groups) == 1
        else ("", None)
    )
    if id is None or target.file_stem != file_stem(prefix, id) or not prefix:
        return None
    old = prefix + safe_stem(id)
    return None if old == target.file_stem else f"{old}.ics"


def _unique_names(targets: list[CalendarTarget], ids: list[str]) -> list[CalendarTarget]:
    """Ids that slugify alike (``Grupp A``, ``grupp-a``) get a short hash each, and
    should two ids still collide (the same id twice), a running number."""
    count: dict[str, int] = {}
    for target in targets:
        key = target.file_stem.casefold()
        count[key] = count.get(key, 0) + 1
    out: list[CalendarTarget] = []
    taken: set[str] = set()
    for target, raw in zip(targets, ids, strict=True):
        stem = target.file_stem
        if count[stem.casefold()] > 1:
            stem = f"{stem[:60]}-{_short_hash(raw)}"
        unique, n = stem, 1
        while unique.casefold() in taken:
            n += 1
            unique = f"{stem}-{n}"
        taken.add(unique.casefold())
        out.append(target if unique == target.file_stem else replace(target, file_stem=unique))
    return out


_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}


def safe_stem(text: str, max_length: int = 60) -> str:
    """A file-name part from an id: ASCII letters, digits, ``-`` and ``_`` only (so no
    path separators, no ``..``, no control characters), at most ``max_length`` long,
    never empty and never a Windows device name."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9_-]+", "-", ascii_text.lower()).strip("-_")[:max_length].strip("-_")
    if not stem or stem in _WINDOWS_RESERVED:
        stem = f"{stem}-{_short_hash(text)}" if stem else _short_hash(text)
    return stem


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def target_events(
    outcome: ScheduleOutcome, target: CalendarTarget, options: IcsOptions
) -> Iterator[Event]:
    """The target's events, group by group (then check-ins, then breaks)."""
    leaders = outcome.leaders_by_id
    label = len(target.groups) > 1
    for group in target.groups:
        yield from group_events(outcome, group, options, leaders, label=label)
    for checkin in target.checkins:
        yield checkin_event(outcome, checkin, leaders.get(checkin.leader), options)
    if options.include_breaks:
        yield from break_events(
            outcome.calendar, outcome.plan_id, domain=uid_domain(outcome, options)
        )


def group_events(
    outcome: ScheduleOutcome,
    group: GroupPlan,
    options: IcsOptions,
    leaders: dict[str, Leader],
    *,
    label: bool = False,
) -> Iterator[Event]:
    location, url = group.location, group.video_url
    organizer, attendees = _invitation(group, leaders) if options.invite else (None, ())
    domain = uid_domain(outcome, options)
    for plan, identity, joined in _module_identities(outcome, group):
        for m in plan.meetings:
            summary = _summary(plan, m.part, m.moment, group if label else None)
            if options.include_preparation:
                yield from _preparation(identity, plan, m, group if label else None, domain)
            yield Event(
                uid=_uid(f"{joined}\x1f{m.part}\x1f{m.moment}", domain),
                summary=summary,
                start=m.start,
                end=m.end,
                description=_meeting_description(plan, m, url),
                location=location,
                url=url,
                status=CONFIRMED,
                organizer=organizer,
                attendees=attendees,
            )


def _module_identities(
    outcome: ScheduleOutcome, group: GroupPlan
) -> Iterator[tuple[ModulePlan, tuple[str, ...], str]]:
    """Each of the group's module plans with the stable identity of its meetings, and
    that identity joined as ``uid_for`` joins it (done once per module, not per UID).

    Without a plan file (``klplan schedule`` of one group) the group is defined by its
    slot: the weekday and time it meets at are part of the identity, so runs with other
    ``--weekday``/``--time`` are other groups with other UIDs. A plan file's group is
    its id: a new time for it moves its meetings (the same UIDs, SEQUENCE + 1). A
    meeting moved off a closed day keeps its UID either way (the slot is the group's,
    not the meeting's)."""
    region = _region(outcome)
    seen: dict[str, int] = {}
    for plan in group.plans:
        # A group may take the same module twice (a multi-year plan): the second
        # time is another identity.
        seen[plan.module.id] = seen.get(plan.module.id, 0) + 1
        module_key = plan.module.id + (
            f"#{seen[plan.module.id]}" if seen[plan.module.id] > 1 else ""
        )
        identity: tuple[str, ...] = ("meeting", outcome.plan_id, region, group.id, module_key)
        if outcome.plan is None:
            identity += (f"{plan.slot.weekday}@{plan.slot.time:%H:%M}",)
        yield plan, identity, "\x1f".join(identity)


# Event texts are the same for every group that takes the same part of a module in
# the same weeks, so they are built once: each cached function takes, as arguments,
# everything its text is made of, starting with the language the messages are in.


def _summary(plan: ModulePlan, part: int, moment: str, group: GroupPlan | None) -> str:
    text = _summary_text(language(), plan.module.title, part, moment)
    if group is not None:  # one group's own: not worth a cache entry
        text = t("ics.summary_group", summary=text, group=group_label(group))
    return text


@lru_cache(maxsize=_TEXT_CACHE)
def _summary_text(lang: str, module: str, part: int, moment: str) -> str:
    return t("ics.summary", module=module, part=part, name=t(f"moment.{moment}"), moment=moment)


def _moment(plan: ModulePlan, moment: str) -> str:
    spec = plan.module.moments[moment]  # type: ignore[index]
    return _moment_text(language(), moment, spec.minutes)


@lru_cache(maxsize=_TEXT_CACHE)
def _moment_text(lang: str, moment: str, minutes: tuple[int, int] | None) -> str:
    """``A, individuell förberedelse, 45–60 min``: what the moment is and its time."""
    text = t(f"ics.moment.{moment}")
    if minutes is not None:
        text += ", " + t("minutes.range", low=minutes[0], high=minutes[1])
    return text


def _meeting_description(plan: ModulePlan, m: Meeting, url: str | None) -> str:
    module = plan.module
    return _description_text(
        language(),
        (module.title, module.parts, module.part_title(m.part), module.url),
        m.part,
        m.moment,
        m.prep_moment,
        m.prep_weeks,
        module.moments[m.prep_moment].minutes,  # type: ignore[index]
        module.moments[m.moment].minutes,
        plan.slot.duration_minutes,
        m.moved_from,
        m.moved_because,
        url,
    )


@lru_cache(maxsize=_TEXT_CACHE)
def _description_text(
    lang: str,
    module: tuple[str, int, str | None, str | None],  # title, parts, part title, url
    part: int,
    moment: str,
    prep: str,
    prep_weeks: tuple[IsoWeek, ...],
    prep_minutes: tuple[int, int] | None,
    minutes: tuple[int, int] | None,
    duration: int,
    moved_from: date | None,
    moved_because: DayOff | None,
    url: str | None,
) -> str:
    # Nearly every meeting of a large plan has a description of its own (its weeks
    # differ), but each of its lines recurs: each is cached on what it is made of.
    lines = [
        _part_line(lang, module, part),
        _before_line(lang, prep_weeks, prep, prep_minutes),
        _during_line(lang, moment, minutes),
        _scheduled_line(lang, duration),
    ]
    if moved_from and moved_because:
        lines.append(_moved_line(lang, moved_from, moved_because))
    if url:
        lines.append(_url_line(lang, "ics.video", url))
    if module[3]:
        lines.append(_url_line(lang, "ics.material", module[3]))
    return "\n".join(lines)


@lru_cache(maxsize=_TEXT_CACHE)
def _part_line(lang: str, module: tuple[str, int, str | None, str | None], part: int) -> str:
    title, parts, part_title, _ = module
    text = t("ics.part_of", part=part, parts=parts, module=title)
    return text + (f": {part_title}" if part_title else "") + "."


@lru_cache(maxsize=_TEXT_CACHE)
def _before_line(
    lang: str, weeks: tuple[IsoWeek, ...], prep: str, minutes: tuple[int, int] | None
) -> str:
    return t("ics.before", weeks=week_range(weeks), what=_moment_text(lang, prep, minutes))


@lru_cache(maxsize=_TEXT_CACHE)
def _during_line(lang: str, moment: str, minutes: tuple[int, int] | None) -> str:
    return t("ics.during", what=_moment_text(lang, moment, minutes))


@lru_cache(maxsize=_TEXT_CACHE)
def _scheduled_line(lang: str, duration: int) -> str:
    return t("ics.scheduled", minutes=duration)


@lru_cache(maxsize=_TEXT_CACHE)
def _moved_line(lang: str, moved_from: date, why: DayOff) -> str:
    return t("ics.moved", date=format_date(moved_from), reason=reason_label(why.code, why.name))


@lru_cache(maxsize=_TEXT_CACHE)
def _url_line(lang: str, key: str, url: str) -> str:
    return t(key, url=url)


def _preparation(
    identity: tuple[object, ...],
    plan: ModulePlan,
    m: Meeting,
    group: GroupPlan | None,
    domain: str,
) -> Iterator[Event]:
    """Moment A (before B) or C (before D) as all-day items: A from the Monday of B's
    week to the day of B; C over its weeks up to the day of D, one item per run of
    consecutive weeks (a lov between splits it)."""
    prep = m.prep_moment
    description = _prep_description(plan, m)
    for n, (start, end) in enumerate(_prep_days(m), start=1):
        yield Event(
            uid=uid_for(*identity, m.part, prep, n, domain=domain),
            summary=_summary(plan, m.part, prep, group),
            start=start,
            end=end,
            description=description,
            transp=TRANSPARENT,
        )


def _prep_description(plan: ModulePlan, m: Meeting) -> str:
    return t(
        "ics.prep_description",
        what=_moment(plan, m.prep_moment),
        date=format_date(m.date),
        meeting=t(f"ics.moment.{m.moment}"),
    )


def _prep_days(m: Meeting) -> list[tuple[date, date]]:
    """The first and the (exclusive) last day of each run of the prep weeks."""
    runs: list[list[IsoWeek]] = []
    for w in m.prep_weeks:
        if runs and runs[-1][-1] + 1 == w:
            runs[-1].append(w)
        else:
            runs.append([w])
    return [
        (run[0].monday, (m.date if run[-1] == m.week else run[-1].day(4)) + timedelta(days=1))
        for run in runs
    ]


def valid_email(email: str) -> bool:
    try:
        return parse_email(email) == email
    except ValueError:
        return False


def _invitation(
    group: GroupPlan, leaders: dict[str, Leader]
) -> tuple[Person | None, tuple[Person, ...]]:
    """A group meeting's ORGANIZER (the leader) and ATTENDEEs (the leader as CHAIR,
    then the participants listed with e-mail); none without the leader's e-mail."""
    leader = leaders.get(group.leader) if group.leader else None
    if leader is None or not leader.email or not valid_email(leader.email):
        return None, ()
    chair = Person(leader.email, leader.name, role="CHAIR")
    participants = tuple(
        Person(email, name, role="REQ-PARTICIPANT")
        for email, name in group.invitees
        if email.casefold() != leader.email.casefold()
    )
    return Person(leader.email, leader.name), (chair, *participants)


def _principal(outcome: ScheduleOutcome) -> Person | None:
    """The school's principal (rektor) with a valid e-mail: ORGANIZER of check-ins."""
    plan = outcome.plan
    if plan is None or not plan.principal_email or not valid_email(plan.principal_email):
        return None
    return Person(plan.principal_email, plan.principal)


def _target_invitation(
    outcome: ScheduleOutcome, target: CalendarTarget
) -> tuple[Person | None, tuple[Person, ...]]:
    """Who a cancellation in ``target``'s calendar goes to (a cancelled meeting's
    own people are not in the previous file): a group's calendar, its invitation; a
    leader's, the leader."""
    leaders = outcome.leaders_by_id
    if len(target.groups) == 1:
        return _invitation(target.groups[0], leaders)
    leader = leaders.get(target.leader) if target.leader else None
    if leader is None or not leader.email or not valid_email(leader.email):
        return None, ()
    return Person(leader.email, leader.name), (Person(leader.email, leader.name, role="CHAIR"),)


def checkin_event(
    outcome: ScheduleOutcome, checkin: CheckIn, leader: Leader | None, options: IcsOptions
) -> Event:
    who = leader_label(leader) if leader else checkin.leader
    person = (
        Person(leader.email, leader.name)
        if options.invite and leader and leader.email and valid_email(leader.email)
        else None
    )
    principal = _principal(outcome) if options.invite else None
    organizer, attendees = person, (replace(person, role="REQ-PARTICIPANT"),) if person else ()
    if principal is not None:  # the principal calls the check-in, the leader attends
        organizer, attendees = principal, (replace(principal, role="CHAIR"), *attendees)
    return Event(
        uid=uid_for(
            "checkin",
            outcome.plan_id,
            checkin.leader,
            checkin.sequence_no,
            domain=uid_domain(outcome, options),
        ),
        summary=t("ics.checkin_summary", leader=who),
        start=checkin.start,
        end=checkin.end,
        description=t("ics.checkin_description", n=checkin.sequence_no, leader=who),
        status=CONFIRMED,
        organizer=organizer,
        attendees=attendees,
    )


# --- school holidays ----------------------------------------------------------------
_LOV = (ClosureKind.LASLOV, ClosureKind.SPORTLOV, ClosureKind.PASKLOV)
_DAYS = (ClosureKind.CLOSED_DAY.value, ClosureKind.RED_DAY.value)  # keyed on their dates


def break_events(
    calendar: SchoolCalendar,
    calendar_id: str = "klplan",
    *,
    red_days: bool = False,
    domain: str = DEFAULT_UID_DOMAIN,
) -> list[Event]:
    """The calendar's lov periods (läslov, sportlov, påsklov; jullov and sommarlov
    between its terms) and the school's own closed days as all-day events, DTEND
    exclusive; with ``red_days`` also the public holidays (röda dagar) in the terms.

    A lov's UID is its kind, school year and number in that year (a sportlov moved a
    week keeps its UID); a closed day's or red day's is its kind and first date, so
    removing one studiedag does not rename the next (a renamed one keeps its UID)."""
    spans: list[tuple[date, date, str, str | None]] = []
    for c in calendar.closures:
        if c.kind in _LOV:
            spans.append((c.start, c.end, c.kind.value, None))
        elif c.kind is ClosureKind.CLOSED_DAY or (red_days and c.kind is ClosureKind.RED_DAY):
            spans.append((c.start, c.end, c.kind.value, c.name))
    for a, b in zip(calendar.terms, calendar.terms[1:], strict=False):
        first, last = a.end + timedelta(days=1), b.start - timedelta(days=1)
        if first <= last:
            between = ClosureKind.JULLOV if a.name == "HT" else ClosureKind.SOMMARLOV
            spans.append((first, last, between.value, None))
    merged: list[tuple[date, date, str, str | None]] = []
    for span in sorted(spans, key=lambda s: (s[2], s[3] or "", s[0])):
        prev = merged[-1] if merged else None
        if prev and prev[2:] == span[2:] and span[0] <= prev[1] + timedelta(days=1):
            merged[-1] = (prev[0], max(prev[1], span[1]), *span[2:])
        else:
            merged.append(span)
    region = f"{calendar.region.kind}:{calendar.region.code}"
    ordinal: dict[tuple[str, str], int] = {}
    events = []
    for start, end, kind, name in sorted(merged, key=lambda s: (s[0], s[2], s[3] or "")):
        year = school_year_label(school_year_of(IsoWeek.of(start)))
        if kind in _DAYS:
            identity: tuple[object, ...] = (kind, start.isoformat())
        else:
            key = (year, kind)
            ordinal[key] = ordinal.get(key, 0) + 1
            identity = (*key, None, ordinal[key])
        label = reason_label(kind, name)
        description = (
            t("ics.red_day_description")
            if kind == ClosureKind.RED_DAY.value
            else t("ics.closed_day_description", region=calendar.region.name)
            if kind == ClosureKind.CLOSED_DAY.value
            else t("ics.break_description", region=calendar.region.name, years=year)
        )
        events.append(
            Event(
                uid=uid_for("break", calendar_id, region, *identity, domain=domain),
                summary=label[:1].upper() + label[1:],
                start=start,
                end=end + timedelta(days=1),
                description=description,
                transp=TRANSPARENT,
            )
        )
    return events


def term_events(
    calendar: SchoolCalendar, calendar_id: str = "klplan", *, domain: str = DEFAULT_UID_DOMAIN
) -> list[Event]:
    """The feed's markers of the school year: each term's first and last day of school,
    and the first day of sommarlov after the calendar's last term (its end is the next
    school year's start, which this calendar does not hold; a sommarlov between two of
    its school years is a span of ``break_events``). UIDs are keyed on what each
    marker is (term, school year, first or last), never on its date, so a corrected
    date updates the same event."""
    region = f"{calendar.region.kind}:{calendar.region.code}"
    events = []
    for term in calendar.terms:
        for edge, day in (("first", term.start), ("last", term.end)):
            events.append(
                Event(
                    uid=uid_for(
                        "term",
                        calendar_id,
                        region,
                        term.school_year,
                        term.name,
                        edge,
                        domain=domain,
                    ),
                    summary=t(f"ics.term_{edge}", term=term.label),
                    start=day,
                    end=day + timedelta(days=1),
                    description=t(
                        f"ics.term_{edge}_description",
                        region=calendar.region.name,
                        years=term.school_year,
                    ),
                    transp=TRANSPARENT,
                )
            )
    last = calendar.terms[-1]
    summer = last.end + timedelta(days=1)
    events.append(
        Event(
            uid=uid_for("summer", calendar_id, region, last.school_year, domain=domain),
            summary=t("ics.summer_starts"),
            start=summer,
            end=summer + timedelta(days=1),
            description=t("ics.summer_starts_description", region=calendar.region.name),
            transp=TRANSPARENT,
        )
    )
    return events


def first_school_year(calendar: SchoolCalendar) -> int:
    return school_year_of(IsoWeek.of(calendar.terms[0].start))


def holiday_calendar_bytes(
    calendar: SchoolCalendar,
    *,
    red_days: bool = False,
    terms: bool = False,
    dtstamp: datetime | None = None,
    previous: PreviousCalendar | None = None,
    calendar_id: str = "klplan",
    name: str | None = None,
    today: date | None = None,
    domain: str = DEFAULT_UID_DOMAIN,
    refresh: str | None = None,
) -> bytes:
    """A Swedish school-holiday feed for ``calendar``: its lov periods (with jullov
    and sommarlov between terms) and closed days, optionally the red days and
    (``terms``) the ``term_events``, as all-day events in date order. Same calendar,
    same bytes; with ``previous`` (the file this replaces) SEQUENCEs carry over and
    vanished days are cancelled."""
    title = name or t("ics.name_holidays", region=calendar.region.name, years=_years(calendar))
    events = break_events(calendar, calendar_id, red_days=red_days, domain=domain)
    if terms:
        events = sorted(
            [*events, *term_events(calendar, calendar_id, domain=domain)],
            key=lambda e: (e.start, e.end, e.uid),
        )
    return b"".join(
        render_calendar(
            title,
            events,
            dtstamp=dtstamp or derived_dtstamp(first_school_year(calendar), today),
            previous=previous,
            keep_stamps=dtstamp is None,
            keep_from=calendar.days()[0],
            timezone=False,
            refresh=refresh,
        )
    )


def schedule_calendar(
    outcome: ScheduleOutcome,
    target: CalendarTarget,
    options: IcsOptions,
    *,
    previous: PreviousCalendar | None = None,
    changes: list[Change] | None = None,
    cancelled: list[bytes] | None = None,
) -> Iterator[bytes]:
    """One calendar file of a schedule, as UTF-8 chunks (stream them to a file); with
    ``--invite``, its cancellations go to ``cancelled`` (see ``render_calendar``)."""
    return render_calendar(
        target.name,
        target_events(outcome, target, options),
        dtstamp=options.dtstamp or derived_dtstamp(outcome.school_year, options.today),
        previous=previous,
        keep_from=outcome.calendar.days()[0],
        changes=changes,
        keep_stamps=options.dtstamp is None,
        refresh=options.refresh,
        invitation=_target_invitation(outcome, target) if options.invite else None,
        cancelled=cancelled,
    )


class ScheduleCalendars:
    """The calendar files of one schedule run, fast: what ``schedule_calendar`` gives,
    byte for byte (``tests/test_ics_fast.py`` compares them on varied plans and
    options), at a fraction of the cost of building and serializing every ``Event``.

    - A meeting's lines that do not depend on the group (SUMMARY, DTSTART, DTEND,
      DTSTAMP, DESCRIPTION) are rendered once per run for all the groups that share it
      (``_meeting``), and looked up once per module plan when groups share the plan
      (``_plan``); a group's own lines (ATTENDEE, LOCATION, ORGANIZER, URL) once per
      group; only the UID is made per event.
    - A group's events are rendered once (``_Piece``: all but the SUMMARY and SEQUENCE
      lines) and reused for every calendar it is in: its own file and its leader's,
      which differ only in SUMMARY (a leader's calendar of several groups names the
      group). ``expect`` says which calendars will be rendered; a group's pieces are
      kept from its first to its last, for at most ``KEEP`` groups at a time, so
      memory stays flat when each leader's calendar is rendered right after its
      groups' (``write_order``) and bounded in any order.
    - Events are built only when there is a previous file to reconcile with.

    Both caches are the run's own, keyed by what their values are made of (object
    identities are held by the values, so they cannot be reused while cached)."""

    KEEP = 256  # groups whose pieces are kept for a later calendar
    MEETINGS = 1 << 15  # meetings whose lines are kept (cleared when full)
    PLANS = 1 << 12  # module plans whose meetings' lines are kept (likewise)

    def __init__(self, outcome: ScheduleOutcome, options: IcsOptions) -> None:
        self.outcome = outcome
        self.options = options
        self.stamp = utc_stamp(
            options.dtstamp or derived_dtstamp(outcome.school_year, options.today)
        )
        self.keep_from = outcome.calendar.days()[0]
        self.domain = uid_domain(outcome, options)
        self._stamp_line = _folded("DTSTAMP:" + self.stamp)
        self._meetings: dict[tuple[object, ...], _MeetingParts] = {}
        self._plans: dict[tuple[object, ...], tuple[ModulePlan, tuple[_MeetingParts, ...]]] = {}
        self._uses: dict[int, _Uses] = {}  # by id(group)
        self._kept = 0
        self._breaks: tuple[list[Event], bytes] | None = None

    def expect(self, targets: Iterable[CalendarTarget]) -> None:
        """Say which calendars will be rendered, so groups in several are kept."""
        for target in targets:
            for group in target.groups:
                uses = self._uses.get(id(group))
                if uses is None:
                    uses = self._uses[id(group)] = _Uses(group)
                uses.left += 1

    def chunks(
        self,
        target: CalendarTarget,
        *,
        previous: PreviousCalendar | None = None,
        changes: list[Change] | None = None,
        cancelled: list[bytes] | None = None,
    ) -> Iterator[bytes]:
        """``schedule_calendar(outcome, target, options, ...)``: one chunk per group."""
        invitation = _target_invitation(self.outcome, target) if self.options.invite else None
        method: Method = "PUBLISH" if invitation is None else "REQUEST"
        yield calendar_head(target.name, refresh=self.options.refresh, method=method)
        regeneration = (
            Regeneration(previous, changes, None if self.options.dtstamp else self.stamp)
            if previous is not None
            else None
        )
        label = len(target.groups) > 1
        for group in target.groups:
            yield self._group_bytes(group, label, regeneration)
        leaders = self.outcome.leaders_by_id
        events: list[Event] = [
            checkin_event(self.outcome, c, leaders.get(c.leader), self.options)
            for c in target.checkins
        ]
        if self.options.include_breaks:
            breaks, rendered = self._break_events()
            if regeneration is None and not events:
                yield rendered
            else:
                events += breaks
        for event in events:
            if regeneration is not None:
                event = regeneration.update(event)
            yield event.to_bytes(self.stamp)
        if regeneration is not None:
            yield from _gone(regeneration, self.stamp, self.keep_from, invitation, cancelled)
        yield END_CALENDAR

    def _group_bytes(
        self, group: GroupPlan, label: bool, regeneration: Regeneration | None
    ) -> bytes:
        name = group_label(group) if label else ""
        affixes = _label_affixes(name) if label and regeneration is None else None
        out: list[bytes] = []
        for piece in self._pieces(group):
            summary, line = piece.summary, piece.line
            if affixes is not None and piece.escaped is not None:
                line = fold_bytes(b"SUMMARY:" + affixes[0] + piece.escaped + affixes[1]) + b"\r\n"
            elif label:
                summary = t("ics.summary_group", summary=summary, group=name)
                line = _summary_line(summary)
            sequence, body = _SEQUENCE_0, piece.body
            if regeneration is not None:
                event = regeneration.update(piece.event(summary))
                sequence = b"SEQUENCE:%d\r\n" % event.sequence
                if event.stamp is not None:  # kept from the previous file
                    body = body.replace(self._stamp_line, _folded("DTSTAMP:" + event.stamp), 1)
            out += (_BEGIN_EVENT, line, body, sequence, piece.tail)
        return b"".join(out)

    def _pieces(self, group: GroupPlan) -> list[_Piece]:
        uses = self._uses.get(id(group))
        if uses is None:  # not expected: rendered once
            return self._render_group(group)
        pieces = uses.pieces if uses.pieces is not None else self._render_group(group)
        uses.left -= 1
        if uses.left <= 0:
            del self._uses[id(group)]
            if uses.pieces is not None:
                self._kept -= 1
        elif uses.pieces is None and self._kept < self.KEEP:
            uses.pieces = pieces
            self._kept += 1
        return pieces

    def _render_group(self, group: GroupPlan) -> list[_Piece]:
        """``group_events(..., label=False)`` as pieces."""
        lang = language()
        url = group.video_url
        organizer, attendees = (
            _invitation(group, self.outcome.leaders_by_id) if self.options.invite else (None, ())
        )
        location = place_text(group.location)
        clean_url = clean_text(url) if url else None
        # A meeting's lines before its DESCRIPTION and after it, the group's own.
        before = b"".join(_person_line(a, "ATTENDEE") for a in attendees)
        lines = [_folded("LOCATION:" + escape_text(location))] if location else []
        if organizer:
            lines.append(_person_line(organizer, "ORGANIZER"))
        lines.append(_STATUS_CONFIRMED)
        if clean_url:
            lines.append(_folded("URL:" + clean_url))
        lines.append(_END_EVENT)
        after = b"".join(lines)
        out: list[_Piece] = []
        for plan, _, joined in _module_identities(self.outcome, group):
            identity = joined.encode("utf-8")  # + a meeting's own part: its UID's identity
            for parts in self._plan(lang, plan, url):
                for start, end, times, own in parts.prep_days:
                    uid, uid_line = _uid_and_line(identity + own, self.domain)
                    fields = (  # as _preparation gives them
                        uid,
                        start,
                        end,
                        parts.prep_description,
                        None,
                        None,
                        None,
                        TRANSPARENT,
                        None,
                        (),
                    )
                    body = times + uid_line
                    out.append(
                        _Piece(
                            parts.prep_summary,
                            parts.prep_line,
                            parts.prep_escaped,
                            body,
                            parts.prep_tail,
                            fields,
                        )
                    )
                uid, uid_line = _uid_and_line(identity + parts.identity, self.domain)
                m = parts.meeting
                fields = (  # as group_events gives them
                    uid,
                    m.start,
                    m.end,
                    parts.description,
                    group.location,
                    url,
                    CONFIRMED,
                    None,
                    organizer,
                    attendees,
                )
                body, tail = parts.times + uid_line, before + parts.description_line + after
                out.append(_Piece(parts.summary, parts.line, parts.escaped, body, tail, fields))
        return out

    def _plan(self, lang: str, plan: ModulePlan, url: str | None) -> tuple[_MeetingParts, ...]:
        """The lines of a module plan's meetings, once for all the groups that have the
        very same plan (the planner shares one between groups that meet alike)."""
        key = (lang, id(plan), url)
        kept = self._plans.get(key)
        if kept is not None:
            return kept[1]
        if len(self._plans) >= self.PLANS:
            self._plans.clear()
        parts = tuple(self._meeting(lang, plan, m, url) for m in plan.meetings)
        self._plans[key] = plan, parts  # held: the key has its id
        return parts

    def _meeting(self, lang: str, plan: ModulePlan, m: Meeting, url: str | None) -> _MeetingParts:
        """The lines of meeting ``m`` that every group meeting it alike shares."""
        module = plan.module
        key = (lang, id(m), id(module), plan.slot.duration_minutes, url)
        parts = self._meetings.get(key)
        if parts is not None:
            return parts
        if len(self._meetings) >= self.MEETINGS:
            self._meetings.clear()
        summary = _summary_text(lang, module.title, m.part, m.moment)
        description = _meeting_description(plan, m, url)
        prep_summary, prep_description, prep_days = "", "", ()
        if self.options.include_preparation:
            prep_summary = _summary_text(lang, module.title, m.part, m.prep_moment)
            prep_description = _prep_description(plan, m)
            prep_days = tuple(
                (
                    start,
                    end,
                    self._times(start, end),
                    f"\x1f{m.part}\x1f{m.prep_moment}\x1f{n}".encode(),
                )
                for n, (start, end) in enumerate(_prep_days(m), start=1)
            )
        parts = self._meetings[key] = _MeetingParts(
            m,
            module,
            f"\x1f{m.part}\x1f{m.moment}".encode(),
            summary,
            _summary_line(summary),
            _plain_escaped(summary),
            self._times(m.start, m.end),
            description,
            _description_line(description),
            prep_summary,
            _summary_line(prep_summary),
            _plain_escaped(prep_summary),
            prep_description,
            _description_line(prep_description) + _TRANSP_TRANSPARENT + _END_EVENT,
            prep_days,
        )
        return parts

    def _times(self, start: date, end: date) -> bytes:
        return _time_line("DTSTART", start) + _time_line("DTEND", end) + self._stamp_line

    def _break_events(self) -> tuple[list[Event], bytes]:
        """The school holidays of ``include_breaks``: the same in every calendar."""
        if self._breaks is None:
            events = break_events(self.outcome.calendar, self.outcome.plan_id, domain=self.domain)
            self._breaks = events, b"".join(e.to_bytes(self.stamp) for e in events)
        return self._breaks


_BEGIN_EVENT = b"BEGIN:VEVENT\r\n"
_END_EVENT = b"END:VEVENT\r\n"
_SEQUENCE_0 = b"SEQUENCE:0\r\n"
_STATUS_CONFIRMED = b"STATUS:" + CONFIRMED.encode() + b"\r\n"
_TRANSP_TRANSPARENT = b"TRANSP:" + TRANSPARENT.encode() + b"\r\n"


def _uid_and_line(identity: bytes, domain: str) -> tuple[str, bytes]:
    """``_uid`` of an identity as UTF-8, and its UID line (ASCII, short, nothing to
    escape)."""
    uid = _uid_of(identity, domain)
    return uid, b"UID:" + uid.encode("ascii") + b"\r\n"


# The text lines of a meeting depend on its module, part and moment (and the slot's
# length), not on its dates: cached, they are written once for all the groups and
# start weeks that share them.
@lru_cache(maxsize=_TEXT_CACHE)
def _summary_line(summary: str) -> bytes:
    return _folded("SUMMARY:" + escape_text(clean_text(summary)))


def _plain(text: str) -> bool:
    """Text that cleaning leaves as it is, alone and next to other plain text: no
    control character, line break or byte-order mark (all unprintable), and no
    backslash (so no ``\\N`` either, however it is joined)."""
    return text.isprintable() and "\\" not in text


@lru_cache(maxsize=_TEXT_CACHE)
def _plain_escaped(summary: str) -> bytes | None:
    """A plain summary escaped, as UTF-8: the middle of its group-labelled SUMMARY."""
    return escape_text(summary).encode("utf-8") if _plain(summary) else None


_MARK = "\x00"  # never in plain text


def _label_affixes(name: str) -> tuple[bytes, bytes] | None:
    """What goes before and after a summary in a leader's calendar (``ics.summary_group``
    for the group ``name``), escaped, as UTF-8: the SUMMARY line of a plain summary is
    then put together, not formatted, cleaned and escaped again for every meeting. None
    unless that gives the same bytes: the message takes the summary once and as it is
    (``_takes_summary_as_is``), and its own text and the name are plain, so that
    cleaning and escaping work part by part."""
    if not _takes_summary_as_is(language()):
        return None
    parts = t("ics.summary_group", summary=_MARK, group=name).split(_MARK)
    if len(parts) != 2 or not (_plain(parts[0]) and _plain(parts[1])):
        return None
    return escape_text(parts[0]).encode("utf-8"), escape_text(parts[1]).encode("utf-8")


@lru_cache(maxsize=4)
def _takes_summary_as_is(lang: str) -> bool:
    """Whether ``ics.summary_group`` in ``lang`` has the summary once, without a format
    spec or conversion, and no other field than the group's name (also without)."""
    template = MESSAGES["ics.summary_group"][lang]  # type: ignore[index]
    fields = [(f, spec, conv) for _, f, spec, conv in Formatter().parse(template) if f is not None]
    return fields.count(("summary", "", None)) == 1 and all(
        f in ("summary", "group") and not spec and not conv for f, spec, conv in fields
    )


@lru_cache(maxsize=_TEXT_CACHE)
def _description_line(description: str) -> bytes:
    text = clean_text(description)
    return _folded("DESCRIPTION:" + escape_text(text)) if text else b""


@dataclass(slots=True)
class _Uses:
    """A group of the calendars ``ScheduleCalendars.expect``s, and its pieces while kept."""

    group: GroupPlan  # held: keyed by its id
    left: int = 0  # calendars still to render it in
    pieces: list[_Piece] | None = None


class _MeetingParts(NamedTuple):
    """A meeting's lines shared by the groups that meet it alike (and its moment A or
    C as all-day items, with ``include_preparation``). Texts as built, lines cleaned."""

    meeting: Meeting  # held: the cache key has its id
    module: Module  # likewise
    identity: bytes  # the end of its UID's identity (see _render_group)
    summary: str
    line: bytes  # SUMMARY
    escaped: bytes | None  # see _plain_escaped
    times: bytes  # DTSTART, DTEND, DTSTAMP
    description: str
    description_line: bytes
    prep_summary: str
    prep_line: bytes
    prep_escaped: bytes | None
    prep_description: str
    prep_tail: bytes  # DESCRIPTION, TRANSP, END:VEVENT
    prep_days: tuple[tuple[date, date, bytes, bytes], ...]  # start, end, times, identity


class _Piece(NamedTuple):
    """One event of a group, rendered but for its SUMMARY and SEQUENCE lines: the
    lines in which the group's own calendar and its leader's differ, and the only
    one regeneration changes."""

    summary: str  # as built: not cleaned, without the group's name
    line: bytes  # the SUMMARY line of ``summary``
    escaped: bytes | None  # see _plain_escaped
    body: bytes  # DTSTART, DTEND, DTSTAMP, UID
    tail: bytes  # ATTENDEE to END:VEVENT
    # The Event's other fields: uid, start, end, description, location, url, status,
    # transp, organizer, attendees (as given to Event, which cleans the texts).
    fields: tuple[Any, ...]

    def event(self, summary: str) -> Event:
        """The event, for reconciliation with a previous file."""
        uid, start, end, description, location, url, status, transp, organizer, people = self.fields
        return Event(
            uid=uid,
            summary=summary,
            start=start,
            end=end,
            description=description,
            location=location,
            url=url,
            status=status,
            transp=transp,
            organizer=organizer,
            attendees=people,
        )


def write_order(targets: Sequence[CalendarTarget]) -> list[int]:
    """The indexes of ``targets`` in the order to render them so that a group's events
    are reused while memory stays flat (see ``ScheduleCalendars``): at a group's own
    calendar, the calendars of all its leader's groups, then the leader's own."""
    leaders: dict[str, list[int]] = {}
    for i, target in enumerate(targets):
        if target.leader is not None:
            leaders.setdefault(target.leader, []).append(i)
    led: dict[str, list[int]] = {}
    for i, target in enumerate(targets):
        if _own_calendar(target) and target.groups[0].leader in leaders:
            led.setdefault(target.groups[0].leader, []).append(i)  # type: ignore[arg-type]
    order: list[int] = []
    placed = [False] * len(targets)
    for i, target in enumerate(targets):
        lead = target.groups[0].leader if _own_calendar(target) else None
        block = [*led[lead], *leaders[lead]] if lead is not None and lead in leaders else [i]
        for j in block:
            if not placed[j]:
                placed[j] = True
                order.append(j)
    return order


def _own_calendar(target: CalendarTarget) -> bool:
    """A group's own calendar (grupp-<id>), not its leader's."""
    return target.leader is None and len(target.groups) == 1 and not target.checkins


def describe_time(event: Event) -> str:
    """``ons 1 okt 2025 15:00–16:30``, or a date range for all-day events."""
    if isinstance(event.start, datetime) and isinstance(event.end, datetime):
        start, end = event.start.astimezone(STOCKHOLM), event.end.astimezone(STOCKHOLM)
        return f"{format_date(start.date())} {start:%H:%M}–{end:%H:%M}"
    last = event.end - timedelta(days=1)
    if last <= event.start:
        return format_date(event.start)
    return f"{format_date(event.start)}–{format_date(last)}"
