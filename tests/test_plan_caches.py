"""What a run shares, and that sharing changes nothing: the planner schedules each
distinct module input once (groups with the same inputs get one ModulePlan), the
JSON writer writes what groups share once, and both give exactly what the plain path
gives (every group scheduled on its own, the document written by json.dumps)."""

from __future__ import annotations

import json
import math
from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klplan.app.planner import Planner
from klplan.core.outcome import GroupPlan, time_budgets
from klplan.core.scheduler import schedule_module
from klplan.render.json import schedule_document, schedule_json_chunks
from klplan.render.json_encoder import entries as _entries
from klplan.render.json_encoder import indented as _indented
from tests.plan_helpers import BASE, in_tmp, plan_text, schedule

__all__ = ["in_tmp"]

TWO_YEARS = BASE.replace("[2025/26]", "[2025/26, 2026/27]").replace(
    "  - {id: bo, name: Bo Berg}\n",
    "  - {id: bo, name: Bo Berg}\n  - {id: cia, name: Cia Ceder, email: cia@skolan.se}\n",
)

# Groups that share inputs (same module, pace, slot and start) and groups that
# differ in one of them; sequences of both kinds, a spring start, a studiedag that
# moves meetings, a start in läslov, a pace and a module of the plan's own, places,
# video links and participants by name; leaders booked twice at once, for good (cia:
# a3 and e1) and in single weeks, where a closed day moves a meeting onto another.
GROUPS = """\
- {id: a1, participants: 5, leader: anna, module: samtal-om-text, start: 2025-W36}
- {id: a2, participants: 6, leader: bo, module: samtal-om-text, start: 2025-W36}
- {id: a3, participants: 6, leader: cia, module: samtal-om-text, start: 2025-W36,
   slot: {location: Rum 12, video_url: "https://meet.example.se/a3"}}
- {id: b1, participants: 4, leader: anna, module: samtal-om-text, start: 2025-W36,
   cadence: treveckors, slot: {weekday: torsdag}}
- {id: b2, participants: 4, leader: bo, module: samtal-om-text, start: 2025-W37,
   cadence: treveckors, slot: {weekday: torsdag}}
- {id: c1, participants: [Åsa, Örjan], leader: cia, module: lasstrategier, start: 2025-W38,
   spring_start: 2026-W03, slot: {weekday: tisdag, time: "08:00", duration: 60}}
- {id: c2, participants: 9, leader: anna, module: lasstrategier, start: 2025-W38,
   spring_start: 2026-W03, slot: {weekday: tisdag, time: "08:00", duration: 60}}
- {id: c3, participants: 7, leader: bo, module: lasstrategier, start: 2025-W38,
   slot: {weekday: tisdag, time: "08:00", duration: 60}}
- {id: s1, participants: 5, leader: bo, modules: [samtal-om-text, skrivundervisning],
   start: 2025-W35, slot: {weekday: måndag}}
- {id: s2, participants: 5, leader: cia, modules: [samtal-om-text, skrivundervisning],
   sequence: back_to_back, start: 2025-W35, slot: {weekday: måndag}}
- {id: s3, participants: 5, leader: anna, modules: [egen, lasstrategier],
   sequence: back_to_back, start: 2025-W36, slot: {weekday: fredag}}
- {id: d1, participants: 6, leader: bo, module: egen, cadence: egen-takt, start: 2026-W10}
- {id: d2, participants: 6, leader: anna, module: egen, cadence: egen-takt, start: 2026-W10}
- {id: d3, participants: 6, leader: cia, module: fritidshemmets-uppdrag,
   cadence: varannan-vecka, start: 2025-W35, slot: {weekday: onsdag, time: "13:00"}}
- {id: e1, participants: 6, leader: cia, module: samtal-om-text, start: 2025-W36}
"""
EXTRA = """\
calendar:
  closed_days:
    - {date: 2025-10-08, reason: studiedag}
    - {start: 2026-02-11, end: 2026-02-12, reason: lovdag}
modules:
  - {id: egen, title: Egen modul, area: Eget, school_forms: [grundskola], parts: 3,
     source: egen, hours: 12}
cadences:
  - {id: egen-takt, title: Egen takt, gaps: [3, 1]}
checkins: {every_weeks: 4, weekday: fredag, time: "07:00", duration: 20}
"""


def plain_module_plan(self, module, cadence, slot, start, spring_start, closed=()):
    """The planner's module_plan without its cache: every group scheduled on its own."""
    weeks = self.weeks(slot.weekday, closed)
    return schedule_module(module, cadence, weeks, slot, start, spring_start)


@pytest.fixture(params=["two-years", "one-year-goteborg"])
def plan_file(request):
    if request.param == "two-years":
        return plan_text(GROUPS, EXTRA, base=TWO_YEARS)
    base = TWO_YEARS.replace("kommun: Stockholm", "kommun: Göteborg")
    return plan_text(GROUPS, EXTRA, base=base.replace("[2025/26, 2026/27]", "[2025/26]"))


def both_ways(tmp_path, text, monkeypatch, stagger=True):
    """The plan scheduled with the planner's cache, and scheduled group by group."""
    cached = schedule(tmp_path, text, stagger=stagger)
    with monkeypatch.context() as m:
        m.setattr(Planner, "module_plan", plain_module_plan)
        plain = schedule(tmp_path, text, stagger=stagger)
    return cached, plain


def test_shared_module_plans_give_exactly_the_plain_schedule(in_tmp, plan_file, monkeypatch):
    cached, plain = both_ways(in_tmp, plan_file, monkeypatch)
    assert cached == plain  # groups, meetings, notices (with their positions), check-ins
    assert time_budgets(cached) == time_budgets(plain)
    assert [n.key for n in cached.notices].count("plan.staggered") >= 1
    assert [n.key for n in cached.notices].count("plan.week_moved") >= 1
    plans = {g.id: g.plans for g in cached.groups}
    # Same inputs, one object; other inputs, other plans; a group's own notices are its own.
    assert plans["a1"][0] is plans["a2"][0] is plans["a3"][0]
    assert plans["d1"][0] is plans["d2"][0]
    assert plans["b1"][0] is not plans["b2"][0]
    assert plans["a1"][0] is not plans["b1"][0]
    for one, other in (("s1", "s2"), ("s2", "s3")):  # sequences: per plan, as inputs match
        for p, q in zip(plans[one], plans[other], strict=False):
            if p.key is None or q.key is None:  # a group's own: a meeting moved one week
                assert p is not q
                continue
            assert (p is q) == (p.module is q.module and p.slot == q.slot and p == q)
    plain_plans = [p for g in plain.groups for p in g.plans]
    assert len({id(p) for p in plain_plans}) == len(plain_plans)
    per_group = [n.params.get("group") for n in cached.notices if n.key.startswith("notice.")]
    assert per_group == [
        n.params.get("group") for n in plain.notices if n.key.startswith("notice.")
    ]


def test_without_stagger_the_conflict_is_the_same_error(in_tmp, plan_file, monkeypatch):
    from klplan.core.errors import ScheduleError

    errors = []
    for replace in (False, True):
        with monkeypatch.context() as m:
            if replace:
                m.setattr(Planner, "module_plan", plain_module_plan)
            with pytest.raises(ScheduleError) as e:
                schedule(in_tmp, plan_file, stagger=False)
        errors.append((e.value.message(), e.value.hint))
    assert errors[0] == errors[1]
    assert "samtidigt" in errors[0][0] and "lediga tider" in errors[0][1]


def reference_json(outcome) -> str:
    """The streamed document as the plain path writes it: json.dumps(indent=2) of
    schedule_document, with every meeting on one line."""
    doc = schedule_document(outcome)
    lines: dict[str, str] = {}
    for g in doc["groups"]:
        for i, m in enumerate(g["meetings"]):
            mark = f"\x00{len(lines)}\x00"
            lines[json.dumps(mark)] = json.dumps(m, ensure_ascii=False, separators=(", ", ": "))
            g["meetings"][i] = mark
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    for mark, line in lines.items():
        text = text.replace(mark, line, 1)
    return text


def test_streamed_json_is_the_plain_document(in_tmp, plan_file, monkeypatch):
    cached, plain = both_ways(in_tmp, plan_file, monkeypatch)
    streamed = "".join(schedule_json_chunks(cached))
    assert streamed == reference_json(cached)
    # Plans that are equal but not shared (the plain schedule) write the same bytes.
    assert "".join(schedule_json_chunks(plain)) == streamed


def test_streamed_json_with_small_caches_is_the_same(in_tmp, plan_file, monkeypatch):
    """Caches emptied at every step (their bound reached) change nothing."""
    import klplan.render.json as render

    outcome = schedule(in_tmp, plan_file, stagger=True)
    expected = "".join(schedule_json_chunks(outcome))
    monkeypatch.setattr(render, "_CACHED_LINES", 1)
    monkeypatch.setattr(render, "_CACHED_CHARS", 1)
    assert "".join(schedule_json_chunks(outcome)) == expected


def test_meeting_lines_depend_on_the_plan_and_the_meeting_only():
    """Why a shared plan's meeting lines can be shared: meeting_document is given the
    plan (it reads its module) and the meeting, nothing of the group."""
    from inspect import signature

    from klplan.render.json import meeting_document

    assert list(signature(meeting_document).parameters) == ["plan", "x"]


class Kind(StrEnum):
    A = "a"


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from([Kind.A, '\x00\x1f\u2028"\\', "å–ö", math.inf, -0.0])
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        | st.dictionaries(
            st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.none()),
            inner,
            max_size=3,
        )
    ),
    max_leaves=25,
)


@given(documents, st.sampled_from(["", "  ", "      "]))
def test_indented_is_json_dumps_with_indent_2(value, indent):
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
    assert _indented(value, indent) == expected


def test_indented_on_a_plans_document(in_tmp, plan_file):
    doc = schedule_document(schedule(in_tmp, plan_file, stagger=True))
    assert _indented(doc, "") == json.dumps(doc, ensure_ascii=False, indent=2)


@given(st.dictionaries(st.text(max_size=6), documents, min_size=1, max_size=4), st.integers(0, 3))
def test_entries_are_the_indented_document_without_its_braces(doc, depth):
    text = json.dumps(doc, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
    assert _entries(doc, depth) == text[2 : -2 - 2 * depth]


# Part titles (tidig-lasundervisning), meetings moved by a studiedag (Wednesday) and
# by Kristi himmelsfärdsdag (Thursday 2026-05-14), in both languages.
MOVED = """\
- {id: t1, participants: 5, leader: anna, module: tidig-lasundervisning, start: 2026-W12,
   slot: {weekday: torsdag, time: "14:00"}}
- {id: t2, participants: 5, leader: bo, module: tidig-lasundervisning, start: 2025-W38,
   cadence: varannan-vecka, slot: {weekday: onsdag, time: "08:30"}}
- {id: t3, participants: 5, leader: cia, modules: [tidig-lasundervisning, egen],
   start: 2025-W40, slot: {weekday: torsdag, time: "16:00"}}
"""


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_streamed_json_of_titled_and_moved_meetings_is_the_plain_document(in_tmp, lang):
    from klplan.messages import set_language

    set_language(lang)
    outcome = schedule(in_tmp, plan_text(GROUPS + MOVED, EXTRA, base=TWO_YEARS), stagger=True)
    streamed = "".join(schedule_json_chunks(outcome))
    assert streamed == reference_json(outcome)
    meetings = [m for g in json.loads(streamed)["groups"] for m in g["meetings"]]
    because = {m["moved_because"] for m in meetings}
    assert {"Kristi himmelsfärdsdag", None} < because and len(because) > 2
    assert sum(m["part_title"] is not None for m in meetings) > 8


def meeting_line(plan, x) -> str:
    """A meeting's line as the plain path writes it."""
    from klplan.render.json import meeting_document

    doc = meeting_document(plan, x)
    return "        " + json.dumps(doc, ensure_ascii=False, separators=(", ", ": "))


def awkward_groups():
    """Groups on hand-made plans with values a plan file seldom has: texts json must
    escape, the same instant in two zones (datetimes and slot times that are equal but
    written apart), both sides of the autumn's repeated hour (fold), a meeting moved by
    a named and by an unnamed day, zero, one and two preparation weeks."""
    from dataclasses import replace
    from datetime import UTC, date, datetime, time, timedelta, timezone
    from zoneinfo import ZoneInfo

    from klplan.core.models import Slot, Term
    from klplan.core.plan import ClosedWeek, DayOff, Meeting, ModulePlan
    from klplan.core.weeks import IsoWeek
    from klplan.loaders.catalog import load_cadences, load_catalog

    catalog = load_catalog().modules
    titled = replace(
        catalog["tidig-lasundervisning"],
        id="egen.modul_2",
        title="Titel\u2028med\x00tecken",
        part_titles=tuple(f'Del {i} "å"\t\u2029' for i in range(1, 9)),
    )
    plain = catalog["samtal-om-text"]
    cadence = load_cadences()["intensiv"]
    term = Term("HT", "2025/26", date(2025, 8, 18), date(2025, 12, 19))
    other_term = Term("VT", "2025/26", date(2026, 1, 7), date(2026, 6, 12))
    stockholm, utc = ZoneInfo("Europe/Stockholm"), UTC
    w43, w44 = IsoWeek(2025, 43), IsoWeek(2025, 44)
    red = DayOff("red_day", 'Dag "X"\\')

    def meeting(module, part, moment, start, prep=(w43,), moved=None, because=None):
        return Meeting(
            module.id, part, moment, IsoWeek.of(start.date()), start.date(), start,
            start + timedelta(minutes=90), term if part % 2 else other_term, prep, moved, because,
        )  # fmt: skip

    instant = datetime(2025, 10, 23, 15, 0, tzinfo=stockholm)
    repeated = datetime(2025, 10, 26, 2, 30, tzinfo=stockholm)
    meetings = [
        meeting(titled, 1, "B", instant),
        meeting(titled, 1, "D", instant.astimezone(utc), prep=()),
        meeting(titled, 2, "B", repeated, prep=(w43, w44)),
        meeting(titled, 2, "D", repeated.replace(fold=1), moved=date(2025, 10, 24), because=red),
        meeting(plain, 1, "B", instant, moved=date(2025, 10, 22), because=DayOff("closed_day")),
        meeting(plain, 1, "D", instant.astimezone(utc)),
    ]
    slots = [
        Slot(3, time(15, 0, tzinfo=timezone(timedelta(hours=2))), 90),
        Slot(3, time(13, 0, tzinfo=utc), 90),  # equal to the one above
        Slot(3, time(15, 0), 60, "Europe/Helsinki"),
    ]
    closed = (ClosedWeek(w44, DayOff("laslov")), ClosedWeek(w43, red))
    plans = [
        ModulePlan(titled, cadence, slots[0], tuple(meetings[:4]), closed),
        ModulePlan(titled, cadence, slots[1], tuple(meetings[:4]), closed[:1]),
        ModulePlan(plain, cadence, slots[2], tuple(meetings[4:]), ()),
        ModulePlan(plain, replace(cadence, gaps=(2, 1)), slots[2], tuple(meetings[4:]), closed),
    ]
    plans.append(replace(plans[0], slot=slots[1]))  # equal to plans[0], written apart
    return [GroupPlan("g1", (plans[0],)), GroupPlan("g2", (plans[1], plans[2])),
            GroupPlan("g3", (plans[3], plans[0])), GroupPlan("g4", (plans[2],)),
            GroupPlan("g5", (plans[4],))]  # fmt: skip


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_shared_texts_are_the_plain_texts_on_awkward_values(lang):
    """Every text the JSON writer keeps for the run (meeting lines and their pieces,
    the parts of a group's plan fields) is what json writes, whatever was kept before."""
    from klplan.messages import set_language
    from klplan.render.json import _SharedTexts, group_document

    set_language(lang)
    texts = _SharedTexts()
    # Held for the whole test, as a run's outcome holds its plans: the texts are kept
    # by the identity of plans, modules and weeks (a freed object's id is reused).
    groups = awkward_groups()
    for g in groups:
        doc = group_document(g)
        fields = {k: doc[k] for k in ("module", "cadence", "slot", "modules", "closed_weeks")}
        text = json.dumps(fields, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        assert texts.derived(g) == text[2:-6]
        for p in g.plans:
            assert texts.meetings(p) == ",\n".join(meeting_line(p, x) for x in p.meetings)
    # The data does have what a cache keyed on too little would write wrong.
    written = texts.meetings(groups[1].plans[1]) + texts.derived(groups[3])
    for text in ("T15:00:00+02:00", "T13:00:00+00:00", "T02:30:00+01:00", '"time": "15:00"'):
        assert text in written + texts.meetings(groups[0].plans[0])


def test_meeting_lines_of_plans_are_meeting_documents_through_json(in_tmp, plan_file):
    """Every meeting line of a varied plan, written from pieces kept for the run."""
    from klplan.render.json import _MeetingLines

    for text in (plan_file, plan_text(GROUPS + MOVED, EXTRA, base=TWO_YEARS)):
        outcome = schedule(in_tmp, text, stagger=True)
        write = _MeetingLines()
        meetings = [(p, x) for g in outcome.groups for p in g.plans for x in p.meetings]
        assert [write(p, x) for p, x in meetings] == [meeting_line(p, x) for p, x in meetings]
