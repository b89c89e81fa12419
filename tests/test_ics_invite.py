"""Real invitations (``--invite``): METHOD:REQUEST calendars with the leader as
ORGANIZER of the group's meetings and the leader and participants (listed with
e-mail in the plan) as ATTENDEEs, the principal as ORGANIZER of the check-ins, and
removed meetings in a METHOD:CANCEL calendar of their own; PUBLISH files carry no
people. Read back with icalendar, vobject and Mozilla's ical.js."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from tests.ics_helpers import parse, parse_with_icaljs
from tests.plan_helpers import plan_text, write_plan

BASE = """\
schema: 1
plan: {id: testplan, name: Testplan}
school: {name: Testskolan, principal: Rut Rektor, email: rut.rektor@skolan.se}
kommun: Stockholm
school_years: [2025/26]
leaders:
  - {id: anna, name: Anna Öberg, email: anna@skolan.se}
  - {id: bo, name: Bo Berg}
checkins: {every_weeks: 6}
"""
GROUPS = """\
- id: grupp-1
  leader: anna
  module: samtal-om-text
  participants:
    - {name: Åsa Ek, email: asa.ek@skolan.se}
    - {name: Per Lind, email: per.lind@skolan.se}
    - Lisa utan e-post
- {id: fritids, participants: 6, leader: bo, module: samtal-om-text}
"""


def people(component: icalendar.cal.Component) -> tuple[str, list[tuple[str, str]]]:
    organizer = str(component.get("ORGANIZER", ""))
    attendees = component.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    return organizer, [(str(a), str(a.params.get("ROLE", ""))) for a in attendees]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return write_plan(tmp_path, plan_text(GROUPS, base=BASE))


def run(klplan, plan: Path, out: Path, *extra: str):
    return klplan("schedule", str(plan), "-f", "ics", "-o", f"{out}/", *extra)


def test_invitations_name_organizer_and_attendees(klplan, plan, tmp_path):
    out = tmp_path / "kal"
    r = run(klplan, plan, out, "--invite")
    assert r.code == 0, r.err
    assert "Fritids" in r.err or "fritids" in r.err  # bo has no e-mail: warned
    group = (out / "grupp-1.ics").read_bytes()
    cal, events = parse(group)  # icalendar and vobject agree
    assert str(cal["METHOD"]) == "REQUEST" and events
    for e in cal.walk("VEVENT"):
        assert people(e) == (
            "mailto:anna@skolan.se",
            [
                ("mailto:anna@skolan.se", "CHAIR"),
                ("mailto:asa.ek@skolan.se", "REQ-PARTICIPANT"),
                ("mailto:per.lind@skolan.se", "REQ-PARTICIPANT"),
            ],
        )
    assert b'ATTENDEE;CN="\xc3\x85sa Ek";ROLE=REQ-PARTICIPANT:mailto:asa.ek@skolan.se' in group
    leader = (out / "ledare-anna.ics").read_bytes()
    cal, _ = parse(leader)
    checkins = [e for e in cal.walk("VEVENT") if "Avstämning" in str(e["SUMMARY"])]
    assert checkins
    for e in checkins:  # the principal calls the check-in; the leader attends
        assert people(e) == (
            "mailto:rut.rektor@skolan.se",
            [
                ("mailto:rut.rektor@skolan.se", "CHAIR"),
                ("mailto:anna@skolan.se", "REQ-PARTICIPANT"),
            ],
        )
        assert e["ORGANIZER"].params["CN"] == "Rut Rektor"
    seen = parse_with_icaljs(out / "grupp-1.ics", out / "ledare-anna.ics")
    assert len(seen[str(out / "grupp-1.ics")]["events"]) == len(events)


def test_feeds_without_invite_carry_no_people(klplan, plan, tmp_path):
    out = tmp_path / "kal"
    assert run(klplan, plan, out).code == 0
    for path in out.iterdir():
        data = path.read_bytes()
        assert b"\r\nMETHOD:PUBLISH\r\n" in data
        assert b"ATTENDEE" not in data and b"ORGANIZER" not in data and b"mailto:" not in data


def test_removed_meetings_are_cancelled_in_a_calendar_of_their_own(klplan, plan, tmp_path):
    out = tmp_path / "kal"
    assert run(klplan, plan, out, "--invite").code == 0
    before = {e.uid for e in parse((out / "grupp-1.ics").read_bytes())[1]}
    # The group changes module: every meeting of the old one is removed.
    Path(plan).write_text(
        plan_text(GROUPS.replace("samtal-om-text", "fritidshemmets-uppdrag", 1), base=BASE), "utf-8"
    )
    r = run(klplan, plan, out, "--invite")
    assert r.code == 0, r.err
    request = (out / "grupp-1.ics").read_bytes()
    cal, now = parse(request)
    assert str(cal["METHOD"]) == "REQUEST"
    assert not {e.uid for e in now} & before
    assert all(e.status != "CANCELLED" for e in now)  # no CANCELLED in a REQUEST
    cancel = (out / "grupp-1.avbokade.ics").read_bytes()
    cal, gone = parse(cancel)
    assert str(cal["METHOD"]) == "CANCEL" and cancel.count(b"BEGIN:VCALENDAR") == 1
    assert {e.uid for e in gone} == before
    assert {(e.status, e.sequence) for e in gone} == {("CANCELLED", 1)}
    for e in cal.walk("VEVENT"):
        organizer, attendees = people(e)
        assert organizer == "mailto:anna@skolan.se"
        assert ("mailto:asa.ek@skolan.se", "REQ-PARTICIPANT") in attendees
    parse_with_icaljs(out / "grupp-1.avbokade.ics")
    # The cancellations are not a calendar of a group that is gone, nor read as one.
    again = run(klplan, plan, out, "--invite")
    assert again.code == 0, again.err
    assert not (out / "grupp-1.avbokade.avbokade.ics").exists()
    assert parse((out / "grupp-1.avbokade.ics").read_bytes())[0]["METHOD"] == "CANCEL"


def test_cancellations_on_stdout_follow_as_a_second_calendar(klplan, plan, tmp_path):
    first = tmp_path / "plan.ics"
    args = ("schedule", str(plan), "-f", "ics", "--invite")
    assert klplan(*args, "-o", str(first)).code == 0
    Path(plan).write_text(
        plan_text(GROUPS.replace("samtal-om-text", "fritidshemmets-uppdrag", 1), base=BASE), "utf-8"
    )
    r = klplan(*args, "--previous", str(first))
    assert r.code == 0, r.err
    calendars = icalendar.Calendar.from_ical(r.out, multiple=True)
    assert [str(c["METHOD"]) for c in calendars] == ["REQUEST", "CANCEL"]


@pytest.mark.parametrize(
    "old,new,expected",
    [
        (
            "{name: Åsa Ek, email: asa.ek@skolan.se}",
            "{name: Åsa Ek, email: asa.ek at skolan.se}",
            "plan.yaml:15:7: groups[0].participants: deltagare 1: ogiltig e-postadress "
            "'asa.ek at skolan.se': förväntade namn@domän.se",
        ),
        (
            "email: anna@skolan.se}",
            "email: anna@skolan}",
            "plan.yaml:7:41: leaders[0].email: ogiltig e-postadress 'anna@skolan': "
            "förväntade namn@domän.se",
        ),
        (
            "email: rut.rektor@skolan.se}",
            "email: 'Rut <rut@skolan.se>'}",
            "plan.yaml:3:58: school.email: ogiltig e-postadress 'Rut <rut@skolan.se>': "
            "förväntade namn@domän.se",
        ),
    ],
)
def test_bad_email_addresses_are_one_line_errors(klplan, tmp_path, monkeypatch, old, new, expected):
    monkeypatch.chdir(tmp_path)
    text = plan_text(GROUPS, base=BASE)
    assert old in text
    (tmp_path / "plan.yaml").write_text(text.replace(old, new), "utf-8")
    r = klplan("schedule", "plan.yaml", "-f", "ics", "-o", "kal/", "--invite")
    assert r.code != 0
    assert r.err == f"klplan: fel: {expected}\n"
    assert not (tmp_path / "kal").exists()
