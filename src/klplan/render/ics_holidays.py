"""School holidays as calendar events: the lov periods and closed days (and red days)
of a school calendar, the markers of its terms, and the holiday feed
(``klplan calendar --format ics``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from klplan.core.models import ClosureKind, SchoolCalendar, school_year_label
from klplan.core.schoolyear import school_year_of
from klplan.core.weeks import IsoWeek
from klplan.ical.event import TRANSPARENT, Event
from klplan.messages import reason_label, t
from klplan.render.ics_ids import (
    DEFAULT_UID_DOMAIN,
    PreviousCalendar,
    derived_dtstamp,
    render_calendar,
    uid_for,
)
from klplan.render.ics_targets import years_label

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
    title = name or t("ics.name_holidays", region=calendar.region.name, years=years_label(calendar))
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
