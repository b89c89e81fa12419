"""One event's fields (``Event``) and their one serialiser (``event_bytes``).

A VEVENT's lines come in icalendar's canonical order (SUMMARY, DTSTART, DTEND,
DTSTAMP, UID, SEQUENCE, then alphabetical: ATTENDEE, DESCRIPTION, LOCATION,
ORGANIZER, STATUS, TRANSP, URL). ``event_bytes`` puts them together from the
segment functions below, each cached on the values it is made of (texts, times and
people recur across the events and files of a run). A writer that shares segments
between many events (``klplan.render.ics_fast``) takes the same functions and joins
them with ``event_segments``, ``head_lines`` and ``tail_lines``, so there is one
definition of each line and of their order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from klplan.ical.text import clean_text, escape_text, fold_bytes, folded, location_text, param_value
from klplan.ical.values import local_key, time_value

CONFIRMED = "CONFIRMED"
CANCELLED = "CANCELLED"
TRANSPARENT = "TRANSPARENT"


@dataclass(frozen=True, slots=True)
class Person:
    """An ORGANIZER or ATTENDEE: ``mailto:`` address, CN and (ATTENDEE) ROLE."""

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
            object.__setattr__(self, "location", location_text(self.location))

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


# --- the serialiser -----------------------------------------------------------------
# Caches of finished lines (folded, with CRLF), bounded, so a long-lived process does
# not grow without end.
_LINE_CACHE = 1 << 14
BEGIN_EVENT = b"BEGIN:VEVENT\r\n"
END_EVENT = b"END:VEVENT\r\n"


def event_bytes(event: Event, dtstamp: str) -> bytes:
    """The VEVENT of ``event``, with ``dtstamp`` unless it has its own ``stamp``."""
    return b"".join(
        event_segments(
            summary_line(event.summary),
            head_lines(times_lines(event.start, event.end, event.stamp or dtstamp), event.uid),
            sequence_line(event.sequence),
            tail_lines(
                attendee_lines(event.attendees),
                description_line(event.description or ""),
                closing_lines(
                    event.location, event.organizer, event.status, event.transp, event.url
                ),
            ),
        )
    )


def event_segments(
    summary: bytes, head: bytes, sequence: bytes, tail: bytes
) -> tuple[bytes, bytes, bytes, bytes, bytes]:
    """A VEVENT's bytes in order, from its SUMMARY line (``summary_line``), its
    ``head_lines``, its SEQUENCE line (``sequence_line``) and its ``tail_lines``."""
    return (BEGIN_EVENT, summary, head, sequence, tail)


def head_lines(times: bytes, uid: str) -> bytes:
    """``times_lines`` and the UID line."""
    return times + uid_line(uid)


def tail_lines(attendees: bytes, description: bytes, closing: bytes) -> bytes:
    """``attendee_lines``, ``description_line`` and ``closing_lines`` (which ends the
    VEVENT)."""
    return attendees + description + closing


@lru_cache(maxsize=_LINE_CACHE)
def summary_line(summary: str) -> bytes:
    """The SUMMARY line of a text (cleaned here: the same bytes for raw or clean)."""
    return folded("SUMMARY:" + escape_text(clean_text(summary)))


def summary_line_of(escaped: bytes) -> bytes:
    """The SUMMARY line of a value already cleaned and escaped (``escape_text``)."""
    return fold_bytes(b"SUMMARY:" + escaped) + b"\r\n"


def times_lines(start: date, end: date, stamp: str) -> bytes:
    """DTSTART, DTEND and DTSTAMP (a ``utc_stamp``)."""
    return _time_line("DTSTART", start) + _time_line("DTEND", end) + stamp_line(stamp)


def _time_line(name: str, value: date) -> bytes:
    if isinstance(value, datetime):
        return _time_line_of(name, value, value.tzinfo, value.fold)
    return _time_line_of(name, value, None, 0)


@lru_cache(maxsize=_LINE_CACHE)
def _time_line_of(name: str, value: date, zone: object, fold: int) -> bytes:
    # ``zone`` and ``fold`` are only part of the key: aware datetimes compare equal
    # as instants across zones (and ignore ``fold`` within one), yet print differently.
    return folded(time_value(name, value))


@lru_cache(maxsize=64)
def stamp_line(stamp: str) -> bytes:
    """DTSTAMP (a ``utc_stamp``)."""
    return folded("DTSTAMP:" + stamp)


def uid_line(uid: str) -> bytes:
    """UID: one per event, so not cached. A short ASCII UID with nothing to escape (as
    a writer that hashes its UIDs makes them) is the line as it is."""
    if (
        len(uid) < 71
        and uid.isascii()
        and uid.isprintable()
        and "\\" not in uid
        and ";" not in uid
        and "," not in uid
    ):
        return b"UID:" + uid.encode("ascii") + b"\r\n"
    return folded("UID:" + escape_text(uid))


_SEQUENCE_0 = b"SEQUENCE:0\r\n"


def sequence_line(sequence: int) -> bytes:
    return _SEQUENCE_0 if sequence == 0 else b"SEQUENCE:%d\r\n" % sequence


def attendee_lines(attendees: tuple[Person, ...]) -> bytes:
    """The ATTENDEE lines."""
    return b"".join(_person_line(a, "ATTENDEE") for a in attendees) if attendees else b""


@lru_cache(maxsize=_LINE_CACHE)
def _person_line(person: Person, prop: str) -> bytes:
    return folded(person.line(prop))


@lru_cache(maxsize=_LINE_CACHE)
def description_line(description: str) -> bytes:
    """The DESCRIPTION line of a text (cleaned here), none for an empty one."""
    text = clean_text(description)
    return folded("DESCRIPTION:" + escape_text(text)) if text else b""


@lru_cache(maxsize=_LINE_CACHE)
def closing_lines(
    location: str | None,
    organizer: Person | None,
    status: str | None,
    transp: str | None,
    url: str | None,
) -> bytes:
    """LOCATION, ORGANIZER, STATUS, TRANSP and URL (those given, as the ``Event``
    fields: cleaned), and END:VEVENT. Cached: they are mostly an organizer's or a
    place's, the same for many events."""
    out = [folded("LOCATION:" + escape_text(location))] if location else []
    if organizer:
        out.append(_person_line(organizer, "ORGANIZER"))
    if status:
        out.append(folded("STATUS:" + status))
    if transp:
        out.append(folded("TRANSP:" + transp))
    if url:
        out.append(folded("URL:" + url))
    out.append(END_EVENT)
    return b"".join(out)
