"""The JSON contract for scripts (``--format json``), documented in docs/json.md.
Schema ``klplan.schedule/1``: fields may be added; none are removed or renamed
without a new schema version.

The documents, field by field, are klplan.render.json_documents (re-exported here);
this module writes the schedule's as a stream, group by group, from texts that groups
share (``schedule_json_chunks``), with klplan.render.json_encoder's encoder."""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterator
from datetime import datetime
from typing import Any

from klplan.core.budget import ParticipantBudget
from klplan.core.models import Module, Slot, Term
from klplan.core.outcome import GroupPlan, ScheduleOutcome
from klplan.core.plan import Meeting, ModulePlan
from klplan.core.weeks import IsoWeek
from klplan.messages import reason_label
from klplan.render.json_documents import (
    CALENDAR_SCHEMA,
    SCHEMA,
    cadence_document,
    calendar_year_document,
    closed_document,
    dumps,
    group_document,
    meeting_document,
    module_document,
    participant_document,
    plan_document,
    plans_fields,
    schedule_document,
    skeleton,
    slot_document,
)
from klplan.render.json_encoder import (
    Raw,
    encode_basestring,
    entries,
    indented,
    one_line,
    pretty,
)

__all__ = [
    "CALENDAR_SCHEMA",
    "SCHEMA",
    "calendar_year_document",
    "dumps",
    "group_document",
    "meeting_document",
    "plan_document",
    "schedule_document",
    "schedule_json_chunks",
]

_GROUPS = "\x00groups\x00"

# Texts kept for reuse while streaming: enough for any realistic variety of slots and
# modules, few enough that memory does not grow with the number of groups.
_CACHED_LINES = 50_000
_CACHED_CHARS = 30_000_000


def schedule_json_chunks(outcome: ScheduleOutcome) -> Iterator[str]:
    """The JSON document, group by group, so memory does not grow with the number of
    groups: indented like ``json.dumps(indent=2)``, but each meeting on one line."""
    doc = skeleton(outcome, lambda ps: Raw(lambda indent: participants_text(ps, indent)))
    head, tail = pretty({**doc, "groups": _GROUPS}, 0).split(json.dumps(_GROUPS))
    yield head + "["
    texts = _SharedTexts()
    for i, g in enumerate(outcome.groups):
        yield "".join(
            [
                ",\n    {\n" if i else "\n    {\n",
                entries(group_document(g, meetings=False, plans=False), 2),
                ",\n",
                texts.derived(g),
                ',\n      "meetings": [\n',
                ",\n".join([texts.meetings(p) for p in g.plans]),
                "\n      ]\n    }",
            ]
        )
    yield ("\n  ]" if outcome.groups else "]") + tail + "\n"


class _Kept:
    """Texts kept for values that cost too much to hash (a plan's meetings, its
    closed weeks): a text is found by a cheap ``fingerprint`` of its value, a tuple
    of a few of its fields, and confirmed by ``same(kept value, value)``. Emptied
    when it holds ``_CACHED_LINES`` texts or ``_CACHED_CHARS`` characters, so memory
    does not grow with the number of groups."""

    __slots__ = ("chars", "count", "found", "same")

    def __init__(self, same: Callable[[Any, Any], bool]) -> None:
        self.same = same
        self.found: dict[Hashable, list[tuple[Any, str]]] = {}
        self.count = self.chars = 0

    def get(self, fingerprint: Hashable, value: Any) -> str | None:
        for kept, text in self.found.get(fingerprint, ()):
            if self.same(kept, value):
                return text
        return None

    def put(self, fingerprint: Hashable, value: Any, text: str) -> None:
        if self.count >= _CACHED_LINES or self.chars + len(text) > _CACHED_CHARS:
            self.found.clear()
            self.count = self.chars = 0
        self.found.setdefault(fingerprint, []).append((value, text))
        self.count += 1
        self.chars += len(text)


_PlanMeetings = tuple[Module, tuple[Meeting, ...]]


def _same_meetings(a: _PlanMeetings, b: _PlanMeetings) -> bool:
    """Whether two plans' (module, meetings) write the same meeting lines: equal, and
    each time written alike (an aware datetime equals one in another zone at the same
    instant, and one with the other ``fold``, but is written with its own offset)."""
    if a[1] is b[1]:  # plans share their meetings (the kept value is held: no id reuse)
        return a[0] is b[0] or a[0] == b[0]
    return a == b and all(map(_same_clocks, a[1], b[1]))


def _same_clocks(x: Meeting, y: Meeting) -> bool:
    return x is y or (_clock(x.start), _clock(x.end)) == (_clock(y.start), _clock(y.end))


def _clock(t: datetime) -> tuple[object, int]:
    return t.tzinfo, t.fold


class _SharedTexts:
    """The parts of group documents that groups share, written once per run of
    ``schedule_json_chunks``: groups on the same module plan (the planner gives
    groups with the same inputs one plan object) have the same plan fields and the
    same meeting lines, since a meeting line is made of the plan's module and the
    meeting only. Texts are kept by value (``_Kept``), never by an object's id():
    a plan equal to one written before, as a different object, finds its text too."""

    def __init__(self) -> None:
        # A group's plan fields, by what they are written from: per plan its module,
        # cadence, slot (and its time's zone) and closed weeks.
        self.by_plans = _Kept(tuple.__eq__)
        self.parts: dict[tuple[object, object, str], str] = {}
        # A plan's meeting lines, by its module and meetings.
        self.plan_lines = _Kept(_same_meetings)
        self.write_line = _MeetingLines()

    def derived(self, g: GroupPlan) -> str:
        """The group's fields that come from its plans, as indented entries."""
        plans = g.plans
        if len(plans) == 1:  # nearly always
            p = plans[0]
            slot = p.slot
            fingerprint: Hashable = (p.module.id, slot.weekday, slot.time, len(p.closed_weeks))
            value: tuple[object, ...] = (
                p.module,
                p.cadence,
                slot,
                slot.time.tzinfo,
                p.closed_weeks,
            )
        else:
            fingerprint = tuple([(p.module.id, p.slot.weekday, len(p.closed_weeks)) for p in plans])
            value = tuple(
                [(p.module, p.cadence, *_slot_key(p.slot), p.closed_weeks) for p in plans]
            )
        text = self.by_plans.get(fingerprint, value)
        if text is None:
            text = entries(plans_fields([self.plan_fields(p) for p in g.plans]), 2)
            self.by_plans.put(fingerprint, value, text)
        return text

    def plan_fields(self, p: ModulePlan) -> dict[str, Any]:
        """``plan_document(p, meetings=False)`` with its module, cadence, slot and
        closed weeks as texts that plans share (most plans that differ, differ in
        one of them only, or in how they are put together)."""
        m = p.module
        return {
            "module": self.part(module_document, m, (m.id, m.title, m.parts, m.hours, m.verified)),
            "cadence": self.part(cadence_document, p.cadence, p.cadence),
            "slot": self.part(slot_document, p.slot, _slot_key(p.slot)),
            "closed_weeks": [self.part(closed_document, c, c) for c in p.closed_weeks],
        }

    def part(self, make: Callable[[Any], dict[str, Any]], value: Any, key: object) -> Raw:
        """``make(value)`` for ``indented``: its text kept per ``key`` (which
        stands for all of ``value`` that ``make`` reads) and indentation."""
        texts = self.parts

        def render(indent: str) -> str:
            text = texts.get((make, key, indent))
            if text is None:
                text = indented(make(value), indent)
                _bounded(texts, _CACHED_LINES)[(make, key, indent)] = text
            return text

        return Raw(render)

    def meetings(self, p: ModulePlan) -> str:
        """The plan's meeting lines, joined."""
        meetings = p.meetings
        value = (p.module, meetings)
        fingerprint = (
            (p.module.id, len(meetings), meetings[0].start, meetings[-1].start)
            if meetings
            else p.module.id
        )
        text = self.plan_lines.get(fingerprint, value)
        if text is None:
            text = ",\n".join([self.write_line(p, x) for x in meetings])
            self.plan_lines.put(fingerprint, value, text)
        return text


class _MeetingLines:
    """Writes a meeting's line as ``"        " + one_line(meeting_document(p, x))``
    does, from pieces kept for one run, for meetings that no other plan shares.

    Half of a line depends only on the module, the part and the moment (module,
    part, part_title, moment, kind, due_before's moment, kind and minutes): those
    fields are written once per (module id, part, moment), by the C encoder from
    ``meeting_document`` itself, and kept with the module they were written from.
    The other half is the meeting's own (week, date, start, end, term, due_before's
    weeks, moved_*), whose texts come from few values (a calendar's weeks and days,
    a few slot times), so each is written once per value and escaped by
    ``encode_basestring``, as the C encoder does with ``ensure_ascii=False``. Weeks
    are kept by (year, week), terms by (name, year of their start): what their
    texts are made of. tests/test_plan_caches.py compares the lines with
    ``meeting_document`` through json."""

    __slots__ = ("fixed", "terms", "weeks", "when")

    def __init__(self) -> None:
        self.fixed: dict[tuple[str, str, int, str], tuple[str, str, Module]] = {}
        self.weeks: dict[tuple[int, int], str] = {}
        # The date, start and end fields. An aware datetime equals one in another
        # zone at the same instant, and one with the other ``fold``, but is written
        # with its own offset: both are in the key.
        self.when: dict[tuple[object, ...], str] = {}
        self.terms: dict[tuple[str, int], str] = {}

    def __call__(self, p: ModulePlan, x: Meeting) -> str:
        fixed = self.fixed.get((p.module.id, x.module_id, x.part, x.moment))
        if fixed is None or (fixed[2] is not p.module and fixed[2] != p.module):
            fixed = self._fixed(p, x)
        head, due, _ = fixed
        s, e = x.start, x.end
        key = (x.date, s, s.tzinfo, s.fold, e, e.tzinfo, e.fold)
        when = self.when.get(key)
        if when is None:
            when = self._when(x, key)
        weeks = self.weeks
        prep = x.prep_weeks
        if len(prep) == 1:  # nearly always
            w = prep[0]
            prep_text = weeks.get((w.year, w.week)) or self._week(w)
        else:
            prep_text = ", ".join([weeks.get((w.year, w.week)) or self._week(w) for w in prep])
        w, term = x.week, x.term
        moved, because = x.moved_from, x.moved_because
        return (
            f"{head}{weeks.get((w.year, w.week)) or self._week(w)}{when}"
            f"{self.terms.get((term.name, term.start.year)) or self._term(term)}{due}{prep_text}"
            f']}}, "moved_from": {encode_basestring(moved.isoformat()) if moved else "null"}'
            ', "moved_because": '
            f"{encode_basestring(reason_label(because.code, because.name)) if because else 'null'}"
            "}"
        )

    def _fixed(self, p: ModulePlan, x: Meeting) -> tuple[str, str, Module]:
        doc = meeting_document(p, x)
        due = doc["due_before"]
        head = one_line({k: doc[k] for k in ("module", "part", "part_title", "moment", "kind")})
        due_text = one_line({k: due[k] for k in ("moment", "kind", "minutes")})
        fixed = (
            "        " + head[:-1] + ', "week": ',
            ', "due_before": ' + due_text[:-1] + ', "weeks": [',
            p.module,
        )
        _bounded(self.fixed, _CACHED_LINES)[(p.module.id, x.module_id, x.part, x.moment)] = fixed
        return fixed

    def _when(self, x: Meeting, key: tuple[object, ...]) -> str:
        text = (
            f', "date": {encode_basestring(x.date.isoformat())}'
            f', "start": {encode_basestring(x.start.isoformat())}'
            f', "end": {encode_basestring(x.end.isoformat())}, "term": '
        )
        _bounded(self.when, _CACHED_LINES)[key] = text
        return text

    def _week(self, w: IsoWeek) -> str:
        text: str = encode_basestring(str(w))
        _bounded(self.weeks, _CACHED_LINES)[(w.year, w.week)] = text
        return text

    def _term(self, term: Term) -> str:
        text: str = encode_basestring(term.label)
        _bounded(self.terms, _CACHED_LINES)[(term.name, term.start.year)] = text
        return text


def _slot_key(slot: Slot) -> tuple[Slot, object]:
    """What ``slot_document`` writes: the slot's value and its time's zone (an aware
    time is equal to one in another zone at the same instant, but written with its
    own hour)."""
    return slot, slot.time.tzinfo


def _bounded(cache: dict[Any, Any], limit: int) -> dict[Any, Any]:
    """``cache``, emptied first if it has reached ``limit`` entries."""
    if len(cache) >= limit:
        cache.clear()
    return cache


def participants_text(participants: tuple[ParticipantBudget, ...], indent: str) -> str:
    """The participants' budgets as ``indented`` writes their documents. Groups on
    the same module and meeting length have the same budget but for the group's id,
    and a large plan has one budget per group: the text after the id is written once
    per distinct value of every other field ``participant_document`` shows."""
    if not participants:
        return "[]"
    inner = indent + "  "
    tails: dict[tuple[object, ...], str] = {}
    parts: list[str] = []
    for p in participants:
        head = "{\n" + inner + '  "group": ' + indented(p.group, "")
        key = (
            p.module_id,
            p.parts,
            p.meeting_minutes,
            p.follow_up_minutes,
            p.planned_minutes,
            p.estimate_hours,
            type(p.estimate_hours),  # 30 and 30.0 are equal, but json writes them apart
        )
        tail = tails.get(key)
        if tail is None:
            text = indented(participant_document(p), inner)
            tail = tails[key] = text[len(head) :]
        parts.append(head + tail)
    return "[\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "]"
