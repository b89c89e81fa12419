"""Calendar files (`klplan schedule --format ics`): what clients import, regeneration
that keeps UIDs and bumps SEQUENCE, `--check` for CI, and safe file names."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from klplan.cli.calendar_files import write_calendars
from klplan.core.filenames import safe_stem
from klplan.core.outcome import Leader
from klplan.core.weeks import IsoWeek
from klplan.loaders.calendars import load_calendar
from klplan.loaders.overrides import CalendarOverrides, ClosedDay
from klplan.render.ics import IcsOptions, holiday_calendar_bytes
from tests.conftest import check_golden, plan_for
from tests.ics_helpers import assert_wellformed, parse, parse_with_icaljs, two_groups

STHLM_2025 = ("-k", "Stockholm", "--start", "2025-W40", "--spring-start", "2026-W04")
# Without --spring-start parts simply follow on: dropping the last part moves no other.
STHLM_ON = ("-k", "Stockholm", "--start", "2025-W40")


def events_of(path: Path):
    return parse(path.read_bytes())[1]


def by_summary(events, fragment: str):
    (hit,) = [e for e in events if fragment in e.summary]
    return hit


# --- what a client imports ------------------------------------------------------------
def test_one_module_gives_two_vevents_per_part_at_the_scheduled_local_times(klplan, tmp_path):
    out = tmp_path / "samtal-om-text.ics"
    r = klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out))
    assert r.code == 0, r.err
    assert r.out == ""
    check_golden("schedule-stockholm-2025.ics", out.read_bytes())
    cal, events = parse(out.read_bytes())
    assert str(cal["METHOD"]) == "PUBLISH" and str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//klplan//klplan ")
    assert "X-WR-CALNAME" in cal and "NAME" in cal
    assert len(cal.walk("VTIMEZONE")) == 1

    plan = plan_for(start="2025-W40", spring_start="2026-W04")
    assert len(events) == 2 * plan.module.parts == 16
    for part in range(1, 9):
        b, d = plan.part_meetings(part)
        eb = by_summary(events, f"del {part}: kollegialt arbete (B)")
        ed = by_summary(events, f"del {part}: gemensam uppföljning (D)")
        assert (eb.start, eb.end) == (b.start, b.end)
        assert (ed.start, ed.end) == (d.start, d.end)
        assert eb.start.tzinfo is not None and eb.start.strftime("%H:%M") == "15:00"
    closed = {c.week for c in plan.closed_weeks}
    assert closed >= {IsoWeek(2025, 44), IsoWeek(2026, 9)}  # läslov, sportlov
    assert not [e for e in events if IsoWeek.of(e.start.date()) in closed]
    assert all(e.sequence == 0 and e.status == "CONFIRMED" for e in events)
    assert "ATTENDEE" not in out.read_text("utf-8")


def test_summary_and_description_say_what_to_do_before_the_meeting(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    r = klplan(
        "schedule",
        *STHLM_2025,
        "-f",
        "ics",
        "-o",
        str(out),
        "--location",
        "Aulan, Östra skolan",
        "--video-url",
        "https://meet.example.se/abc?x=1",
    )
    assert r.code == 0, r.err
    events = events_of(out)
    b = by_summary(events, "Samtal om text – del 3: kollegialt arbete (B)")
    assert "Före mötet (v. 45): A, individuell förberedelse, 45–60 min." in b.description
    assert "B, kollegialt arbete där gruppen planerar aktiviteten, 90–120 min" in b.description
    d = by_summary(events, "del 3: gemensam uppföljning (D)")
    assert "C, den planerade aktiviteten i den ordinarie undervisningen" in d.description
    assert b.location == "Aulan, Östra skolan"
    assert b.url == "https://meet.example.se/abc?x=1"


def test_english_summaries(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    assert klplan("--lang", "en", "schedule", *STHLM_2025, "-f", "ics", "-o", str(out)).code == 0
    events = events_of(out)
    assert by_summary(events, "Samtal om text – part 1: collegial work (B)")
    assert "Before the meeting (wk 40): A, individual preparation" in events[0].description


def test_every_calendar_passes_mozillas_ical_js(klplan, tmp_path):
    single = tmp_path / "single.ics"
    klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(single), "--include-preparation")
    directory = tmp_path / "kalendrar"
    directory.mkdir()
    outcome = two_groups()
    options = IcsOptions(include_breaks=True, invite=True)
    assert write_calendars(outcome, options, **_files(directory)) == 0
    holidays = tmp_path / "lov.ics"
    holidays.write_bytes(holiday_calendar_bytes(outcome.calendar, red_days=True))
    files = [single, holidays, *sorted(directory.iterdir())]
    assert len(files) == 5  # + grupp-ekorren, grupp-raven, ledare-anna
    seen = parse_with_icaljs(*files)
    for path in files:
        theirs = seen[str(path)]["events"]
        mine = events_of(path)
        assert len(theirs) == len(mine)
        for a, b in zip(theirs, mine, strict=True):
            assert a["uid"] == b.uid and a["summary"] == b.summary
            assert a["sequence"] == b.sequence
            if isinstance(b.start, datetime):
                # ical.js computes UTC from the file's own VTIMEZONE rules.
                assert a["tzid"] == "Europe/Stockholm"
                assert a["start"] == b.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
                assert a["end"] == b.end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            else:
                assert a["allDay"] and a["start"] == b.start.isoformat()
                assert a["end"] == b.end.isoformat()


def test_stdout_gets_the_calendar_as_bytes_with_crlf_only(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "klplan", "schedule", *STHLM_2025, "-f", "ics", "-o", "-"],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "KLPLAN_TODAY": "2026-11-23"},
    )
    assert r.returncode == 0, r.stderr
    assert_wellformed(r.stdout)  # no \r\r\n, no bare \n
    assert (
        r.stdout == (Path(__file__).parent / "golden" / "schedule-stockholm-2025.ics").read_bytes()
    )


# --- the same input gives the same bytes ------------------------------------------------
def test_two_runs_give_identical_bytes(klplan, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(first)).code == 0
    assert klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(second)).code == 0
    assert first.read_bytes() == second.read_bytes()
    # Regenerating over its own output changes nothing either.
    assert klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(first)).code == 0
    assert first.read_bytes() == second.read_bytes()


def test_dtstamp_is_derived_from_the_school_year_or_source_date_epoch(
    klplan, tmp_path, monkeypatch
):
    out = tmp_path / "plan.ics"
    assert klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out)).code == 0
    stamps = set(re.findall(rb"DTSTAMP:(\S+)\r\n", out.read_bytes()))
    assert stamps == {b"20250701T000000Z"}  # 1 July of school year 2025/26

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out)).code == 0
    stamps = set(re.findall(rb"DTSTAMP:(\S+)\r\n", out.read_bytes()))
    assert stamps == {b"20260101T000000Z"}

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "igår")
    r = klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out))
    assert r.code == 2 and "SOURCE_DATE_EPOCH: ogiltigt värde 'igår'" in r.err


def test_uids_come_from_identities_not_dates():
    a, b = two_groups(), two_groups(date(2025, 10, 1))
    from klplan.render.ics import single_target, target_events

    ua = [e.uid for e in target_events(a, single_target(a), IcsOptions())]
    ub = [e.uid for e in target_events(b, single_target(b), IcsOptions())]
    assert ua == ub and len(set(ua)) == len(ua)
    assert all(re.fullmatch(r"klplan-[0-9a-f]{16}@ostra-skolan\.klplan\.invalid", u) for u in ua)


# --- regeneration -------------------------------------------------------------------------
def test_moving_a_holiday_moves_the_meeting_keeps_its_uid_and_bumps_sequence(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    assert klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out)).code == 0
    before = events_of(out)
    # The school makes Wednesday 1 October a studiedag: del 1 B moves to Thursday.
    own = tmp_path / "kalender.yaml"
    own.write_text("closed_days:\n  - {date: 2025-10-01, reason: studiedag}\n", "utf-8")
    r = klplan("schedule", *STHLM_2025, "--calendar", str(own), "-f", "ics", "-o", str(out))
    assert r.code == 0, r.err
    assert "1 flyttade, 0 ändrade, 0 nya, 0 inställda" in r.err
    after = events_of(out)
    assert [e.uid for e in after] == [e.uid for e in before]
    moved = by_summary(after, "del 1: kollegialt arbete (B)")
    assert moved.uid == by_summary(before, "del 1: kollegialt arbete (B)").uid
    assert moved.start.date() == date(2025, 10, 2) and moved.sequence == 1
    assert "Flyttat från ons 1 okt 2025: studiedag." in moved.description
    assert [e.sequence for e in after].count(0) == 15

    # Unchanged input again: the same bytes, SEQUENCE not bumped twice.
    again = out.read_bytes()
    klplan("schedule", *STHLM_2025, "--calendar", str(own), "-f", "ics", "-o", str(out))
    assert out.read_bytes() == again

    # The studiedag is dropped again: the meeting moves back, SEQUENCE 2.
    assert klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out)).code == 0
    back = by_summary(events_of(out), "del 1: kollegialt arbete (B)")
    assert back.start.date() == date(2025, 10, 1) and back.sequence == 2


def own_module(tmp_path: Path, parts: int) -> Path:
    path = tmp_path / "moduler.yaml"
    path.write_text(
        "modules:\n"
        "  - id: var-egen-modul\n"
        "    title: Vår egen modul om bedömning\n"
        "    area: Egen\n"
        "    school_forms: [grundskola]\n"
        f"    parts: {parts}\n"
        "    source: Skolans egen\n",
        "utf-8",
    )
    return path


def test_a_removed_part_is_cancelled_and_stays_cancelled(klplan, tmp_path):
    out = tmp_path / "egen.ics"

    def run(parts: int, *extra: str):
        args = ("--modules", str(own_module(tmp_path, parts)), "-m", "var-egen-modul")
        return klplan("schedule", *STHLM_ON, *args, "-f", "ics", "-o", str(out), *extra)

    assert run(3).code == 0
    before = {e.uid: e for e in events_of(out)}
    r = run(2)
    assert r.code == 0, r.err
    events = events_of(out)
    assert len(events) == 6
    for e in events[:4]:  # parts 1 and 2: same UIDs and times ("Del 1 av 2" is new text)
        assert (e.start, e.status) == (before[e.uid].start, "CONFIRMED")
    cancelled = [e for e in events if e.status == "CANCELLED"]
    assert sorted(e.summary for e in cancelled) == [
        "Vår egen modul om bedömning – del 3: gemensam uppföljning (D)",
        "Vår egen modul om bedömning – del 3: kollegialt arbete (B)",
    ]
    assert all(e.sequence == 1 for e in cancelled)

    # A second regeneration keeps them cancelled (for clients that missed one),
    # unchanged: the same bytes.
    once = out.read_bytes()
    assert run(2).code == 0
    assert out.read_bytes() == once

    # Part 3 comes back: the same UIDs, confirmed again with a higher SEQUENCE.
    assert run(3).code == 0
    back = [e for e in events_of(out) if "del 3" in e.summary]
    assert {e.uid for e in back} == {e.uid for e in cancelled}
    assert {(e.status, e.sequence) for e in back} == {("CONFIRMED", 2)}


def test_meetings_of_an_earlier_school_year_are_not_cancelled(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    assert klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out)).code == 0
    r = klplan("schedule", "-k", "Stockholm", "--start", "2026-W38", "-f", "ics", "-o", str(out))
    assert r.code == 0, r.err
    events = events_of(out)
    assert len(events) == 16 and all(e.status == "CONFIRMED" for e in events)
    assert min(e.start for e in events).year == 2026


def _files(directory: Path | str, **kw):
    return {"output": directory, "previous": None, "check": False, "force": False, **kw}


def test_output_directory_has_a_file_per_group_and_per_leader(tmp_path, capsys):
    directory = tmp_path / "kalendrar"
    outcome = two_groups()
    assert write_calendars(outcome, IcsOptions(), **_files(f"{directory}/")) == 0
    names = sorted(p.name for p in directory.iterdir())
    assert names == ["grupp-ekorren.ics", "grupp-raven.ics", "ledare-anna.ics"]
    check_golden("ledare-anna.ics", (directory / "ledare-anna.ics").read_bytes())
    ekorren = events_of(directory / "grupp-ekorren.ics")
    raven = events_of(directory / "grupp-raven.ics")
    anna = events_of(directory / "ledare-anna.ics")
    assert len(ekorren) == 16 and len(raven) == 8
    assert len(anna) == 16 + 8 + 3  # both groups and the three check-ins
    assert {e.uid for e in ekorren} | {e.uid for e in raven} < {e.uid for e in anna}
    # In the leader's calendar each meeting says which group it is for.
    assert by_summary(anna, "Läsa och berätta – del 1: kollegialt arbete (B) · Räven")
    checkins = [e for e in anna if e.summary == "Avstämning med rektor – Anna Öberg"]
    assert [e.start.strftime("%Y-%m-%d %H:%M") for e in checkins] == [
        "2025-09-15 10:00",
        "2025-11-17 10:00",
        "2026-02-02 10:00",
    ]
    first = by_summary(ekorren, "del 1: kollegialt arbete (B)")
    assert first.location == "Rum 12, Östra skolan"
    assert first.url == "https://meet.example.se/ekorren"
    assert by_summary(raven, "del 1: kollegialt arbete (B)").start.strftime("%a %H:%M") == (
        "Thu 14:30"
    )


def test_a_removed_group_is_cancelled_in_its_own_file_and_the_leaders(tmp_path, capsys):
    directory = tmp_path / "kalendrar"
    directory.mkdir()
    assert write_calendars(two_groups(), IcsOptions(), **_files(directory)) == 0
    assert write_calendars(two_groups(groups=("ekorren",)), IcsOptions(), **_files(directory)) == 0
    raven = events_of(directory / "grupp-raven.ics")
    assert len(raven) == 8 and {(e.status, e.sequence) for e in raven} == {("CANCELLED", 1)}
    anna = events_of(directory / "ledare-anna.ics")
    assert [e.status for e in anna].count("CANCELLED") == 8
    assert "grupp-raven.ics: 0 flyttade, 0 ändrade, 0 nya, 8 inställda" in capsys.readouterr().err


def test_regeneration_leaves_the_files_that_do_not_change_as_they_are(tmp_path, capsys):
    """A nightly run rewrites only the calendars that changed: the others keep their
    inode and modification time (servers and sync tools see no change)."""
    directory = tmp_path / "kalendrar"
    directory.mkdir()
    assert write_calendars(two_groups(), IcsOptions(), **_files(directory)) == 0
    before = {
        p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in directory.iterdir()
    }
    for p in directory.iterdir():  # an old time, so that a rewrite would show
        os.utime(p, ns=(10**18, 10**18))
    assert write_calendars(two_groups(), IcsOptions(), **_files(directory)) == 0
    after = {
        p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in directory.iterdir()
    }
    assert after == {name: (ino, 10**18, data) for name, (ino, _, data) in before.items()}

    assert write_calendars(two_groups(groups=("ekorren",)), IcsOptions(), **_files(directory)) == 0
    changed = {p.name for p in directory.iterdir() if p.stat().st_mtime_ns != 10**18}
    assert changed == {"grupp-raven.ics", "ledare-anna.ics"}  # Räven's meetings cancelled
    assert (directory / "grupp-ekorren.ics").read_bytes() == before["grupp-ekorren.ics"][2]


def test_a_calendar_klplan_would_write_afresh_is_not_read_back(tmp_path, monkeypatch):
    """Files with exactly the bytes of a first run are left unread (nothing to carry
    over); one that differs is read back and reconciled; with --previous, every file."""
    from klplan.loaders import previous_ics

    directory = tmp_path / "kalendrar"
    directory.mkdir()
    assert write_calendars(two_groups(), IcsOptions(), **_files(directory)) == 0
    read: list[str] = []
    parse = previous_ics.parse_previous
    monkeypatch.setattr(
        previous_ics, "parse_previous", lambda raw, name: read.append(name) or parse(raw, name)
    )
    assert write_calendars(two_groups(), IcsOptions(), **_files(directory, check=True)) == 0
    assert write_calendars(two_groups(), IcsOptions(), **_files(directory)) == 0
    assert read == []
    moved = two_groups(date(2025, 10, 1))  # a closed day moves one of Ekorren's meetings
    assert write_calendars(moved, IcsOptions(), **_files(directory)) == 0
    assert sorted(Path(name).name for name in read) == ["grupp-ekorren.ics", "ledare-anna.ics"]
    assert "SEQUENCE:1" in (directory / "grupp-ekorren.ics").read_text("utf-8")
    read.clear()
    args = _files(directory, previous=directory)
    assert write_calendars(moved, IcsOptions(), **args) == 0
    assert {Path(name).name for name in read} == {p.name for p in directory.iterdir()}


@pytest.mark.parametrize(
    "hostile",
    [
        "../../etc/passwd",
        "..",
        ".",
        "",
        "CON",
        "nul",
        "a/b\\c:d*e?f",
        "\x00evil\r\nname",
        "Åsa Öberg",
        "x" * 500,
        "🐿️",
        "Grupp A",
        "grupp-a",
    ],
)
def test_file_names_from_hostile_ids_stay_inside_the_directory(tmp_path, hostile, capsys):
    outcome = two_groups()
    g1, g2 = outcome.groups
    outcome = replace(
        outcome,
        groups=(replace(g1, id=hostile, leader=hostile), replace(g2, id="grupp-a", leader="x")),
        leaders=(Leader(hostile, "Hostile"),),
        checkins=(),
    )
    directory = tmp_path / "ut"
    directory.mkdir()
    assert write_calendars(outcome, IcsOptions(), **_files(directory)) == 0
    names = sorted(p.name for p in directory.iterdir())
    assert len(names) == 4, names  # two groups, two leaders, all distinct
    assert all(re.fullmatch(r"(grupp|ledare)-[a-z0-9_-]{1,70}\.ics", n) for n in names), names
    assert list(tmp_path.iterdir()) == [directory]


def test_safe_stem_never_gives_a_device_name_a_separator_or_dots():
    for text in ("CON", "com1", "LPT9", "aux", "../x", "a..b", "/", "\\\\server\\share"):
        stem = safe_stem(text)
        assert stem.split(".")[0] not in {"con", "com1", "lpt9", "aux"}
        assert re.fullmatch(r"[a-z0-9_-]+", stem), stem


# --- --check ------------------------------------------------------------------------------
def test_check_exits_0_when_up_to_date_and_4_with_a_listing_when_not(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    r = klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out), "--check")
    assert r.code == 4 and "plan.ics: saknas (16 händelser skulle skrivas)" in r.out
    assert not out.exists()

    assert klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out)).code == 0
    written = out.read_bytes()
    r = klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out), "--check")
    assert r.code == 0, r.out + r.err
    assert r.out == "" and "kalenderfilerna är aktuella (1 st)" in r.err

    own = tmp_path / "kalender.yaml"
    own.write_text("closed_days:\n  - {date: 2025-10-01, reason: studiedag}\n", "utf-8")
    r = klplan(
        "schedule", *STHLM_2025, "--calendar", str(own), "-f", "ics", "-o", str(out), "--check"
    )
    assert r.code == 4
    assert r.out.splitlines() == [
        f"{out}: ändrad",
        "  flyttad: Samtal om text – del 1: kollegialt arbete (B): "
        "ons 1 okt 2025 15:00–16:30 → tor 2 okt 2025 15:00–16:30",
    ]
    assert out.read_bytes() == written  # --check writes nothing
    assert list(tmp_path.iterdir()) == sorted([out, own]) or set(tmp_path.iterdir()) == {out, own}


def test_check_lists_removed_and_added_meetings(klplan, tmp_path):
    out = tmp_path / "egen.ics"
    args = ("-m", "var-egen-modul", "-f", "ics", "-o", str(out))
    assert klplan("schedule", *STHLM_ON, "--modules", str(own_module(tmp_path, 2)), *args).code == 0
    r = klplan("schedule", *STHLM_ON, "--modules", str(own_module(tmp_path, 1)), *args, "--check")
    assert r.code == 4
    assert (
        "  borttagen (STATUS:CANCELLED): Vår egen modul om bedömning – del 2: kollegialt " in r.out
    )
    r = klplan("schedule", *STHLM_ON, "--modules", str(own_module(tmp_path, 3)), *args, "--check")
    assert "  ny: Vår egen modul om bedömning – del 3: gemensam uppföljning (D): " in r.out


def test_check_in_a_directory_reports_every_file(tmp_path, capsys):
    directory = tmp_path / "kalendrar"
    directory.mkdir()
    assert write_calendars(two_groups(), IcsOptions(), **_files(directory)) == 0
    assert write_calendars(two_groups(), IcsOptions(), **_files(directory, check=True)) == 0
    moved = two_groups(date(2025, 10, 1))
    assert write_calendars(moved, IcsOptions(), **_files(directory, check=True)) == 4
    out = capsys.readouterr().out
    assert f"{directory / 'grupp-ekorren.ics'}: ändrad" in out
    assert f"{directory / 'ledare-anna.ics'}: ändrad" in out
    assert "grupp-raven.ics" not in out


# --- safety ---------------------------------------------------------------------------------
def test_a_file_klplan_did_not_write_is_not_overwritten_without_force(klplan, tmp_path):
    out = tmp_path / "viktig.ics"
    out.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft//Outlook//EN\r\nEND:VCALENDAR\r\n"
    )
    precious = out.read_bytes()
    r = klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out))
    assert r.code == 3
    assert f"{out}: filen finns redan och är inte skriven av klplan" in r.err
    assert "--force" in r.err and len(r.err.strip().splitlines()) == 1  # the error alone
    assert out.read_bytes() == precious
    notes = tmp_path / "anteckningar.txt"
    notes.write_text("inte en kalender", "utf-8")
    assert klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(notes)).code == 3
    r = klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out), "--check")
    assert r.code == 4 and "inte skriven av klplan" in r.out  # --check only reports
    assert out.read_bytes() == precious
    r = klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(out), "--force")
    assert r.code == 0
    assert len(events_of(out)) == 16


@pytest.mark.parametrize(
    "args,code,fragment",
    [
        (["--check"], 2, "--check: gäller bara --format ics"),
        (["--include-breaks", "-f", "json"], 2, "--include-breaks: gäller bara --format ics"),
        (["-f", "ics", "--video-url", "javascript:alert(1)"], 2, "--video-url: ogiltig adress"),
        (["-f", "ics", "--video-url", "https://x.se/a b"], 2, "--video-url"),
        (["-f", "ics", "--check"], 2, "--check jämför med filer"),
        (["-f", "ics", "--invite"], 2, "--invite: ingen ledare i planen har en e-postadress"),
        (["-f", "ics", "--previous", "saknas.ics"], 3, "saknas.ics: filen finns inte"),
        (["-f", "vcs"], 2, "--format"),
    ],
)
def test_bad_calendar_flags_give_one_line_and_write_nothing(klplan, tmp_path, args, code, fragment):
    os.chdir(tmp_path)
    r = klplan("schedule", "--start", "2026-W49", *args)
    assert r.code == code, r.err
    assert fragment in r.err
    assert "Traceback" not in r.err
    assert r.out == ""
    assert list(tmp_path.iterdir()) == []


def test_a_previous_file_that_is_not_a_calendar_is_an_error(klplan, tmp_path):
    previous = tmp_path / "gammal.ics"
    previous.write_text("det här är ingen kalender\n", "utf-8")
    out = tmp_path / "ny.ics"
    r = klplan("schedule", "-f", "ics", "--previous", str(previous), "-o", str(out))
    assert r.code == 1
    assert f"{previous}: kan inte läsa filen som iCalendar" in r.err
    assert not out.exists()


def test_previous_file_sets_the_sequences_of_a_new_output(klplan, tmp_path):
    old = tmp_path / "gammal.ics"
    own = tmp_path / "kalender.yaml"
    own.write_text("closed_days:\n  - {date: 2025-10-01, reason: studiedag}\n", "utf-8")
    assert klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(old)).code == 0
    new = tmp_path / "ny.ics"
    r = klplan(
        "schedule", *STHLM_2025, "--calendar", str(own), "-f", "ics",
        "--previous", str(old), "-o", str(new),
    )  # fmt: skip
    assert r.code == 0, r.err
    assert by_summary(events_of(new), "del 1: kollegialt arbete (B)").sequence == 1


# --- invitations, extras, the holiday feed ------------------------------------------------
def test_invitations_only_when_asked_for(tmp_path, capsys):
    plain, invite = tmp_path / "plain", tmp_path / "invite"
    plain.mkdir(), invite.mkdir()
    write_calendars(two_groups(), IcsOptions(), **_files(plain))
    write_calendars(two_groups(), IcsOptions(invite=True), **_files(invite))
    assert b"ATTENDEE" not in (plain / "ledare-anna.ics").read_bytes()
    text = (invite / "grupp-ekorren.ics").read_bytes()
    assert b'ORGANIZER;CN="Anna \xc3\x96berg":mailto:anna.oberg@example.se\r\n' in text
    assert b'ATTENDEE;CN="Anna \xc3\x96berg";ROLE=CHAIR:mailto:anna.oberg@example.se' in text
    assert b"\r\nMETHOD:REQUEST\r\n" in text  # an invitation (RFC 5546), not a feed
    assert b"\r\nMETHOD:PUBLISH\r\n" in (plain / "grupp-ekorren.ics").read_bytes()
    parse(text)


def test_breaks_and_preparation_as_all_day_items(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    r = klplan(
        "schedule", *STHLM_2025, "-f", "ics", "-o", str(out),
        "--include-breaks", "--include-preparation",
    )  # fmt: skip
    assert r.code == 0, r.err
    events = events_of(out)
    lov = {e.summary: (e.start, e.end) for e in events if e.summary.endswith("lov")}
    assert lov == {
        "Läslov": (date(2025, 10, 27), date(2025, 11, 3)),  # DTEND exclusive
        "Jullov": (date(2025, 12, 20), date(2026, 1, 7)),
        "Sportlov": (date(2026, 2, 23), date(2026, 3, 2)),
        "Påsklov": (date(2026, 4, 6), date(2026, 4, 13)),
    }
    a = by_summary(events, "del 1: individuell förberedelse (A)")
    b = by_summary(events, "del 1: kollegialt arbete (B)")
    assert (a.start, a.end) == (date(2025, 9, 29), b.start.date() + timedelta(days=1))
    c = by_summary(events, "del 1: aktivitet (C)")
    d = by_summary(events, "del 1: gemensam uppföljning (D)")
    assert (c.start, c.end) == (date(2025, 10, 6), d.start.date() + timedelta(days=1))
    assert len([e for e in events if isinstance(e.start, datetime)]) == 16


def test_lov_weeks_in_a_row_are_one_event_and_a_closed_day_is_its_own():
    from klplan.loaders.calendars import Span, YearFacts

    facts = YearFacts(
        school_year="2025/26",
        ht=Span(start=date(2025, 8, 18), end=date(2025, 12, 19)),
        vt=Span(start=date(2026, 1, 8), end=date(2026, 6, 12)),
        laslov_weeks=(43, 44),
        sportlov_weeks=(9,),
    )
    overrides = CalendarOverrides(
        school_years=(facts,), closed_days=(ClosedDay(date=date(2025, 9, 26), reason="studiedag"),)
    )
    calendar = load_calendar(2025, overrides=overrides).calendar
    events = parse(holiday_calendar_bytes(calendar))[1]
    spans = {e.summary: (e.start, e.end) for e in events}
    assert spans["Läslov"] == (date(2025, 10, 20), date(2025, 11, 3))
    assert spans["Studiedag"] == (date(2025, 9, 26), date(2025, 9, 27))
    assert "Påsklov" not in spans and "Sommarlov" not in spans  # none given; one year


def test_school_holiday_feed(tmp_path):
    calendar = load_calendar(2025, years=2, kommun="Stockholm").calendar
    data = holiday_calendar_bytes(calendar)
    check_golden("lov-stockholm-2025-2027.ics", data)
    assert data == holiday_calendar_bytes(calendar)
    cal, events = parse(data)
    assert not cal.walk("VTIMEZONE")
    summaries = [e.summary for e in events]
    assert summaries.count("Sommarlov") == 1  # between the two school years
    assert summaries.count("Läslov") == summaries.count("Jullov") == 2
    assert all(not isinstance(e.start, datetime) and e.end > e.start for e in events)
    with_red = parse(holiday_calendar_bytes(calendar, red_days=True))[1]
    assert "Kristi himmelsfärdsdag" in {e.summary for e in with_red}
