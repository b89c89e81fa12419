"""Issue 16, leaders and principals: a plan with several schools (each with its own
closed days), the time a leader needs to travel between two schools, and a clash
that a closed day causes in one week solved in that week only."""

from __future__ import annotations

from datetime import date

import pytest

from klplan.core.errors import ScheduleError
from klplan.loaders.plan import PlanInvalid
from klplan.render.notices import notice_text
from tests.plan_helpers import group, in_tmp, plan_text, schedule

pytestmark = pytest.mark.usefixtures("in_tmp")
__all__ = ["in_tmp"]

MUNICIPAL = """\
schema: 1
plan: {id: kommunplan, name: Kollegialt lärande i kommunen}
municipality: {name: Testkommun}
kommun: Stockholm
school_years: [2025/26]
calendar:
  closed_days:
    - {date: 2025-11-12, reason: studiedag}
schools:
  - id: norr
    name: Norrskolan
    closed_days:
      - {date: 2025-10-08, reason: studiedag}
  - {id: soder, name: Söderskolan}
  - id: vast
    name: Västerskolan
    closed_days:
      - {date: 2025-10-22, reason: lovdag}
leaders:
  - {id: anna, name: Anna Andersson}
  - {id: bo, name: Bo Berg}
  - {id: cia, name: Cia Ceder}
"""


def municipal(groups: str, extra: str = "") -> str:
    return plan_text(groups, extra, base=MUNICIPAL)


THREE_SCHOOLS = municipal(
    """\
    - {id: n1, participants: 6, leader: anna, school: norr, module: samtal-om-text,
       start: 2025-W38}
    - {id: s1, participants: 6, leader: bo, school: soder, module: samtal-om-text,
       start: 2025-W38}
    - {id: v1, participants: 6, leader: cia, school: vast, module: samtal-om-text,
       start: 2025-W38, closed_days: [{date: 2025-10-01, reason: fortbildning}]}
    """
)


def dates(outcome, group_id: str) -> list[date]:
    return [m.date for m in group(outcome, group_id).meetings]


def test_a_studiedag_at_one_school_moves_only_that_schools_meeting(in_tmp):
    outcome = schedule(in_tmp, THREE_SCHOOLS)
    norr, soder, vast = dates(outcome, "n1"), dates(outcome, "s1"), dates(outcome, "v1")
    # Norrskolan's studiedag (Wednesday 8 October 2025) moves its meeting to Thursday.
    assert date(2025, 10, 9) in norr and date(2025, 10, 8) not in norr
    (moved,) = [m for m in group(outcome, "n1").meetings if m.date == date(2025, 10, 9)]
    assert moved.moved_from == date(2025, 10, 8) and moved.moved_because.name == "studiedag"
    # The other schools meet that Wednesday as usual.
    assert date(2025, 10, 8) in soder and date(2025, 10, 8) in vast
    # Västerskolan's lovdag (22 October) and v1's own closed day (1 October) move only v1.
    assert date(2025, 10, 23) in vast and date(2025, 10, 2) in vast
    assert date(2025, 10, 22) in norr and date(2025, 10, 22) in soder
    assert date(2025, 10, 1) in norr and date(2025, 10, 1) in soder
    # The plan's own closed day (12 November) closes every school.
    for meetings in (norr, soder, vast):
        assert date(2025, 11, 12) not in meetings and date(2025, 11, 13) in meetings


def test_a_group_without_a_school_keeps_the_plans_calendar(in_tmp):
    outcome = schedule(
        in_tmp,
        municipal(
            """\
            - {id: x, participants: 6, leader: anna, module: samtal-om-text, start: 2025-W38}
            """
        ),
    )
    assert date(2025, 10, 8) in dates(outcome, "x")
    assert date(2025, 11, 13) in dates(outcome, "x")


def test_an_unknown_school_is_an_error_naming_the_key_and_the_known_ones(in_tmp):
    text = municipal(
        """\
        - {id: x, participants: 6, leader: anna, school: nor, module: samtal-om-text}
        """
    )
    with pytest.raises(PlanInvalid) as e:
        schedule(in_tmp, text)
    assert e.value.message() == (
        "plan.yaml:24:52: groups[0].school: okänd skola 'nor' (finns: norr, soder, vast); "
        "menade du 'norr'?"
    )


def test_two_schools_with_one_id_is_an_error(in_tmp):
    text = MUNICIPAL.replace("{id: soder,", "{id: norr,") + (
        "groups:\n  - {id: x, participants: 6, leader: anna, module: samtal-om-text}\n"
    )
    with pytest.raises(PlanInvalid) as e:
        schedule(in_tmp, text)
    assert "schools[1].id: skol-id 'norr' finns redan (i schools[0])" in e.value.message()


def test_a_closed_day_that_ends_before_it_starts_is_an_error_naming_the_school(in_tmp):
    text = MUNICIPAL.replace(
        "{date: 2025-10-22, reason: lovdag}", "{start: 2025-10-22, end: 2025-10-20}"
    ) + ("groups:\n  - {id: x, participants: 6, leader: anna, module: samtal-om-text}\n")
    with pytest.raises(PlanInvalid) as e:
        schedule(in_tmp, text)
    assert e.value.message() == (
        "plan.yaml:18:9: schools[2].closed_days[0]: end (2025-10-20) ligger före start (2025-10-22)"
    )


# Anna leads a group at Norrskolan on Wednesdays 15:00–16:30, and one at Söderskolan.
def two_schools(second: str, extra: str = "") -> str:
    return municipal(
        f"""\
        - {{id: n1, participants: 6, leader: anna, school: norr, module: samtal-om-text,
           start: 2025-W38}}
        - {{id: s1, participants: 6, leader: anna, school: {second}, module: samtal-om-text,
           start: 2025-W38, slot: {{time: "16:45"}}}}
        """,
        extra,
    )


def test_a_leader_at_two_schools_needs_the_travel_time_between_meetings(in_tmp):
    with pytest.raises(ScheduleError) as e:
        schedule(in_tmp, two_schools("soder"))
    message = e.value.message()
    assert message == (
        "plan.yaml:26:53: groups[1].school: ledaren Anna Andersson (anna) hinner inte mellan "
        "n1 och s1, som möts på olika skolor: ons 17 sep 2025, ons 24 sep 2025, ons 1 okt "
        "2025 m.fl. (14 totalt); mellan två skolor behövs 30 minuter (travel_minutes); "
        "lediga tider för gruppen: torsdag 16:45–18:15 eller fredag 16:45–18:15 eller "
        "måndag 16:45–18:15"
    )


def test_the_travel_time_is_a_plan_key(in_tmp):
    outcome = schedule(in_tmp, two_schools("soder", "travel_minutes: 15\n"))
    assert {m.start.strftime("%H:%M") for m in group(outcome, "s1").meetings} == {"16:45"}
    with pytest.raises(ScheduleError) as e:
        schedule(in_tmp, two_schools("soder", "travel_minutes: 20\n"))
    assert "behövs 20 minuter (travel_minutes)" in e.value.message()


def test_groups_at_one_school_need_no_travel_time(in_tmp):
    outcome = schedule(in_tmp, two_schools("norr"))
    assert len(outcome.groups) == 2


def test_stagger_leaves_room_to_travel(in_tmp):
    outcome = schedule(in_tmp, two_schools("soder"), stagger=True)
    (notice,) = [n for n in outcome.notices if n.key == "plan.staggered"]
    assert "till torsdag 16:45–18:15" in notice_text(notice)


# The seed case: VT 2026 starts on Wednesday 7 January in Stockholm, so the Monday
# group's and the Tuesday group's meetings that week both move to Wednesday.
MON_TUE = plan_text(
    """\
    - {id: man, participants: 6, leader: anna, module: samtal-om-text, start: 2025-W38,
       slot: {weekday: måndag}}
    - {id: tis, participants: 6, leader: anna, module: samtal-om-text, start: 2025-W38,
       slot: {weekday: tisdag}}
    """
)


def test_a_mid_week_term_start_is_solved_for_that_week_only(in_tmp):
    outcome = schedule(in_tmp, MON_TUE)  # no --stagger, no error
    man, tis = group(outcome, "man").meetings, group(outcome, "tis").meetings
    jan = [(m.start.isoformat(), m.moved_from) for m in (*man, *tis) if m.week.week == 2]
    assert jan == [
        ("2026-01-07T15:00:00+01:00", date(2026, 1, 5)),
        ("2026-01-07T16:30:00+01:00", date(2026, 1, 6)),
    ]
    # Every other week keeps its weekday and time.
    assert {(m.date.weekday(), f"{m.start:%H:%M}") for m in man} == {(0, "15:00"), (2, "15:00")}
    others = [m for m in tis if m.week.week != 2]
    assert {(m.date.weekday(), f"{m.start:%H:%M}") for m in others} == {(1, "15:00")}
    (notice,) = [n for n in outcome.notices if n.key == "plan.week_moved"]
    assert notice_text(notice) == (
        "plan.yaml:12:5: groups[1]: grupp tis (Anna Andersson): mötet 2026-01-07 15:00 "
        "flyttat till 2026-01-07 16:30 den veckan, eftersom ledaren leder man då (en "
        "stängd dag flyttade ett av mötena)"
    )
    assert not [n for n in outcome.notices if n.key == "plan.staggered"]


def test_the_seed_case_on_the_command_line(klplan, in_tmp):
    (in_tmp / "plan.yaml").write_text(MON_TUE, encoding="utf-8")
    r = klplan("schedule", "plan.yaml")
    assert r.code == 0, r.err
    assert "mötet 2026-01-07 15:00 flyttat till 2026-01-07 16:30 den veckan" in r.err
    r = klplan("--lang", "en", "schedule", "plan.yaml", "-f", "json")
    assert r.code == 0, r.err
    assert "the meeting at 2026-01-07 15:00 moved to 2026-01-07 16:30 that week" in r.err


def test_a_clash_in_every_week_is_still_an_error(in_tmp):
    text = plan_text(
        """\
        - {id: a, participants: 6, leader: anna, module: samtal-om-text, start: 2025-W38}
        - {id: b, participants: 6, leader: anna, module: samtal-om-text, start: 2025-W38}
        """
    )
    with pytest.raises(ScheduleError) as e:
        schedule(in_tmp, text)
    assert "är bokad för både a och b samtidigt" in e.value.message()


# --- meetings by video ---------------------------------------------------------------

VIDEO = plan_text(
    """\
    - id: fritids
      participants: 5
      leader: bo
      module: samtal-om-text
      start: 2025-W38
      slot: {location: Fritids, video_url: "https://meet.example.se/fritids"}
      video: {moments: [D]}
    - id: delar
      participants: 5
      leader: anna
      module: samtal-om-text
      start: 2025-W38
      slot: {weekday: torsdag, video_url: "https://meet.example.se/delar"}
      video: {parts: [2, 3]}
    - id: alla
      participants: 5
      leader: anna
      module: samtal-om-text
      start: 2025-W38
      slot: {weekday: fredag, location: Rum 1, video_url: "https://meet.example.se/alla"}
    """
)


def ics_events(path) -> list[dict[str, str]]:
    """The VEVENTs of a written .ics file, each as its unfolded properties."""
    text = path.read_bytes().decode("utf-8").replace("\r\n ", "")
    events = text.split("BEGIN:VEVENT\r\n")[1:]
    return [
        dict(line.split(":", 1) for line in e.split("END:VEVENT")[0].splitlines() if ":" in line)
        for e in events
    ]


def test_only_the_chosen_meetings_carry_the_video_link(klplan, in_tmp):
    (in_tmp / "plan.yaml").write_text(VIDEO, "utf-8")
    r = klplan("schedule", "plan.yaml", "-f", "ics", "-o", "ut/")
    assert r.code == 0, r.err
    fritids = ics_events(in_tmp / "ut" / "grupp-fritids.ics")
    assert len(fritids) == 16
    d_events = [e for e in fritids if "https://meet.example.se/fritids" in e.get("URL", "")]
    b_events = [e for e in fritids if "URL" not in e]
    assert len(d_events) == len(b_events) == 8
    for e in d_events:
        assert e["LOCATION"] == "https://meet.example.se/fritids"
        assert "https://meet.example.se/fritids" in e["DESCRIPTION"]
        assert "uppföljning" in e["SUMMARY"]
    for e in b_events:
        assert e["LOCATION"] == "Fritids"
        assert "meet.example.se" not in e["DESCRIPTION"]
        assert "kollegialt arbete" in e["SUMMARY"]
    delar = ics_events(in_tmp / "ut" / "grupp-delar.ics")
    linked = [e["SUMMARY"] for e in delar if "URL" in e]
    assert len(linked) == 4 and all(("del 2:" in s or "del 3:" in s) for s in linked), linked
    # Without `video`, the link is on every meeting, and the room stays the LOCATION.
    alla = ics_events(in_tmp / "ut" / "grupp-alla.ics")
    assert all(e["URL"] == "https://meet.example.se/alla" for e in alla)
    assert all(e["LOCATION"] == "Rum 1" for e in alla)
    # The leader's calendar (the fast writer) has the same events as the group's.
    anna = (in_tmp / "ut" / "ledare-anna.ics").read_text("utf-8")
    assert anna.count("URL:https://meet.example.se/delar") == 4


def test_the_table_and_json_say_which_meetings_are_by_video(klplan, in_tmp):
    (in_tmp / "plan.yaml").write_text(VIDEO, "utf-8")
    r = klplan("schedule", "plan.yaml")
    assert r.code == 0, r.err
    out = " ".join(r.out.split())  # as read, whatever the terminal's width
    assert "Fritids · video (D): https://meet.example.se/fritids" in out
    assert "video (B, D i del 2, 3): https://meet.example.se/delar" in out
    assert "Rum 1 · https://meet.example.se/alla" in out
    r = klplan("--lang", "en", "schedule", "plan.yaml")
    assert "video (B, D in part 2, 3): https://meet.example.se/delar" in " ".join(r.out.split())
    r = klplan("schedule", "plan.yaml", "-f", "json")
    import json

    groups = {g["id"]: g for g in json.loads(r.out)["groups"]}
    assert groups["fritids"]["video"] == {"moments": ["D"], "parts": None}
    assert groups["delar"]["video"] == {"moments": ["B", "D"], "parts": [2, 3]}
    assert groups["alla"]["video"] is None


def test_the_fast_calendar_writer_gives_the_reference_bytes_with_video(in_tmp):
    from klplan.render.ics import IcsOptions
    from tests.test_ics_fast import assert_same

    outcome = schedule(in_tmp, VIDEO)
    for options in (IcsOptions(), IcsOptions(include_preparation=True, invite=True)):
        assert_same(outcome, options)


@pytest.mark.parametrize(
    "video,message",
    [
        (
            "{moments: [D]}",
            "plan.yaml:14:5: groups[0].video: video väljer möten på video, men gruppen har "
            "ingen video_url (i slot eller defaults.slot)",
        ),
        (
            "{parts: [2, 9]}",
            "plan.yaml:15:24: groups[0].video.parts[1]: del 9 finns inte: gruppens moduler "
            "har högst 8 delar",
        ),
    ],
)
def test_a_video_choice_that_cannot_work_is_an_error(in_tmp, video, message):
    text = plan_text(
        f"""\
        - id: g
          participants: 5
          leader: bo
          module: samtal-om-text
          video: {video}
        """
    )
    if "parts" in video:
        text = text.replace("video:", 'slot: {video_url: "https://x.se/v"}\n    video:')
    with pytest.raises(PlanInvalid) as e:
        schedule(in_tmp, text)
    assert e.value.message() == message


def test_each_group_carries_its_school_into_json_and_the_tables(in_tmp):
    """JSON gives each group's school (id and name, null without one); the parts
    view's heading names it, and a leader at two schools sees which group meets
    where."""
    import io
    import json

    from klplan.cli.console import console
    from klplan.render.json import schedule_json_chunks
    from klplan.render.table import render_schedule

    text = municipal(
        """\
        - {id: n1, participants: 6, leader: anna, school: norr, module: samtal-om-text,
           start: 2025-W38, slot: {weekday: onsdag, time: "15:00"}}
        - {id: s1, participants: 6, leader: anna, school: soder, module: lasstrategier,
           start: 2025-W38, slot: {weekday: onsdag, time: "17:00"}}
        - {id: x, participants: 6, leader: bo, module: samtal-om-text, start: 2025-W38}
        """
    )
    outcome = schedule(in_tmp, text)
    doc = json.loads("".join(schedule_json_chunks(outcome)))
    schools = {g["id"]: (g["school"], g["school_name"]) for g in doc["groups"]}
    assert schools == {
        "n1": ("norr", "Norrskolan"),
        "s1": ("soder", "Söderskolan"),
        "x": (None, None),
    }

    def drawn(view: str) -> str:
        buf = io.StringIO()
        render_schedule(outcome, console(buf, plain=True, width=100), view)
        return buf.getvalue()

    assert "Grupp n1 · ledare Anna Andersson · 6 deltagare · Norrskolan\n" in drawn("group")
    assert "Grupp x · ledare Bo Berg · 6 deltagare\n" in drawn("group")
    leaders = drawn("leader")
    assert "Anna Andersson (anna) · grupper n1 (Norrskolan), s1 (Söderskolan)\n" in leaders
    assert "Bo Berg (bo) · grupper x\n" in leaders  # one school or none: ids alone
