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

from klplan.core.scheduler import schedule_module
from klplan.planning import _Planner, time_budgets
from klplan.render.json import _entries, _indented, schedule_document, schedule_json_chunks
from tests.plan_helpers import BASE, in_tmp, plan_text, schedule

__all__ = ["in_tmp"]

TWO_YEARS = BASE.replace("[2025/26]", "[2025/26, 2026/27]").replace(
    "  - {id: bo, name: Bo Berg}\n",
    "  - {id: bo, name: Bo Berg}\n  - {id: cia, name: Cia Ceder, email: cia@skolan.se}\n",
)

# Groups that share inputs (same module, pace, slot and start) and groups that
# differ in one of them; sequences of both kinds, a spring start, a studiedag that
# moves meetings, a start in läslov, a pace and a module of the plan's own, places,
# video links and participants by name; two leaders booked twice at once.
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


def plain_module_plan(self, module, cadence, slot, start, spring_start):
    """The planner's module_plan without its cache: every group scheduled on its own."""
    return schedule_module(module, cadence, self.weeks(slot.weekday), slot, start, spring_start)


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
        m.setattr(_Planner, "module_plan", plain_module_plan)
        plain = schedule(tmp_path, text, stagger=stagger)
    return cached, plain


def test_shared_module_plans_give_exactly_the_plain_schedule(in_tmp, plan_file, monkeypatch):
    cached, plain = both_ways(in_tmp, plan_file, monkeypatch)
    assert cached == plain  # groups, meetings, notices (with their positions), check-ins
    assert time_budgets(cached) == time_budgets(plain)
    assert [n.key for n in cached.notices].count("plan.staggered") >= 1
    plans = {g.id: g.plans for g in cached.groups}
    # Same inputs, one object; other inputs, other plans; a group's own notices are its own.
    assert plans["a1"][0] is plans["a2"][0] is plans["a3"][0]
    assert plans["d1"][0] is plans["d2"][0]
    assert plans["b1"][0] is not plans["b2"][0]
    assert plans["a1"][0] is not plans["b1"][0]
    for one, other in (("s1", "s2"), ("s2", "s3")):  # sequences: per plan, as inputs match
        for p, q in zip(plans[one], plans[other], strict=False):
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
                m.setattr(_Planner, "module_plan", plain_module_plan)
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
