"""Calendar files as Outlook, Google Calendar and Apple Calendar export them, holding
klplan's own meetings (the same UIDs, with each client's own properties, folding and
time zones) and one event of the client's own, read back as the file a regeneration
replaces (``--previous``). The files are in tests/fixtures/clients (README.md there
says what each is written from)."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from klplan.loaders.previous_ics import parse_previous
from klplan.render.ics import OWN_UID
from tests.conftest import GOLDEN
from tests.ics_helpers import assert_wellformed, icaljs_available, parse, parse_with_icaljs
from tests.test_ics_calendars import STHLM_2025

CLIENTS = Path(__file__).parent / "fixtures" / "clients"
# The three meetings of schedule-stockholm-2025.ics each client file holds, the event
# of the client's own, and the SEQUENCE each has there.
OWN = (
    "klplan-cd5b52d90624d8c1@klplan.invalid",  # del 1 B, 1 Oct 2025 15:00 (CEST)
    "klplan-780b77323b5c2bb4@klplan.invalid",  # del 1 D, 8 Oct
    "klplan-1e25de6297d16ba2@klplan.invalid",  # del 3 B, 5 Nov 15:00 (CET)
)
FILES = {
    "outlook.ics": (
        "040000008200E00074C5B7101A82E00800000000D0A1C3F0B94ADC01000000000000000010000000"
        "A4F9C2E3B1D04F4C8E3A2B1C0D9E8F7A",
        (0, 1, 2),
    ),
    "google.ics": ("2q8v1d0c9b7k3m5n6p4r2s1t0u@google.com", (0, 2, 1)),
    "apple.ics": ("5E6F7A8B-9C0D-4E1F-A2B3-C4D5E6F7A8B9", (1, 0, 4)),
}
clients = pytest.mark.parametrize("name", sorted(FILES))


def sequences(data: bytes) -> dict[str, tuple[str, int]]:
    """Each event's STATUS and SEQUENCE, by UID."""
    return {e.uid: (e.status, e.sequence) for e in parse(data)[1]}


@clients
def test_each_client_file_is_a_calendar_icalendar_reads(name):
    raw = (CLIENTS / name).read_bytes()
    cal = icalendar.Calendar.from_ical(raw)
    assert cal.name == "VCALENDAR"
    events = cal.walk("VEVENT")
    assert {str(e["UID"]) for e in events} == {*OWN, FILES[name][0]}
    assert_wellformed(raw)
    if icaljs_available():  # Thunderbird's parser, by the file's own VTIMEZONE
        read = parse_with_icaljs(CLIENTS / name)[str(CLIENTS / name)]
        starts = {e["uid"]: e["start"] for e in read["events"]}
        assert [starts[uid] for uid in OWN] == [
            "2025-10-01T13:00:00.000Z",
            "2025-10-08T13:00:00.000Z",
            "2025-11-05T14:00:00.000Z",
        ]


@clients
def test_the_regeneration_reads_klplans_meetings_in_a_client_file_at_their_times(name):
    """The client's time zones (Outlook's ``W. Europe Standard Time`` with its own
    VTIMEZONE, Google's UTC, Apple's ``Europe/Stockholm``) give the very instants
    klplan wrote, either side of the end of summer time; the client's own event is
    read as any other, and the file is not taken for klplan's."""
    raw = (CLIENTS / name).read_bytes()
    previous = parse_previous(raw, name)
    own = parse_previous((GOLDEN / "schedule-stockholm-2025.ics").read_bytes(), "golden")
    foreign, numbers = FILES[name]
    assert not previous.by_klplan
    assert previous.name == own.name
    assert set(previous.events) == {*OWN, foreign}
    assert not OWN_UID.fullmatch(foreign)
    for uid, number in zip(OWN, numbers, strict=True):
        event, mine = previous.events[uid], own.events[uid]
        assert (event.start, event.end, event.summary) == (mine.start, mine.end, mine.summary)
        assert event.sequence == number
    assert parse_previous(raw, name) == previous  # the same file, the same reading


@clients
def test_a_schedule_over_a_client_file_carries_its_sequences_and_cancels_its_event_once(
    name, klplan, tmp_path
):
    """The client's re-export differs from what klplan wrote (its TRANSP:OPAQUE;
    Outlook drops STATUS and ends a description in a line break): klplan's meetings
    are recognised by UID and take the client's SEQUENCE + 1, the other meetings
    are new; the client's own event is cancelled once (SEQUENCE + 1) and left out of
    the next file regenerated from that one. Runs give the same bytes."""
    fixture, foreign_sequence = CLIENTS / name, 0
    first, again, second = (tmp_path / f"{n}.ics" for n in ("first", "again", "second"))
    r = klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(first), "--previous", str(fixture))
    assert r.code == 0, r.err
    assert "0 flyttade, 3 ändrade, 13 nya, 1 inställda möten" in r.err
    foreign, numbers = FILES[name]
    got = sequences(first.read_bytes())
    assert [got[uid] for uid in OWN] == [("CONFIRMED", n + 1) for n in numbers]
    assert got[foreign] == ("CANCELLED", foreign_sequence + 1)
    assert sorted(s for uid, (_, s) in got.items() if uid not in (*OWN, foreign)) == [0] * 13

    r = klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(again), "--previous", str(fixture))
    assert r.code == 0, r.err
    assert again.read_bytes() == first.read_bytes()

    r = klplan("schedule", *STHLM_2025, "-f", "ics", "-o", str(second), "--previous", str(first))
    assert r.code == 0, r.err
    assert "jämfört med förra filen" not in r.err  # nothing changed: no summary
    assert sequences(second.read_bytes()) == {
        uid: value for uid, value in got.items() if uid != foreign
    }
