"""The JSON contract for scripts (``--format json``), documented in docs/json.md.
Schema ``klplan.schedule/1``: fields may be added; none are removed or renamed
without a new schema version."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import tzinfo
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any

from klplan import __version__
from klplan.core.budget import PREPARATION_FACTOR, Budgets, ParticipantBudget
from klplan.core.models import Cadence, Module, SchoolCalendar, Slot, Term
from klplan.core.outcome import CheckIn, GroupPlan, ScheduleOutcome, time_budgets
from klplan.core.parse import WEEKDAY_IDS
from klplan.core.plan import ClosedWeek, Meeting, ModulePlan, Notice
from klplan.core.weeks import IsoWeek
from klplan.messages import reason_label
from klplan.render.notices import notice_text

if TYPE_CHECKING:
    from klplan.core.outcome import CalendarOutcome

SCHEMA = "klplan.schedule/1"


def schedule_document(outcome: ScheduleOutcome) -> dict[str, Any]:
    """The whole document as one dict (for tests and small runs; the CLI streams it
    with ``schedule_json_chunks``, which gives the same data)."""
    doc = _skeleton(outcome)
    doc["groups"] = [group_document(g) for g in outcome.groups]
    return doc


_GROUPS = "\x00groups\x00"


def _pretty(doc: dict[str, Any], depth: int) -> str:
    """``json.dumps(doc, ensure_ascii=False, indent=2)``, every line after the first
    indented by ``depth`` more levels."""
    return _indented(doc, "  " * depth)


def _entries(doc: dict[str, Any], depth: int) -> str:
    """The indented ``"key": value`` lines of ``_pretty(doc, depth)``, without its
    braces (``doc`` is not empty), so that documents can be pieced together."""
    indent = "  " * depth
    if doc and all(map(_SCALAR_TYPES.__contains__, map(type, doc.values()))):
        # A group's own fields: written by the C encoder, without braces to strip.
        return indent + "  " + _flat_encoder(indent)(doc)[1:-1]
    return _indented(doc, indent)[2 : -2 - 2 * depth]


# json.dumps(indent=2) runs Python's own encoder, value by value (in Python 3.11 the C
# encoder has no indent); a large plan's budgets and notices are hundreds of
# thousands of values. ``_indented`` gives the same text faster: a container that
# holds only scalars is written by the C encoder, whose item separator can carry the
# newline and indentation; others are written here, scalars by the same functions
# json uses. tests/test_plan_caches.py compares it with json.dumps.
_SCALAR_TYPES = frozenset((str, int, float, bool, type(None)))


def _float(x: float) -> str:
    """A float as json writes it (``allow_nan``: NaN and Infinity as JavaScript has them)."""
    if x != x:
        return "NaN"
    if x in (math.inf, -math.inf):
        return "Infinity" if x > 0 else "-Infinity"
    return float.__repr__(x)


# Scalars of these exact types, as json writes them (subclasses go to json itself).
_SCALARS: dict[type, Any] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: lambda b: "true" if b else "false",
    type(None): lambda _: "null",
}


def _c_encoder(item_separator: str) -> Callable[[Any], str]:
    """``JSONEncoder(ensure_ascii=False, separators=(item_separator, ": ")).encode``,
    with json's C encoder made once (``encode`` makes it again for every call, which
    costs more than writing a small document)."""
    plain = json.JSONEncoder(ensure_ascii=False, separators=(item_separator, ": "))
    if c_make_encoder is None:  # an interpreter without json's C accelerator
        return plain.encode
    # The arguments JSONEncoder.iterencode gives it, but no check for circular
    # references (klplan's documents are trees).
    c = c_make_encoder(
        None, plain.default, encode_basestring, None, ": ", item_separator, False, False, True
    )
    return lambda value: "".join(c(value, 0))


# The C encoder (no indent): one meeting per line, 10x faster than indent=2.
_line = _c_encoder(", ")
_FLAT: dict[str, Callable[[Any], str]] = {}


def _flat_encoder(indent: str) -> Callable[[Any], str]:
    """A function writing a container of scalars one item per line at ``indent``."""
    encoder = _FLAT.get(indent)
    if encoder is None:
        encoder = _FLAT[indent] = _c_encoder(",\n" + indent + "  ")
    return encoder


class _Raw:
    """A value that writes itself: ``render(indent)`` gives its text for
    ``_indented``, which puts it in place as it is."""

    __slots__ = ("render",)

    def __init__(self, render: Callable[[str], str]) -> None:
        self.render = render


def _indented(value: Any, indent: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it,
    with ``indent`` before every line after the first."""
    kind = type(value)
    scalar = _SCALARS.get(kind)
    if scalar is not None:
        return scalar(value)  # type: ignore[no-any-return]
    if kind is _Raw:
        return value.render(indent)  # type: ignore[no-any-return]
    if kind is dict:
        items = value.values()
    elif kind is list or kind is tuple:
        items = value
    else:
        return _dumps(value, indent)  # subclasses of str, int, dict, list...: json's way
    if not value:
        return "{}" if kind is dict else "[]"
    inner = indent + "  "
    if all(map(_SCALAR_TYPES.__contains__, map(type, items))):
        text = _flat_encoder(indent)(value)
        return text[0] + "\n" + inner + text[1:-1] + "\n" + indent + text[-1]
    get = _SCALARS.get
    if kind is dict:
        try:
            parts = [
                encode_basestring(k) + ": " + (s(v) if (s := get(type(v))) else _indented(v, inner))
                for k, v in value.items()
            ]
        except TypeError:  # a key that is not text: json turns it into text, or refuses it
            return _dumps(value, indent)
        return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "}"
    parts = [s(v) if (s := get(type(v))) else _indented(v, inner) for v in value]
    return "[\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "]"


def _dumps(value: Any, indent: str) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + indent) if indent else text


# Texts kept for reuse while streaming: enough for any realistic variety of slots and
# modules, few enough that memory does not grow with the number of groups.
_CACHED_LINES = 50_000
_CACHED_CHARS = 30_000_000


def schedule_json_chunks(outcome: ScheduleOutcome) -> Iterator[str]:
    """The JSON document, group by group, so memory does not grow with the number of
    groups: indented like ``json.dumps(indent=2)``, but each meeting on one line."""
    head, tail = _pretty({**_skeleton(outcome, stream=True), "groups": _GROUPS}, 0).split(
        json.dumps(_GROUPS)
    )
    yield head + "["
    texts = _SharedTexts()
    for i, g in enumerate(outcome.groups):
        yield "".join(
            [
                ",\n    {\n" if i else "\n    {\n",
                _entries(group_document(g, meetings=False, plans=False), 2),
                ",\n",
                texts.derived(g),
                ',\n      "meetings": [\n',
                ",\n".join([texts.meetings(p) for p in g.plans]),
                "\n      ]\n    }",
            ]
        )
    yield ("\n  ]" if outcome.groups else "]") + tail + "\n"


class _SharedTexts:
    """The parts of group documents that groups share, written once per run of
    ``schedule_json_chunks``: groups on the same module plan (the planner gives
    groups with the same inputs one plan object) have the same plan fields and the
    same meeting lines, since a meeting line is made of the plan's module and the
    meeting only. Plans and meetings are keyed by identity (the outcome keeps them
    all alive during the call); each cache is emptied when it grows past its bound,
    so memory does not grow with the number of groups."""

    def __init__(self) -> None:
        self.by_plans: dict[tuple[int, ...], str] = {}
        # Plans equal in the fields of plan_document (by value; the module by its
        # object's identity) give the same text, even as different objects.
        self.by_value: dict[tuple[object, ...], str] = {}
        self.parts: dict[tuple[object, object, str], str] = {}
        self.plan_lines: dict[int, str] = {}
        self.plan_chars = 0
        # A plan not seen yet may still share meetings with one that was: the
        # scheduler makes each part's meetings once for every plan that places them
        # in the same weeks and slot.
        self.lines: dict[tuple[int, int], str] = {}
        self.write_line = _MeetingLines()

    def derived(self, g: GroupPlan) -> str:
        """The group's fields that come from its plans, as indented entries."""
        key = tuple(map(id, g.plans))
        text = self.by_plans.get(key)
        if text is None:
            value_key = tuple(
                (id(p.module), p.cadence, _slot_key(p.slot), p.closed_weeks) for p in g.plans
            )
            text = self.by_value.get(value_key)
            if text is None:
                text = _entries(_plans_fields([self.plan_fields(p) for p in g.plans]), 2)
                _bounded(self.by_value, _CACHED_LINES)[value_key] = text
            _bounded(self.by_plans, _CACHED_LINES)[key] = text
        return text

    def plan_fields(self, p: ModulePlan) -> dict[str, Any]:
        """``plan_document(p, meetings=False)`` with its module, cadence, slot and
        closed weeks as texts that plans share (most plans that differ, differ in
        one of them only, or in how they are put together)."""
        return {
            "module": self.part(_module, p.module, id(p.module)),
            "cadence": self.part(_cadence, p.cadence, p.cadence),
            "slot": self.part(_slot, p.slot, _slot_key(p.slot)),
            "closed_weeks": [self.part(_closed, c, c) for c in p.closed_weeks],
        }

    def part(self, make: Callable[[Any], dict[str, Any]], value: Any, key: object) -> _Raw:
        """``make(value)`` for ``_indented``: its text kept per ``key`` (which
        stands for all of ``value`` that ``make`` reads) and indentation."""
        texts = self.parts

        def render(indent: str) -> str:
            text = texts.get((make, key, indent))
            if text is None:
                text = _indented(make(value), indent)
                _bounded(texts, _CACHED_LINES)[(make, key, indent)] = text
            return text

        return _Raw(render)

    def meetings(self, p: ModulePlan) -> str:
        """The plan's meeting lines, joined."""
        text = self.plan_lines.get(id(p))
        if text is None:
            text = ",\n".join([self.line(p, x) for x in p.meetings])
            if self.plan_chars + len(text) > _CACHED_CHARS:
                self.plan_lines.clear()
                self.plan_chars = 0
            self.plan_lines[id(p)] = text
            self.plan_chars += len(text)
        return text

    def line(self, p: ModulePlan, x: Meeting) -> str:
        key = (id(p.module), id(x))
        line = self.lines.get(key)
        if line is None:
            line = self.write_line(p, x)
            _bounded(self.lines, _CACHED_LINES)[key] = line
        return line


class _MeetingLines:
    """Writes a meeting's line as ``"        " + _line(meeting_document(p, x))`` does,
    from pieces kept for one run, for meetings that no other plan shares.

    Half of a line depends only on the module, the part and the moment (module,
    part, part_title, moment, kind, due_before's moment, kind and minutes): those
    fields are written once per (module object, module id, part, moment), by the C
    encoder from ``meeting_document`` itself. The other half is the meeting's own
    (week, date, start, end, term, due_before's weeks, moved_*), whose texts come
    from few values (a calendar's weeks and days, a few slot times), so each is
    written once per value and escaped by ``encode_basestring``, as the C encoder
    does with ``ensure_ascii=False``. Modules, weeks and terms are keyed by identity
    (cheaper than an IsoWeek's hash, and the scheduler shares its week objects): the
    outcome holds them while the run lasts. tests/test_plan_caches.py compares the
    lines with ``meeting_document`` through json."""

    __slots__ = ("fixed", "terms", "weeks", "when")

    def __init__(self) -> None:
        self.fixed: dict[tuple[int, str, int, str], tuple[str, str]] = {}
        self.weeks: dict[int, str] = {}
        # The date, start and end fields. An aware datetime equals one in another
        # zone at the same instant, and one with the other ``fold``, but is written
        # with its own offset: both are in the key.
        self.when: dict[tuple[object, ...], str] = {}
        self.terms: dict[int, str] = {}

    def __call__(self, p: ModulePlan, x: Meeting) -> str:
        fixed = self.fixed.get((id(p.module), x.module_id, x.part, x.moment))
        if fixed is None:
            fixed = self._fixed(p, x)
        head, due = fixed
        s, e = x.start, x.end
        key = (x.date, s, s.tzinfo, s.fold, e, e.tzinfo, e.fold)
        when = self.when.get(key)
        if when is None:
            when = self._when(x, key)
        weeks = self.weeks
        prep = x.prep_weeks
        if len(prep) == 1:  # nearly always
            prep_text = weeks.get(id(prep[0])) or self._week(prep[0])
        else:
            prep_text = ", ".join([weeks.get(id(w)) or self._week(w) for w in prep])
        moved, because = x.moved_from, x.moved_because
        return (
            f"{head}{weeks.get(id(x.week)) or self._week(x.week)}{when}"
            f"{self.terms.get(id(x.term)) or self._term(x.term)}{due}{prep_text}"
            f']}}, "moved_from": {encode_basestring(moved.isoformat()) if moved else "null"}'
            ', "moved_because": '
            f"{encode_basestring(reason_label(because.code, because.name)) if because else 'null'}"
            "}"
        )

    def _fixed(self, p: ModulePlan, x: Meeting) -> tuple[str, str]:
        doc = meeting_document(p, x)
        due = doc["due_before"]
        head = _line({k: doc[k] for k in ("module", "part", "part_title", "moment", "kind")})
        due_text = _line({k: due[k] for k in ("moment", "kind", "minutes")})
        fixed = (
            "        " + head[:-1] + ', "week": ',
            ', "due_before": ' + due_text[:-1] + ', "weeks": [',
        )
        _bounded(self.fixed, _CACHED_LINES)[(id(p.module), x.module_id, x.part, x.moment)] = fixed
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
        text = _bounded(self.weeks, _CACHED_LINES)[id(w)] = encode_basestring(str(w))
        return text  # type: ignore[no-any-return]

    def _term(self, term: Term) -> str:
        text = _bounded(self.terms, _CACHED_LINES)[id(term)] = encode_basestring(term.label)
        return text  # type: ignore[no-any-return]


def _slot_key(slot: Slot) -> tuple[Slot, tzinfo | None]:
    """What ``_slot`` writes: the slot's value and its time's zone (an aware time is
    equal to one in another zone at the same instant, but written with its own hour)."""
    return slot, slot.time.tzinfo


def _bounded(cache: dict[Any, str], limit: int) -> dict[Any, str]:
    """``cache``, emptied first if it has reached ``limit`` entries."""
    if len(cache) >= limit:
        cache.clear()
    return cache


def _skeleton(outcome: ScheduleOutcome, stream: bool = False) -> dict[str, Any]:
    """Everything but the groups; with ``stream``, the participants' budgets as text
    for ``_indented`` (see ``_participants_text``)."""
    closed: dict[str, ClosedWeek] = {}
    seen: set[int] = set()  # plans by identity: groups share them (the outcome holds them)
    for g in outcome.groups:
        for p in g.plans:
            if id(p) not in seen:
                seen.add(id(p))
                for c in p.closed_weeks:
                    closed.setdefault(str(c.week), c)
    budgets = time_budgets(outcome)
    groups_of = outcome.groups_by_leader()
    return {
        "schema": SCHEMA,
        "generator": {"name": "klplan", "version": __version__},
        "plan": _plan(outcome),
        "inputs": {
            "school_year": _school_year(outcome.school_year),
            "school_years": list(outcome.calendar.school_years),
            "region": outcome.calendar.region.as_dict(),
            "start": str(outcome.start),
            "spring_start": str(outcome.spring_start) if outcome.spring_start else None,
            "defaults_used": list(outcome.defaults_used),
        },
        "calendar": calendar_document(outcome.calendar),
        "closed_weeks": [_closed(c) for _, c in sorted(closed.items())],
        "notices": [notice_document(n) for n in outcome.notices],
        "leaders": [
            {
                "id": x.id,
                "name": x.name,
                "email": x.email,
                "groups": [g.id for g in groups_of[x.id]],
            }
            for x in outcome.leaders
        ],
        "groups": None,  # filled in by schedule_document / schedule_json_chunks
        "checkins": [checkin_document(c) for c in outcome.checkins],
        "budgets": _budgets_document(
            budgets,
            _Raw(lambda indent: _participants_text(budgets.participants, indent))
            if stream
            else [participant_document(p) for p in budgets.participants],
        ),
    }


def _plan(outcome: ScheduleOutcome) -> dict[str, Any] | None:
    p = outcome.plan
    if p is None:
        return None
    return {"id": p.id, "name": p.name, "school": p.school, "municipality": p.municipality}


def checkin_document(c: CheckIn) -> dict[str, Any]:
    return {
        "leader": c.leader,
        "sequence_no": c.sequence_no,
        "week": str(c.week),
        "date": c.date.isoformat(),
        "start": c.start.isoformat(),
        "end": c.end.isoformat(),
        "location": c.location,
    }


def participant_document(p: ParticipantBudget) -> dict[str, Any]:
    # Its group comes first: _participants_text relies on it.
    return {
        "group": p.group,
        "module": p.module_id,
        "parts": p.parts,
        "meeting_minutes": p.meeting_minutes,
        "planned_minutes": list(p.planned_minutes),
        "planned_hours": [round(h, 2) for h in p.planned_hours],
        "estimate_hours": p.estimate_hours,
    }


def _participants_text(participants: tuple[ParticipantBudget, ...], indent: str) -> str:
    """The participants' budgets as ``_indented`` writes their documents. Groups on
    the same module and meeting length have the same budget but for the group's id,
    and a large plan has one budget per group: the text after the id is written once
    per distinct value of every other field ``participant_document`` shows."""
    if not participants:
        return "[]"
    inner = indent + "  "
    tails: dict[tuple[object, ...], str] = {}
    parts: list[str] = []
    for p in participants:
        head = "{\n" + inner + '  "group": ' + _indented(p.group, "")
        key = (
            p.module_id,
            p.parts,
            p.meeting_minutes,
            p.planned_minutes,
            p.estimate_hours,
            type(p.estimate_hours),  # 30 and 30.0 are equal, but json writes them apart
        )
        tail = tails.get(key)
        if tail is None:
            text = _indented(participant_document(p), inner)
            tail = tails[key] = text[len(head) :]
        parts.append(head + tail)
    return "[\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "]"


def _budgets_document(b: Budgets, participants: Any) -> dict[str, Any]:
    return {
        "preparation_factor": PREPARATION_FACTOR,
        "participants": participants,
        "leaders": [
            {
                "leader": x.leader,
                "groups": list(x.groups),
                "meetings": x.meetings,
                "checkins": x.checkins,
                "school_weeks": x.school_weeks,
                "meeting_minutes": x.meeting_minutes,
                "preparation_minutes": x.preparation_minutes,
                "checkin_minutes": x.checkin_minutes,
                "total_minutes": x.total_minutes,
                "meetings_per_week": round(x.meetings_per_week, 2),
                "hours_per_week": round(x.hours_per_week, 2),
                "peak_meetings_per_week": x.peak_meetings,
                "peak_hours_per_week": round(x.peak_minutes / 60, 2),
            }
            for x in b.leaders
        ],
    }


def group_document(g: GroupPlan, meetings: bool = True, plans: bool = True) -> dict[str, Any]:
    """A group: its fields, its modules in order, and all its meetings in order.
    ``module``/``cadence``/``slot`` describe the first module (for one-module runs).
    Without ``plans``, only the group's own fields (those before ``module``)."""
    doc: dict[str, Any] = {
        "id": g.id,
        "name": g.name,
        "leader": g.leader,
        "participants": g.participants,
        "location": g.location,
        "video_url": g.video_url,
        "sequence": g.sequence,
    }
    if not plans:
        return doc
    doc |= _plans_fields([plan_document(p, meetings=False) for p in g.plans])
    if meetings:
        doc["meetings"] = [meeting_document(p, x) for p in g.plans for x in p.meetings]
    return doc


def _plans_fields(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """A group's fields that come from its plans' documents (``plan_document``
    without meetings, or their texts), in document order."""
    first = docs[0]
    return {
        "module": first["module"],
        "cadence": first["cadence"],
        "slot": first["slot"],
        "modules": docs,
        "closed_weeks": [c for p in docs for c in p["closed_weeks"]],
    }


def _school_year(first: int) -> str:
    return f"{first}/{(first + 1) % 100:02d}"


def calendar_document(cal: SchoolCalendar) -> dict[str, Any]:
    return {
        "region": cal.region.as_dict(),
        "terms": [
            {
                "name": term.name,
                "school_year": term.school_year,
                "start": term.start.isoformat(),
                "end": term.end.isoformat(),
            }
            for term in cal.terms
        ],
        "sources": [
            {
                "school_year": p.school_year,
                "source": p.source,
                "source_url": p.source_url,
                "verified_fields": list(p.verified_fields),
                "estimated": p.estimated,
                "notes": list(p.notes),
            }
            for p in cal.provenance
        ],
    }


def notice_document(n: Notice) -> dict[str, Any]:
    w = n.where
    return {
        "code": n.key,
        "message": notice_text(replace(n, where=None)),
        "where": (
            {"file": w.file, "line": w.line, "column": w.column, "key": w.key} if w else None
        ),
    }


def _closed(c: ClosedWeek) -> dict[str, Any]:
    return {
        "week": str(c.week),
        "reason": c.reason.code,
        "name": c.reason.name,
        "label": reason_label(c.reason.code, c.reason.name),
    }


def _module(m: Module) -> dict[str, Any]:
    return {
        "id": m.id,
        "title": m.title,
        "parts": m.parts,
        "hours": m.hours,
        "verified": m.verified,
    }


def _cadence(c: Cadence) -> dict[str, Any]:
    return {"id": c.id, "gaps": list(c.gaps)}


def _slot(s: Slot) -> dict[str, Any]:
    return {
        "weekday": WEEKDAY_IDS[s.weekday],
        "time": s.time.strftime("%H:%M"),
        "duration_minutes": s.duration_minutes,
        "timezone": s.timezone,
    }


def plan_document(plan: ModulePlan, meetings: bool = True) -> dict[str, Any]:
    doc = {
        "module": _module(plan.module),
        "cadence": _cadence(plan.cadence),
        "slot": _slot(plan.slot),
        "closed_weeks": [_closed(c) for c in plan.closed_weeks],
    }
    if meetings:
        doc["meetings"] = [meeting_document(plan, x) for x in plan.meetings]
    return doc


def meeting_document(plan: ModulePlan, x: Meeting) -> dict[str, Any]:
    spec = plan.module.moments[x.moment]
    prep = plan.module.moments[x.prep_moment]  # type: ignore[index]
    return {
        "module": x.module_id,
        "part": x.part,
        "part_title": plan.module.part_title(x.part),
        "moment": x.moment,
        "kind": spec.kind,
        "week": str(x.week),
        "date": x.date.isoformat(),
        "start": x.start.isoformat(),
        "end": x.end.isoformat(),
        "term": x.term.label,
        "due_before": {
            "moment": x.prep_moment,
            "kind": prep.kind,
            "minutes": list(prep.minutes) if prep.minutes else None,
            "weeks": [str(w) for w in x.prep_weeks],
        },
        "moved_from": x.moved_from.isoformat() if x.moved_from else None,
        "moved_because": (
            reason_label(x.moved_because.code, x.moved_because.name) if x.moved_because else None
        ),
    }


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


CALENDAR_SCHEMA = "klplan.calendar/1"


def calendar_year_document(outcome: CalendarOutcome) -> dict[str, Any]:
    """``klplan calendar --format json``: one region's school year, day by day."""
    from klplan.render.calendar_view import calendar_weeks, week_notes

    cal = outcome.calendar
    weeks = []
    for w in calendar_weeks(cal):
        closed = w.closed
        weeks.append(
            {
                "week": str(w.week),
                "closed": (
                    None
                    if closed is None
                    else {"reason": closed.code, "label": reason_label(closed.code, closed.name)}
                ),
                "notes": list(week_notes(cal, w)),
                "days": [
                    {
                        "date": d.date.isoformat(),
                        "weekday": WEEKDAY_IDS[d.date.weekday()],
                        "status": d.status,
                        "names": list(d.names),
                        "term": d.term.label if d.term else None,
                    }
                    for d in w.days
                ],
            }
        )
    closures = sorted(cal.closures, key=lambda c: (c.start, c.end, c.kind.value, c.name or ""))
    return {
        "schema": CALENDAR_SCHEMA,
        "generator": {"name": "klplan", "version": __version__},
        "school_year": _school_year(outcome.school_year),
        "defaults_used": list(outcome.defaults_used),
        "notices": [notice_document(n) for n in outcome.notices],
        "calendar": calendar_document(cal),
        "closures": [
            {
                "kind": c.kind.value,
                "start": c.start.isoformat(),
                "end": c.end.isoformat(),
                "name": c.name,
                "label": reason_label(c.kind.value, c.name),
            }
            for c in closures
        ],
        "weeks": weeks,
    }
