"""The hand-written .ics writer gives byte for byte what icalendar's Calendar/Event API
serializes for the same events: escaping, folding at 75 octets (never inside a UTF-8
character), property order, CRLF."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import example, given, settings
from hypothesis import strategies as st

from klplan.ical.event import event_bytes
from klplan.ical.text import _clean_text, escape_text, fold, unescape_text
from klplan.ical.values import TZID
from klplan.ical.values import ZONE as STOCKHOLM
from klplan.render.ics import (
    CANCELLED,
    PRODID,
    Event,
    IcsOptions,
    Person,
    break_events,
    clean_text,
    render_calendar,
    single_target,
    target_events,
)
from tests.ics_helpers import assert_wellformed, parse, two_groups

STAMP = datetime(2025, 7, 1, tzinfo=UTC)


def icalendar_bytes(name: str, events: list[Event], *, timezone: bool = True) -> bytes:
    """The same calendar built with icalendar's own API (uid and stamp passed in)."""
    cal = icalendar.Calendar.new(
        prodid=PRODID, calscale="GREGORIAN", method="PUBLISH", name=icalendar.vText(name)
    )
    del cal["UID"]  # Calendar.new invents a random one; klplan calendars have none
    # icalendar types NAME and X-WR-CALNAME as unknown and would write them unescaped;
    # RFC 7986 makes NAME a TEXT value, so both are given as vText.
    cal["X-WR-CALNAME"] = icalendar.vText(name)
    cal.add("X-WR-TIMEZONE", TZID)
    if timezone:
        tz = icalendar.Timezone.new()
        tz.add("TZID", TZID)
        for kind, start, month, offsets, tzname in (
            (icalendar.TimezoneStandard, datetime(1970, 10, 25, 3), 10, (2, 1), "CET"),
            (icalendar.TimezoneDaylight, datetime(1970, 3, 29, 2), 3, (1, 2), "CEST"),
        ):
            rule = kind.new()
            rule.add("DTSTART", start)
            rule.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": "-1SU"})
            rule.add("TZOFFSETFROM", timedelta(hours=offsets[0]))
            rule.add("TZOFFSETTO", timedelta(hours=offsets[1]))
            rule.add("TZNAME", tzname)
            tz.add_component(rule)
        cal.add_component(tz)
    for e in events:
        cal.add_component(
            icalendar.Event.new(
                uid=e.uid,
                stamp=STAMP,
                summary=e.summary,
                start=e.start,
                end=e.end,
                sequence=e.sequence,
                description=e.description,
                location=e.location,
                url=e.url,
                status=e.status,
                transparency=e.transp,
                organizer=_address(e.organizer) if e.organizer else None,
                attendees=[_address(a) for a in e.attendees] or None,
            )
        )
    return cal.to_ical()


def _address(p: Person) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{p.email}")
    if p.name:
        address.params["CN"] = p.name
    if p.role:
        address.params["ROLE"] = p.role
    return address


def ours(name: str, events: list[Event], *, timezone: bool = True) -> bytes:
    return b"".join(render_calendar(name, events, dtstamp=STAMP, timezone=timezone))


def representative_events() -> list[Event]:
    """A real two-group plan with breaks, preparation items and invitations, plus a
    cancelled meeting, a long description, odd characters and a Swedish location."""
    outcome = two_groups()
    options = IcsOptions(include_breaks=True, include_preparation=True, invite=True)
    events = list(target_events(outcome, single_target(outcome), options))
    first = next(e for e in events if e.status == "CONFIRMED")
    events.append(
        replace(
            first,
            uid="klplan-0000000000000000@klplan",
            status=CANCELLED,
            sequence=3,
            location="Lärarrummet, plan 2; ingång B \\ vid biblioteket",
            description="Inställt möte – "
            + "åäö ÅÄÖ é ü € 😀 "
            + "x" * 60
            + "\\\\^^,;:\n\nNy rad\r\nCRLF\rCR \\N slut",
        )
    )
    return events


def test_a_representative_plan_is_byte_identical_to_icalendar():
    events = representative_events()
    assert {e.transp for e in events} == {None, "TRANSPARENT"}  # all-day items present
    assert any(len(e.description.encode()) > 200 for e in events if e.description)
    assert any(e.attendees for e in events)
    name = "Kollegialt lärande · Östra skolan, åk 7–9; läsår 2025/26"
    data = ours(name, events)
    assert data == icalendar_bytes(name, events)
    assert_wellformed(data)
    parse(data)


def test_each_event_is_written_as_icalendar_writes_it_whatever_was_written_before():
    """``event_bytes`` takes recurring lines from caches: every event, written after
    all the others, is still exactly what icalendar writes for it alone."""
    events = representative_events()
    # The same wall time either side of New York's autumn fold is two instants that
    # compare equal (same zone): Stockholm time tells them apart.
    new_york = ZoneInfo("America/New_York")
    for fold_ in (0, 1):
        start = datetime(2025, 11, 2, 1, 30, tzinfo=new_york, fold=fold_)
        events.append(Event(uid="u", summary="s", start=start, end=start + timedelta(hours=1)))
    for event in [*events, *reversed(events)]:
        local = event
        if isinstance(event.start, datetime):
            local = replace(
                event, start=event.start.astimezone(STOCKHOLM), end=event.end.astimezone(STOCKHOLM)
            )
        assert ours("k", [event], timezone=False) == icalendar_bytes("k", [local], timezone=False)
    stamp = "20250701T000000Z"
    assert event_bytes(events[-1], stamp) != event_bytes(events[-2], stamp)


def test_holiday_feed_is_byte_identical_to_icalendar():
    events = break_events(two_groups().calendar, red_days=True)
    assert ours("Lov", events, timezone=False) == icalendar_bytes("Lov", events, timezone=False)


printable = st.characters(
    blacklist_categories=("Cs", "Cc"), max_codepoint=0x1FFFF
) | st.sampled_from("\\;,:^\"'’\n\r\t ")


@settings(max_examples=300, deadline=None)
@given(text=st.text(printable, min_size=0, max_size=300))
def test_any_text_is_escaped_and_folded_as_icalendar_does(text):
    event = Event(
        uid="u",
        summary=clean_text(text) or "x",
        start=date(2025, 10, 1),
        end=date(2025, 10, 2),
        description=clean_text(text) or None,
        location=clean_text(text[::-1]) or None,
        organizer=Person("a@example.se", clean_text(text[:40]) or None),
    )
    data = ours("k", [event], timezone=False)
    assert data == icalendar_bytes("k", [event], timezone=False)
    assert_wellformed(data)


@settings(max_examples=500)
@given(text=st.text(printable | st.sampled_from("\ufeff\x00\x1f\x7f\\N"), max_size=60))
def test_the_fast_paths_of_clean_text_clean_as_the_full_rules_do(text):
    assert clean_text(text) == _clean_text(text)
    assert clean_text("\n".join([text, "rad två", text])) == _clean_text(
        "\n".join([text, "rad två", text])
    )


@given(text=st.text(printable, max_size=200))
def test_unescape_reverses_escape(text):
    cleaned = clean_text(text)
    assert unescape_text(escape_text(cleaned)) == cleaned


def test_folding_never_splits_a_character_and_keeps_lines_at_75_octets():
    for prefix in range(0, 8):
        line = "DESCRIPTION:" + "a" * prefix + "ö€😀" * 40
        folded = fold(line)
        physical = folded.encode().split(b"\r\n")
        assert all(len(p) <= 75 for p in physical)
        assert all(p.decode("utf-8") for p in physical)
        assert folded.replace("\r\n ", "") == line


def test_a_line_of_74_octets_stays_whole_and_75_is_folded_as_icalendar_does():
    assert fold("X" * 74) == "X" * 74
    assert fold("X" * 75) == "X" * 74 + "\r\n X"


@settings(max_examples=300, deadline=None)
@given(
    start=st.datetimes(
        min_value=datetime(1900, 1, 1),
        max_value=datetime(2200, 12, 31),
        timezones=st.sampled_from([STOCKHOLM, UTC, ZoneInfo("America/St_Johns")]),
        allow_imaginary=False,
    ),
    minutes=st.integers(1, 600),
)
@example(  # found at random: the repeated hour in St. John's, its second pass
    start=datetime(2028, 11, 5, 1, 0, fold=1, tzinfo=ZoneInfo("America/St_Johns")), minutes=1
)
def test_any_time_of_any_zone_is_written_as_icalendar_writes_it(start, minutes):
    """Stockholm wall time, whole seconds (fractions dropped), both folds of the hour
    that repeats in October: the bytes icalendar writes for the same instants given in
    Stockholm time."""
    # ``minutes`` of real time: wall-clock arithmetic (``start + timedelta``) across a
    # fold can end before it starts (St. John's, fold=1), which no calendar accepts.
    end = (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(start.tzinfo)
    event = Event(uid="u", summary="s", start=start, end=end)
    local = replace(event, start=start.astimezone(STOCKHOLM), end=event.end.astimezone(STOCKHOLM))
    assert ours("k", [event], timezone=False) == icalendar_bytes("k", [local], timezone=False)


def test_times_are_local_with_tzid_and_all_day_dates_have_value_date():
    event = Event(
        uid="u",
        summary="s",
        start=datetime(2025, 10, 1, 13, 0, tzinfo=UTC),  # given in UTC, written in Stockholm
        end=datetime(2025, 10, 1, 15, 0, tzinfo=STOCKHOLM),
    )
    lines = event_bytes(event, "20250701T000000Z").split(b"\r\n")
    assert b"DTSTART;TZID=Europe/Stockholm:20251001T150000" in lines
    assert b"DTEND;TZID=Europe/Stockholm:20251001T150000" in lines
    day = replace(event, start=date(2025, 10, 27), end=date(2025, 11, 3))
    assert b"DTEND;VALUE=DATE:20251103" in event_bytes(day, "20250701T000000Z").split(b"\r\n")
