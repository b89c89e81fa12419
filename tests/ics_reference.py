"""The reference a fast calendar writer is proven against: one calendar file of a
schedule built one ``Event`` at a time (``target_events``) and written by
``render_calendar`` (``klplan.ical``'s serialiser), which ``tests/test_ics_writer.py``
proves byte for byte equal to icalendar's own Calendar API. ``ScheduleCalendars``
(``klplan.render.ics_fast``) must give these bytes (``tests/test_ics_fast.py``)."""

from __future__ import annotations

from collections.abc import Iterator

from klplan.core.outcome import ScheduleOutcome
from klplan.ical.regenerate import Change
from klplan.ical.text import clean_text, escape_text
from klplan.ical.values import TZID, VTIMEZONE_LINES
from klplan.render.ics import (
    PRODID,
    CalendarTarget,
    IcsOptions,
    PreviousCalendar,
    derived_dtstamp,
    render_calendar,
    target_events,
)
from klplan.render.ics_content import target_invitation


def schedule_calendar(
    outcome: ScheduleOutcome,
    target: CalendarTarget,
    options: IcsOptions,
    *,
    previous: PreviousCalendar | None = None,
    changes: list[Change] | None = None,
    cancelled: list[bytes] | None = None,
) -> Iterator[bytes]:
    """One calendar file of a schedule, as UTF-8 chunks; with ``--invite``, its
    cancellations go to ``cancelled`` (see ``render_calendar``)."""
    return render_calendar(
        target.name,
        target_events(outcome, target, options),
        dtstamp=options.dtstamp or derived_dtstamp(outcome.school_year, options.today),
        previous=previous,
        keep_from=outcome.calendar.days()[0],
        changes=changes,
        keep_stamps=options.dtstamp is None,
        refresh=options.refresh,
        invitation=target_invitation(outcome, target) if options.invite else None,
        cancelled=cancelled,
    )


def calendar_lines(name: str, *, timezone: bool = True, method: str = "PUBLISH") -> list[str]:
    """The VCALENDAR header (and VTIMEZONE) as content lines, one at a time: what
    ``calendar_head`` gives as bytes."""
    title = escape_text(clean_text(name))
    out = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:" + PRODID,
        "CALSCALE:GREGORIAN",
        "METHOD:" + method,
        "NAME:" + title,
        "X-WR-CALNAME:" + title,
        "X-WR-TIMEZONE:" + TZID,
    ]
    if timezone:
        out += VTIMEZONE_LINES
    return out
