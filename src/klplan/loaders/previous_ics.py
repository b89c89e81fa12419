"""Calendar files read back: the file a regeneration replaces (the existing output, or
``--previous FILE``), parsed with icalendar (imported here, lazily) into the writer's
own events, so SEQUENCEs carry over and vanished meetings can be cancelled."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from klplan.core.errors import InputError, Where
from klplan.loaders.yamlio import decode, read_bytes
from klplan.render.ics import STOCKHOLM, Event, PreviousCalendar, clean_text, unescape_text

MAX_ICS_BYTES = 64 * 1024 * 1024


def read_previous(path: Path) -> tuple[bytes, PreviousCalendar]:
    """The file's bytes and its events; errors name the file."""
    raw = read_bytes(path, str(path), MAX_ICS_BYTES)
    return raw, parse_previous(raw, str(path))


def parse_previous(raw: bytes, name: str) -> PreviousCalendar:
    from icalendar import Calendar

    decode(raw, name)  # a one-line error naming the position of a non-UTF-8 byte
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        # Bytes, not str: icalendar would take a one-line str for a file path.
        cal = Calendar.from_ical(raw)
        if cal.name != "VCALENDAR":
            raise ValueError(f"expected VCALENDAR, found {cal.name}")
        events: dict[str, Event] = {}
        for component in cal.walk("VEVENT"):
            # klplan writes neither recurrences nor events without UID.
            if "UID" in component and "RECURRENCE-ID" not in component:
                event = _event(component)
                events[event.uid] = event
        return PreviousCalendar(
            prodid=_text(cal, "PRODID"),
            # icalendar leaves these two escaped (it does not type them as TEXT).
            name=unescape_text(_text(cal, "X-WR-CALNAME") or _text(cal, "NAME") or "") or None,
            events=events,
        )
    except Exception as e:  # icalendar raises several types on malformed input
        problem = " ".join(str(e).split())[:200] or type(e).__name__
        raise InputError("ics.not_calendar", where=Where(file=name), problem=problem) from None


def _text(component: Any, prop: str) -> str | None:
    value = component.get(prop)
    if value is None or isinstance(value, list):
        return None
    return clean_text(str(value)) or None


def _when(value: object) -> date:
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=STOCKHOLM)  # floating time
        return aware.astimezone(STOCKHOLM)
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
    if isinstance(end, datetime) != isinstance(start, datetime) or end < start:
        end = start if isinstance(start, datetime) else start + timedelta(days=1)
    status = _text(component, "STATUS")
    return Event(
        uid=_text(component, "UID") or "",
        summary=_text(component, "SUMMARY") or "",
        start=start,
        end=end,
        sequence=int(component.get("SEQUENCE", 0)),
        description=_text(component, "DESCRIPTION"),
        location=_text(component, "LOCATION"),
        url=_text(component, "URL"),
        status=status.upper() if status else None,
        transp=(_text(component, "TRANSP") or "").upper() or None,
    )
