"""The JSON writer keeps the texts groups share by value, never by an object's id()
(issue 15): a kept text is found again only for a value that writes the same text.
Each test below gives it values that are the same object, or equal, or alike in the
fields a cheap fingerprint looks at, but written differently; every text must be the
one json writes."""

from __future__ import annotations

import ast
import json
from dataclasses import replace
from datetime import UTC
from pathlib import Path

from klplan.core.outcome import GroupPlan
from klplan.core.plan import ModulePlan
from klplan.render.json import _MeetingLines, _SharedTexts, group_document
from tests.test_plan_caches import awkward_groups, meeting_line

RENDER = Path(__file__).resolve().parent.parent / "src" / "klplan" / "render"


def plain_derived(g: GroupPlan) -> str:
    doc = group_document(g)
    fields = {k: doc[k] for k in ("module", "cadence", "slot", "modules", "closed_weeks")}
    return json.dumps(fields, ensure_ascii=False, indent=2).replace("\n", "\n    ")[2:-6]


def assert_plain(texts: _SharedTexts, groups: list[GroupPlan]) -> None:
    for g in groups:
        assert texts.derived(g) == plain_derived(g), g.id
        for p in g.plans:
            assert texts.meetings(p) == ",\n".join(meeting_line(p, x) for x in p.meetings), g.id


def test_two_modules_with_one_id_are_written_each_as_it_is():
    """A module id names one module in an outcome that the planner makes; if two
    differ anyway, each plan is still written from its own."""
    groups = awkward_groups()
    p = groups[0].plans[0]
    other = replace(
        p.module, title="Annan titel", part_titles=tuple(f"Annan del {i}" for i in range(1, 9))
    )
    # The same meetings, the same slot and closed weeks: only the module differs.
    twin = GroupPlan("twin", (replace(p, module=other),))
    texts = _SharedTexts()
    assert_plain(texts, [*groups, twin, *groups])
    assert "Annan del 1" in texts.meetings(twin.plans[0])
    assert "Annan del 1" not in texts.meetings(p)


def test_equal_meetings_written_with_another_offset_are_not_taken_for_each_other():
    """Meetings equal to another plan's (the other side of the autumn's repeated hour,
    the same instant in another zone) but written with their own offsets."""
    groups = awkward_groups()
    p = groups[0].plans[0]
    folded = tuple(replace(x, start=x.start.replace(fold=1 - x.start.fold)) for x in p.meetings)
    assert folded == p.meetings  # equal, as Python compares datetimes in one zone
    # The first meeting's instant in UTC (an hour that is not repeated: an ambiguous
    # one is unequal to every time in another zone).
    first = p.meetings[0]
    utc = (replace(first, start=first.start.astimezone(UTC)), *p.meetings[1:])
    assert utc == p.meetings and utc[0].start.tzinfo is not first.start.tzinfo
    plans = [replace(p, meetings=folded), replace(p, meetings=utc)]
    texts = _SharedTexts()
    assert_plain(texts, [groups[0], *(GroupPlan(f"g{i}", (q,)) for i, q in enumerate(plans))])
    assert len({texts.meetings(q) for q in [p, *plans]}) == 3


def test_equal_plans_that_are_other_objects_share_their_text():
    """Value, not identity: a plan equal to one already written gives the same text."""
    groups = awkward_groups()
    p = groups[0].plans[0]
    copy = ModulePlan(
        replace(p.module),
        replace(p.cadence),
        replace(p.slot),
        tuple(replace(x) for x in p.meetings),
        tuple(replace(c) for c in p.closed_weeks),
    )
    texts = _SharedTexts()
    assert_plain(texts, [groups[0], GroupPlan("copy", (copy,))])
    assert texts.plan_lines.count == 1  # found, not written again
    assert texts.by_plans.count == 1


def test_meeting_lines_of_a_module_under_an_id_already_seen():
    write = _MeetingLines()
    p = awkward_groups()[0].plans[0]
    other = replace(p, module=replace(p.module, part_titles=("Ny",) * 8))
    for plan in (p, other, p):
        assert [write(plan, x) for x in plan.meetings] == [
            meeting_line(plan, x) for x in plan.meetings
        ]


def test_the_json_writer_calls_no_id():
    """No text is kept by an object's id() (a freed object's id is reused)."""
    for path in sorted(RENDER.glob("json*.py")):
        calls = [
            node.lineno
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "id"
        ]
        assert calls == [], f"{path.name} calls id() on lines {calls}"
