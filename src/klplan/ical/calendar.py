"""The VCALENDAR around the events: its header (and VTIMEZONE), a calendar written
event by event (with a regeneration against the previous file), and the
METHOD:CANCEL calendar of an invitation's cancelled events (RFC 5546)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from klplan.ical.event import Event, Person, event_bytes
from klplan.ical.regenerate import CalendarFile, Change, OwnUid, Regeneration
from klplan.ical.text import clean_text, escape_text, folded, to_bytes
from klplan.ical.values import TZID, VTIMEZONE_LINES, utc_stamp

Method = Literal["PUBLISH", "REQUEST", "CANCEL"]  # one per VCALENDAR (RFC 5546)
Invitation = tuple[Person | None, tuple[Person, ...]]  # ORGANIZER, ATTENDEEs
END_CALENDAR = b"END:VCALENDAR\r\n"


@lru_cache(maxsize=16)
def _head_parts(prodid: str, timezone: bool, method: Method) -> tuple[bytes, bytes]:
    """The header's bytes before NAME and after X-WR-CALNAME: the same in every file."""
    before = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + prodid, "CALSCALE:GREGORIAN"]
    return to_bytes([*before, "METHOD:" + method]), to_bytes(
        ["X-WR-TIMEZONE:" + TZID, *(VTIMEZONE_LINES if timezone else ())]
    )


def calendar_head(
    name: str,
    *,
    prodid: str,
    timezone: bool = True,
    refresh: str | None = None,
    method: Method = "PUBLISH",
) -> bytes:
    """The VCALENDAR header (and VTIMEZONE) up to the first VEVENT. NAME and
    X-WR-CALNAME are escaped as TEXT (RFC 7986; icalendar types them as unknown and
    writes them raw)."""
    before, after = _head_parts(prodid, timezone, method)
    title = escape_text(clean_text(name))
    feed = to_bytes(feed_lines(refresh))
    return b"".join((before, folded("NAME:" + title), folded("X-WR-CALNAME:" + title), feed, after))


def feed_lines(refresh: str | None) -> list[str]:
    """How often a subscribing client should fetch the calendar again: RFC 7986's
    REFRESH-INTERVAL and Outlook's X-PUBLISHED-TTL (``refresh``: a ``parse_duration``
    value; None: neither)."""
    if refresh is None:
        return []
    return ["REFRESH-INTERVAL;VALUE=DURATION:" + refresh, "X-PUBLISHED-TTL:" + refresh]


def write_calendar(
    name: str,
    events: Iterable[Event],
    *,
    prodid: str,
    dtstamp: datetime,
    previous: CalendarFile | None = None,
    own: OwnUid | None = None,
    keep_from: date | None = None,
    changes: list[Change] | None = None,
    timezone: bool = True,
    keep_stamps: bool = True,
    refresh: str | None = None,
    invitation: Invitation | None = None,
    cancelled: list[bytes] | None = None,
) -> Iterator[bytes]:
    """The calendar as UTF-8 chunks, one per event. With ``previous``, SEQUENCEs are
    carried over and bumped, and events that are gone are cancelled (see
    ``Regeneration``; ``own`` tells its own UIDs); every difference is appended to
    ``changes``. With ``keep_stamps`` an unchanged event keeps its DTSTAMP. With
    ``invitation`` the calendar is a METHOD:REQUEST, and its cancellations go to
    ``cancelled`` instead (``cancel_calendar``), addressed to ``invitation``'s people."""
    stamp = utc_stamp(dtstamp)
    method: Method = "PUBLISH" if invitation is None else "REQUEST"
    yield calendar_head(name, prodid=prodid, timezone=timezone, refresh=refresh, method=method)
    regeneration = (
        Regeneration(previous, changes, stamp if keep_stamps else None, own=own)
        if previous is not None
        else None
    )
    for event in events:
        if regeneration is not None:
            event = regeneration.update(event)
        yield event_bytes(event, stamp)
    if regeneration is not None:
        yield from gone_bytes(regeneration, stamp, keep_from, invitation, cancelled)
    yield END_CALENDAR


def gone_bytes(
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
        for event in regeneration.gone_events(keep_from):
            yield event_bytes(event, stamp)
        return
    organizer, attendees = invitation
    for old in regeneration.gone_events(keep_from):
        event = replace(old, organizer=organizer, attendees=attendees)
        if cancelled is not None:
            cancelled.append(event_bytes(event, stamp))


def cancel_calendar(
    name: str, cancelled: list[bytes], *, prodid: str, refresh: str | None = None
) -> bytes:
    """The METHOD:CANCEL calendar of a REQUEST calendar's cancelled events (RFC 5546:
    one METHOD per VCALENDAR, so not in the same object)."""
    head = calendar_head(name, prodid=prodid, refresh=refresh, method="CANCEL")
    return b"".join((head, *cancelled, END_CALENDAR))
