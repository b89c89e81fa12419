"""Reading back the calendar a regeneration replaces: klplan's own files are read by
its own reader, which gives exactly what icalendar gives for them; every other file
(another program's, or one edited in a way klplan does not write) goes to icalendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from benchmarks.synthetic import plan_yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from klplan.app.plan import schedule_plan
from klplan.ical import read
from klplan.ical.regenerate import CalendarFile
from klplan.ical.values import ZONE as STOCKHOLM
from klplan.loaders.plan import load_plan
from klplan.loaders.previous_ics import parse_previous
from klplan.render.ics import Event, clean_text, render_calendar
from klplan.render.ics_ids import PRODID_PREFIX
from tests.test_ics_fast import ODD, OPTIONS, assert_same, varied

STAMP = datetime(2025, 7, 1, tzinfo=UTC)


def fields(calendar: CalendarFile) -> tuple[object, ...]:
    """What a read calendar holds (``parse_previous`` gives klplan's subclass)."""
    return calendar.prodid, calendar.name, calendar.events


def both(data: bytes) -> tuple[object, object]:
    """(klplan's reader, icalendar's) on the same file."""
    own = read.read_own(data.decode("utf-8").removeprefix("\ufeff"), PRODID_PREFIX)
    return own, read.read_with_icalendar(data.removeprefix(b"\xef\xbb\xbf"))


def calendar(events: list[Event], name: str = "Kalender") -> bytes:
    return b"".join(render_calendar(name, events, dtstamp=STAMP))


@pytest.fixture(scope="module")
def plan_files(tmp_path_factory) -> dict[str, bytes]:
    """Every calendar of a municipal plan with odd names, places and links, in four
    option sets, then regenerated with fewer groups (cancelled events, SEQUENCEs)."""
    path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    path.write_text(plan_yaml(30, groups_per_leader=3), "utf-8")
    outcome = varied(schedule_plan(load_plan(path)))
    files: dict[str, bytes] = {}
    for n, options in enumerate(OPTIONS[::5]):
        first = assert_same(outcome, options)
        files |= {f"{n}-{stem}": data for stem, data in first.items()}
        previous = {stem: parse_previous(data, stem) for stem, data in first.items()}
        fewer = replace(outcome, groups=outcome.groups[:-4])
        again = assert_same(fewer, options, previous=previous)
        files |= {f"{n}-again-{stem}": data for stem, data in again.items()}
    return files


def test_every_file_of_a_plan_is_read_by_klplan_as_icalendar_reads_it(plan_files):
    assert len(plan_files) > 100
    for stem, data in plan_files.items():
        own, reference = both(data)
        assert own is not None, stem
        assert own == reference, stem
        assert list(own.events) == list(reference.events), stem  # the same order


texts = st.lists(
    st.characters(blacklist_categories=("Cs",), max_codepoint=0x1FFFF)
    | st.sampled_from(["\\", "\\n", "\\N", "\\,", "\\;", "\\:", ",", ";", ":", "\n", "\r\n"]),
    max_size=60,
).map("".join)
times = st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2200, 12, 31),
    timezones=st.sampled_from([STOCKHOLM, UTC, ZoneInfo("America/St_Johns")]),
)


@st.composite
def events(draw) -> Event:
    start: date = draw(times)
    end: date = start + timedelta(minutes=draw(st.integers(0, 600)))
    if draw(st.booleans()):
        start = start.date()  # type: ignore[union-attr]
        end = start + timedelta(days=draw(st.integers(1, 3)))
    return Event(
        uid=draw(st.sampled_from(["klplan-0123456789abcdef@klplan", "u,1;x"])),
        summary=clean_text(draw(texts)),
        start=start,
        end=end,
        sequence=draw(st.integers(0, 10**6)),
        description=clean_text(draw(texts)) or None,
        location=clean_text(draw(texts)) or None,
        url=draw(st.sampled_from([None, "https://meet.example.se/a?b=1,2;3", "mailto:x@y.se"])),
        status=draw(st.sampled_from([None, "CONFIRMED", "CANCELLED"])),
        transp=draw(st.sampled_from([None, "TRANSPARENT"])),
    )


@settings(max_examples=300, deadline=None)
@given(items=st.lists(events(), max_size=4), name=texts)
def test_any_events_and_name_klplan_writes_are_read_as_icalendar_reads_them(items, name):
    own, reference = both(calendar(items, clean_text(name) or "x"))
    assert own is not None
    assert own == reference


def _edited(data: bytes, old: bytes, new: bytes) -> bytes:
    assert old in data
    return data.replace(old, new, 1)


EVENT = Event(
    uid="klplan-0123456789abcdef@klplan",
    summary=ODD[1],
    start=datetime(2025, 10, 1, 15, tzinfo=STOCKHOLM),
    end=datetime(2025, 10, 1, 16, 30, tzinfo=STOCKHOLM),
    description=ODD[6],
    location="Rum 3",
    url="https://meet.example.se/a",
    status="CONFIRMED",
)
FILE = calendar([EVENT, replace(EVENT, uid="u2", start=date(2025, 10, 6), end=date(2025, 10, 7))])


@pytest.mark.parametrize(
    "data",
    [
        _edited(FILE, b"PRODID:-//klplan//", b"PRODID:-//Other//"),  # another program
        FILE.replace(b"\r\n", b"\n"),  # saved with LF line endings
        _edited(FILE, b"\r\n ", b"\r\n\t"),  # folded with a tab
        _edited(FILE, b"END:VEVENT", b"BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT"),
        _edited(FILE, b"SUMMARY:", b"SUMMARY:Dubbel\r\nSUMMARY:"),  # a property twice
        _edited(
            FILE, b"DTSTART;TZID=Europe/Stockholm:20251001T150000", b"DTSTART:20251001T130000Z"
        ),
        _edited(FILE, b"TZOFFSETTO:+0100", b"TZOFFSETTO:+0000"),  # another zone definition
        _edited(FILE, b"LOCATION:", b"LOCATION;LANGUAGE=sv:"),  # a parameter
        _edited(FILE, b"SEQUENCE:0", b"SEQUENCE:-1"),
        _edited(FILE, b"URL:https://meet", b"URL:https:\\\\meet"),
        _edited(FILE, b"STATUS:", b"RRULE:FREQ=WEEKLY\r\nSTATUS:"),
    ],
    ids=[
        "prodid",
        "lf",
        "tab",
        "valarm",
        "twice",
        "utc",
        "vtimezone",
        "param",
        "sequence",
        "url",
        "rrule",
    ],
)
def test_files_not_laid_out_as_klplan_writes_them_are_read_by_icalendar(data):
    own, reference = both(data)
    assert own is None
    assert CalendarFile(*fields(parse_previous(data, "f"))) == reference


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + _edited(FILE, b"\r\nEND:VCALENDAR", b"\r\nX-LAST:1\r\nEND:VCALENDAR"),
        _edited(FILE, b"LOCATION:Rum 3", b"LOCATION:Rum\\N3\\:a\\x"),  # escapes klplan never writes
        _edited(FILE, b"SEQUENCE:0", b"SEQUENCE:0007"),
    ],
    ids=["bom-and-x-prop", "escapes", "sequence"],
)
def test_klplan_files_edited_within_its_layout_are_read_as_icalendar_reads_them(data):
    own, reference = both(data)
    assert own is not None
    assert own == reference
    assert CalendarFile(*fields(parse_previous(data, "f"))) == reference


def test_a_file_of_klplan_read_back_is_what_was_written():
    previous = parse_previous(FILE, "f")
    assert previous.by_klplan and previous.name == "Kalender"
    assert previous.events[EVENT.uid] == EVENT


def test_regenerating_over_a_first_run_gives_its_bytes_again(tmp_path):
    """What lets a regeneration leave a file that a first run would write as it is
    (cli/calendar_files._Same): over such files, every meeting keeps SEQUENCE 0 and
    nothing is cancelled, for varied plans, texts and options."""
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(30, groups_per_leader=3), "utf-8")
    outcome = varied(schedule_plan(load_plan(path)))
    for options in OPTIONS[::3]:
        first = assert_same(outcome, options)
        previous = {stem: parse_previous(data, stem) for stem, data in first.items()}
        assert assert_same(outcome, options, previous=previous) == first


def test_unchanged_events_keep_their_dtstamp_fast_and_plain_alike(tmp_path):
    """A regeneration on a later day (KLPLAN_TODAY before 1 July of the school year,
    so the stamp is the day's): the events that did not change keep the previous
    file's DTSTAMP, the changed and cancelled ones get the run's, in the fast writer
    as in the reference; both readers read the stamps alike."""
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(12, groups_per_leader=3), "utf-8")
    outcome = varied(schedule_plan(load_plan(path)))
    for base in (OPTIONS[0], OPTIONS[12]):  # plain; with breaks and preparation
        early = replace(base, dtstamp=None, today=date(2025, 3, 1))
        first = assert_same(outcome, early)
        assert all(b"DTSTAMP:20250301T000000Z" in data for data in first.values())
        for data in first.values():
            own, theirs = both(data)
            assert [e.stamp for e in own.events.values()] == [  # type: ignore[attr-defined]
                e.stamp
                for e in theirs.events.values()  # type: ignore[attr-defined]
            ]
        previous = {stem: parse_previous(data, stem) for stem, data in first.items()}
        later = replace(early, today=date(2025, 4, 1))
        fewer = replace(outcome, groups=outcome.groups[:-2])
        again = assert_same(fewer, later, previous=previous)
        kept = {s: d for s, d in again.items() if first.get(s) == d}
        assert kept and all(b"20250401" not in d for d in kept.values())
        changed = [d for s, d in again.items() if first.get(s) != d]
        assert changed and all(b"DTSTAMP:20250401T000000Z" in d for d in changed)
        # The calendar of all groups: the others' meetings keep their stamp.
        assert b"DTSTAMP:20250301T000000Z" in again[""] and b"20250401" in again[""]
