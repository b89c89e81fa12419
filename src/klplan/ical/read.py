"""A calendar file read back into ``Event`` values: the file a regeneration replaces.

A file laid out as this package writes it is read by ``read_own``, which knows that
one layout and gives what icalendar would; anything else (another program's file, or
one edited by hand in a way the writer does not write) is parsed with icalendar
(imported here, lazily). Reading back every calendar of a large run with icalendar
took 20 times as long as writing them (tests/test_previous_ics.py compares the two
readers on varied files)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from klplan.ical.event import Event
from klplan.ical.regenerate import MAX_SEQUENCE, CalendarFile
from klplan.ical.text import clean_text, unescape_text
from klplan.ical.values import TZID, VTIMEZONE_LINES, ZONE, utc_stamp


class CalendarReadError(ValueError):
    """A file that cannot be read as a previous calendar."""


class Truncated(CalendarReadError):
    """The writer's own file (its PRODID near the top) without END:VCALENDAR."""


class NotACalendar(CalendarReadError):
    """Not an iCalendar file; ``problem`` says what the parser found."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class SequenceTooLarge(CalendarReadError):
    """A SEQUENCE above ``MAX_SEQUENCE``: no client has it, so the file was damaged or
    not meant for them (an error, not clamped)."""

    def __init__(self, uid: str | None, value: int) -> None:
        super().__init__(f"{uid}: {value}")
        self.uid, self.value = uid, value


def parse_calendar(raw: bytes, text: str, *, prodid_prefix: str) -> CalendarFile:
    """The calendar of a file's bytes ``raw`` and their text ``text`` (decoded). A
    file whose PRODID starts with ``prodid_prefix`` (the writer's own) is read fast
    when laid out as the writer writes it. Raises a ``CalendarReadError``."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    own = read_own(text.removeprefix("\ufeff"), prodid_prefix)
    if own is not None:
        return own
    if _truncated_own(text, prodid_prefix):
        raise Truncated
    return read_with_icalendar(raw)


def _truncated_own(text: str, prodid_prefix: str) -> bool:
    """A file the writer wrote (its PRODID near the top) that does not end in
    END:VCALENDAR: cut short (a full disk, an interrupted copy). Read as a previous
    file it would lose the SEQUENCEs of every event after the cut, and could be taken
    for another program's: refused instead."""
    head = text[:512]
    return (
        head.startswith("BEGIN:VCALENDAR")
        and ("\nPRODID:" + prodid_prefix) in head
        and text.rstrip("\r\n").rpartition("\n")[2] != "END:VCALENDAR"
    )


def read_with_icalendar(raw: bytes) -> CalendarFile:
    """Any calendar file, read with icalendar: its non-recurring events with a UID."""
    from icalendar import Calendar  # the one reader that needs it

    try:
        # Bytes, not str: icalendar would take a one-line str for a file path.
        cal = Calendar.from_ical(raw)
        if cal.name != "VCALENDAR":
            raise ValueError(f"expected VCALENDAR, found {cal.name}")
        events: dict[str, Event] = {}
        for component in cal.walk("VEVENT"):
            # The writer writes neither recurrences nor events without UID.
            if "UID" in component and "RECURRENCE-ID" not in component:
                event = _event(component)
                events[event.uid] = event
        return CalendarFile(
            prodid=_text(cal, "PRODID"),
            # icalendar leaves these two escaped (it does not type them as TEXT).
            name=unescape_text(_text(cal, "X-WR-CALNAME") or _text(cal, "NAME") or "") or None,
            events=events,
        )
    except CalendarReadError:
        raise
    except Exception as e:  # icalendar raises several types on malformed input
        problem = " ".join(str(e).split())[:200] or type(e).__name__
        raise NotACalendar(problem) from None


def _text(component: Any, prop: str) -> str | None:
    value = component.get(prop)
    if value is None or isinstance(value, list):
        return None
    return clean_text(str(value)) or None


def _when(value: object) -> date:
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=ZONE)  # floating time
        return aware.astimezone(ZONE)
    if isinstance(value, date):
        return value
    raise ValueError(f"not a date or time: {value!r}")


def _event(component: Any) -> Event:
    start = _when(component.decoded("DTSTART"))
    if "DTEND" in component:
        end = _when(component.decoded("DTEND"))
    elif "DURATION" in component:
        end = start + component.decoded("DURATION")
    else:
        end = start
    stamp = None
    if "DTSTAMP" in component:
        moment = component.decoded("DTSTAMP")
        if isinstance(moment, datetime):
            stamp = utc_stamp(moment if moment.tzinfo else moment.replace(tzinfo=ZONE))
    text: Callable[[str], str | None] = lambda prop: _text(component, prop)  # noqa: E731
    sequence = _sequence(int(component.get("SEQUENCE", 0)), text("UID"))
    return _event_of(text, start, end, sequence, stamp)


def _sequence(value: int, uid: str | None) -> int:
    """A SEQUENCE as read: at most ``MAX_SEQUENCE`` (a larger one is an error)."""
    if value > MAX_SEQUENCE:
        raise SequenceTooLarge(uid, value)
    return max(value, 0)


def _event_of(
    text: Callable[[str], str | None],
    start: date,
    end: date,
    sequence: int,
    stamp: str | None = None,
) -> Event:
    """The event of a VEVENT whose cleaned TEXT values ``text`` gives, by property:
    what both readers make of it. An end that is missing, of the other kind (a date
    for a time) or before the start becomes the start (a time) or the next day."""
    if isinstance(end, datetime) != isinstance(start, datetime) or end < start:
        end = start if isinstance(start, datetime) else start + timedelta(days=1)
    status, transp = text("STATUS"), text("TRANSP")
    return Event(
        uid=text("UID") or "",
        summary=text("SUMMARY") or "",
        start=start,
        end=end,
        sequence=sequence,
        description=text("DESCRIPTION"),
        location=text("LOCATION"),
        url=text("URL"),
        status=status.upper() if status else None,
        transp=transp.upper() if transp else None,
        stamp=stamp,
    )


# --- the writer's own layout ---------------------------------------------------------
# What icalendar does to a value on reading (``Contentline.parts``): one pass over the
# backslash escapes of TEXT.
_ESCAPE = re.compile(r"\\([\\,;:nN])")
_TEXT = ("UID", "SUMMARY", "DESCRIPTION", "LOCATION", "STATUS", "TRANSP")
_READ = frozenset((*_TEXT, "URL", "DTSTART", "DTEND", "SEQUENCE", "DTSTAMP"))
_SKIPPED = frozenset(("ORGANIZER", "ATTENDEE"))  # written, not compared
_UTC_STAMP = re.compile(r"\d{8}T\d{6}Z")
_STAMP = re.compile(r"(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d))?")


class _NotOwn(Exception):
    """The file is not laid out as the writer writes it: read it with icalendar."""


def read_own(text: str, prodid_prefix: str) -> CalendarFile | None:
    """The calendar, if ``text`` is a file as the writer writes it (a PRODID starting
    with ``prodid_prefix``, CRLF lines folded with one space, only the components,
    properties and parameters it writes, each event property once): what
    ``read_with_icalendar`` gives for it. None for any other file."""
    bare = text.replace("\r\n", "")
    if "\r" in bare or "\n" in bare:
        return None
    lines = text.replace("\r\n ", "").split("\r\n")
    if lines[-1] == "":
        lines.pop()
    if len(lines) < 3 or lines[0] != "BEGIN:VCALENDAR" or lines[-1] != "END:VCALENDAR":
        return None
    try:
        return _own_calendar(lines[1:-1], prodid_prefix)
    except (_NotOwn, ValueError):
        return None


def _own_calendar(lines: list[str], prodid_prefix: str) -> CalendarFile:
    head: dict[str, str] = {}
    events: dict[str, Event] = {}
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line == "BEGIN:VEVENT":
            end = lines.index("END:VEVENT", i)
            event = _own_event(lines[i + 1 : end])
            events[event.uid] = event
            i = end + 1
        elif line == "BEGIN:VTIMEZONE":
            # Only the writer's own: icalendar might read times by another definition.
            end = i + len(VTIMEZONE_LINES)
            if tuple(lines[i:end]) != VTIMEZONE_LINES:
                raise _NotOwn
            i = end
        elif line.startswith("BEGIN:") or line.startswith("END:"):
            raise _NotOwn
        else:
            prop, sep, value = line.partition(":")
            if not sep or ";" in prop or prop in head:
                raise _NotOwn
            head[prop] = value
            i += 1
    prodid = _own_text(head.get("PRODID"))
    if not prodid or not prodid.startswith(prodid_prefix):
        raise _NotOwn
    # icalendar leaves the calendar's names escaped (it does not type them as TEXT).
    title = head.get("X-WR-CALNAME") or head.get("NAME")
    return CalendarFile(
        prodid=prodid,
        name=unescape_text(clean_text(title) if title else "") or None,
        events=events,
    )


def _own_event(lines: list[str]) -> Event:
    props: dict[str, str] = {}
    for line in lines:
        head, sep, value = line.partition(":")
        name, _, params = head.partition(";")
        if not sep or name.startswith("BEGIN") or name.startswith("END"):
            raise _NotOwn
        if name in _SKIPPED:
            continue
        if name not in _READ or name in props:
            raise _NotOwn
        if params and not (
            name in ("DTSTART", "DTEND") and params in (f"TZID={TZID}", "VALUE=DATE")
        ):
            raise _NotOwn
        props[name] = head + ":" + value if name in ("DTSTART", "DTEND") else value
    if "UID" not in props or "DTSTART" not in props:
        raise _NotOwn
    url = props.get("URL")
    if url is not None and "\\" in url:  # how icalendar reads a URI's escapes: not here
        raise _NotOwn
    start = _own_time(props["DTSTART"])
    end = _own_time(props["DTEND"]) if "DTEND" in props else start
    sequence = props.get("SEQUENCE", "0")
    if not sequence.isascii() or not sequence.isdigit():
        raise _NotOwn
    stamp = props.get("DTSTAMP")
    if stamp is not None and not _UTC_STAMP.fullmatch(stamp):
        raise _NotOwn
    texts = {k: _own_text(props.get(k)) for k in _TEXT}
    texts["URL"] = clean_text(url) or None if url is not None else None  # a URI: unescaped
    number = _sequence(int(sequence), texts["UID"])
    return _event_of(texts.__getitem__, start, end, number, stamp)


@lru_cache(maxsize=1 << 14)  # texts and times recur across the files of a run
def _own_text(value: str | None) -> str | None:
    """``_text`` of a TEXT value as icalendar reads it."""
    if value is None:
        return None
    if "\\" in value:
        value = _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
    return clean_text(value) or None


@lru_cache(maxsize=1 << 14)
def _own_time(line: str) -> date:
    """``DTSTART;TZID=Europe/Stockholm:20251001T150000`` or ``...;VALUE=DATE:20251001``."""
    head, _, value = line.partition(":")
    m = _STAMP.fullmatch(value)
    if m is None or (m.group(4) is None) != head.endswith(";VALUE=DATE"):
        raise _NotOwn
    if not head.endswith(f";TZID={TZID}") and m.group(4) is not None:
        raise _NotOwn
    y, mo, d, hh, mm, ss = (int(g) if g else 0 for g in m.groups())
    if m.group(4) is None:
        return date(y, mo, d)
    return datetime(y, mo, d, hh, mm, ss, tzinfo=ZONE)
