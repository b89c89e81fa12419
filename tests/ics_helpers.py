"""Checks every generated calendar must pass (the byte-level rules of RFC 5545 and
three independent parsers: icalendar, vobject with validation, Mozilla's ical.js), and
a two-group plan built the way a plan file will build one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from klplan.core.models import Slot
from klplan.core.outcome import CheckIn, GroupPlan, Leader, ScheduleOutcome
from klplan.core.scheduler import SchoolWeeks, schedule_module
from klplan.core.weeks import IsoWeek
from klplan.loaders.calendars import load_calendar
from klplan.loaders.catalog import load_cadences, load_catalog
from klplan.loaders.overrides import CalendarOverrides, ClosedDay

ROOT = Path(__file__).resolve().parent.parent
# `.ci/run` installs ical.js here (npm install --no-save --prefix .ci/node ical.js);
# KLPLAN_ICALJS points elsewhere (the package directory).
ICALJS = Path(os.environ.get("KLPLAN_ICALJS", ROOT / ".ci" / "node" / "node_modules" / "ical.js"))
ICALJS_SCRIPT = Path(__file__).parent / "icaljs_parse.mjs"


def assert_wellformed(data: bytes) -> None:
    """CRLF line ends only, every line at most 75 octets, UTF-8 without BOM."""
    assert not data.startswith(b"\xef\xbb\xbf"), "file starts with a BOM"
    data.decode("utf-8")  # raises on invalid UTF-8
    assert data.endswith(b"\r\n"), "file does not end with CRLF"
    assert b"\r\r" not in data, "\\r\\r in file"
    assert data.count(b"\n") == data.count(b"\r\n"), "bare LF in file"
    assert data.count(b"\r") == data.count(b"\r\n"), "bare CR in file"
    for n, line in enumerate(data.split(b"\r\n")[:-1], start=1):
        assert len(line) <= 75, f"line {n} has {len(line)} octets: {line!r}"
        line.decode("utf-8")  # no line ends inside a UTF-8 sequence
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")


@dataclass(frozen=True)
class Parsed:
    """An event as icalendar reads it (vobject agreed on UID, times and text)."""

    uid: str
    summary: str
    start: date
    end: date
    sequence: int
    status: str | None
    description: str | None
    location: str | None
    url: str | None


def parse(data: bytes) -> tuple[object, list[Parsed]]:
    """Parse with icalendar and vobject (validating); both must agree on every event."""
    import icalendar
    import vobject

    assert_wellformed(data)
    cal = icalendar.Calendar.from_ical(data)
    events = [
        Parsed(
            uid=str(e["UID"]),
            summary=str(e["SUMMARY"]),
            start=e.decoded("DTSTART"),
            end=e.decoded("DTEND"),
            sequence=int(e.get("SEQUENCE", 0)),
            status=str(e["STATUS"]) if "STATUS" in e else None,
            description=str(e["DESCRIPTION"]) if "DESCRIPTION" in e else None,
            location=str(e["LOCATION"]) if "LOCATION" in e else None,
            url=str(e["URL"]) if "URL" in e else None,
        )
        for e in cal.walk("VEVENT")
    ]
    assert len({e.uid for e in events}) == len(events), "duplicate UIDs"

    vcal = vobject.readOne(data.decode("utf-8"), validate=True)
    assert vcal.validate(raiseException=True)
    vevents = list(getattr(vcal, "vevent_list", []))
    assert len(vevents) == len(events)
    for ours, theirs in zip(events, vevents, strict=True):
        assert theirs.uid.value == ours.uid
        assert theirs.summary.value == ours.summary
        assert _same_time(theirs.dtstart.value, ours.start), (ours.uid, theirs.dtstart.value)
        assert _same_time(theirs.dtend.value, ours.end)
        if ours.description is not None:
            assert theirs.description.value == ours.description
        if ours.location is not None:
            assert theirs.location.value == ours.location
    return cal, events


def _same_time(a: date, b: date) -> bool:
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a == b and a.utcoffset() == b.utcoffset()
    return a == b and not isinstance(a, datetime) and not isinstance(b, datetime)


def icaljs_available() -> bool:
    return shutil.which("node") is not None and (ICALJS / "dist" / "ical.js").is_file()


def parse_with_icaljs(*files: Path) -> dict[str, dict]:
    """What Mozilla's ical.js (Thunderbird's parser) reads from the files; skips the
    test when Node or the ical.js package is not installed."""
    if not icaljs_available():
        pytest.skip(f"node or ical.js not installed (looked in {ICALJS}; see .ci/run)")
    r = subprocess.run(
        ["node", str(ICALJS_SCRIPT), str(ICALJS), *map(str, files)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def two_groups(*closed: date, groups: tuple[str, ...] = ("ekorren", "raven")) -> ScheduleOutcome:
    """Östra skolan: Anna leads two groups, Ekorren (Samtal om text, Wednesdays) and
    Räven (Läsa och berätta monthly, Thursdays 14:30), and meets the principal
    three times. Built the way a plan file will build it."""
    overrides = CalendarOverrides(closed_days=tuple(ClosedDay(date=d) for d in closed))
    calendar = load_calendar(2025, kommun="Stockholm", overrides=overrides).calendar
    catalog, cadences = load_catalog(), load_cadences()
    ekorren = schedule_module(
        catalog.get("samtal-om-text"),
        cadences["intensiv"],
        SchoolWeeks(calendar, 2),
        Slot(weekday=2),
        IsoWeek(2025, 40),
        IsoWeek(2026, 4),
    )
    raven = schedule_module(
        catalog.get("lasa-och-beratta"),
        cadences["manadsvis"],
        SchoolWeeks(calendar, 3),
        Slot(weekday=3, time=time(14, 30), duration_minutes=60),
        IsoWeek(2025, 38),
    )
    all_groups = {
        "ekorren": GroupPlan(
            "ekorren",
            (ekorren,),
            name="Ekorren, åk 7–9",
            leader="anna",
            participants=6,
            location="Rum 12, Östra skolan",
            video_url="https://meet.example.se/ekorren",
        ),
        "raven": GroupPlan("raven", (raven,), name="Räven", leader="anna", participants=7),
    }
    tz = Slot().timezone
    checkins = tuple(
        CheckIn(
            "anna",
            IsoWeek.of(day),
            day,
            datetime.combine(day, time(10), ZoneInfo(tz)),
            datetime.combine(day, time(10, 45), ZoneInfo(tz)),
            n,
        )
        for n, day in enumerate((date(2025, 9, 15), date(2025, 11, 17), date(2026, 2, 2)), 1)
    )
    return ScheduleOutcome(
        groups=tuple(all_groups[g] for g in groups),
        calendar=calendar,
        school_year=2025,
        start=IsoWeek(2025, 38),
        spring_start=None,
        leaders=(Leader("anna", "Anna Öberg", "anna.oberg@example.se"),),
        checkins=checkins,
        plan_id="ostra-skolan",
    )
