"""The JSON contract for scripts (``--format json``), documented in docs/json.md.
Schema ``klplan.schedule/1``: fields may be added; none are removed or renamed
without a new schema version."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from klplan import __version__
from klplan.core.budget import PREPARATION_FACTOR
from klplan.core.models import SchoolCalendar
from klplan.core.parse import WEEKDAY_IDS
from klplan.core.plan import ClosedWeek, Meeting, ModulePlan, Notice
from klplan.messages import reason_label
from klplan.planning import (
    Budgets,
    CalendarOutcome,
    CheckIn,
    GroupPlan,
    ScheduleOutcome,
    notice_text,
    time_budgets,
)

SCHEMA = "klplan.schedule/1"


def schedule_document(outcome: ScheduleOutcome) -> dict[str, Any]:
    """The whole document as one dict (for tests and small runs; the CLI streams it
    with ``schedule_json_chunks``, which gives the same data)."""
    doc = _skeleton(outcome)
    doc["groups"] = [group_document(g) for g in outcome.groups]
    return doc


_GROUPS = "\x00groups\x00"
_MEETINGS = "\x00meetings\x00"
# The C encoder (no indent): one meeting per line, 10x faster than indent=2.
_LINE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _pretty(doc: dict[str, Any], depth: int) -> str:
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth) if depth else text


def _entries(doc: dict[str, Any], depth: int) -> str:
    """The indented ``"key": value`` lines of ``_pretty(doc, depth)``, without its
    braces (``doc`` is not empty), so that documents can be pieced together."""
    return _pretty(doc, depth)[2 : -2 - 2 * depth]


# Texts kept for reuse while streaming: enough for any realistic variety of slots and
# modules, few enough that memory does not grow with the number of groups.
_CACHED_LINES = 50_000
# The fields of a group document that come from its module plans, in document order.
_PLAN_FIELDS = ("module", "cadence", "slot", "modules", "closed_weeks")


def schedule_json_chunks(outcome: ScheduleOutcome) -> Iterator[str]:
    """The JSON document, group by group, so memory does not grow with the number of
    groups: indented like ``json.dumps(indent=2)``, but each meeting on one line."""
    head, tail = _pretty({**_skeleton(outcome), "groups": _GROUPS}, 0).split(json.dumps(_GROUPS))
    yield head + "["
    # Groups on the same modules, cadences, slots and closed weeks share the text of
    # those fields (indenting JSON in Python is slow). Keyed by the module objects'
    # identity (groups on one module share its object; the outcome keeps them all
    # alive during the call) and by the other, hashable, inputs of plan_document.
    plan_text: dict[tuple[object, ...], str] = {}
    # Likewise one line per distinct meeting: groups that meet at the same time on the
    # same module have equal meetings. A meeting's fields are compared by value, but
    # aware datetimes equal as instants can still print differently, so their zone
    # and fold are part of the key.
    meeting_text: dict[tuple[object, ...], str] = {}

    def meeting_line(p: ModulePlan, x: Meeting) -> str:
        key = (id(p.module), x, x.start.tzinfo, x.start.fold, x.end.tzinfo, x.end.fold)
        line = meeting_text.get(key)
        if line is None:
            if len(meeting_text) >= _CACHED_LINES:  # memory stays bounded
                meeting_text.clear()
            line = meeting_text[key] = "        " + _LINE.encode(meeting_document(p, x))
        return line

    for i, g in enumerate(outcome.groups):
        key = tuple((id(p.module), p.cadence, p.slot, p.closed_weeks) for p in g.plans)
        derived = plan_text.get(key)
        doc = group_document(g, meetings=False, plans=derived is None)
        if derived is None:
            if len(plan_text) >= _CACHED_LINES:
                plan_text.clear()
            derived = plan_text[key] = _entries({k: doc[k] for k in _PLAN_FIELDS}, 2)
        own = _entries({k: v for k, v in doc.items() if k not in _PLAN_FIELDS}, 2)
        lines = ",\n".join(meeting_line(p, x) for p in g.plans for x in p.meetings)
        yield (
            ("," if i else "")
            + "\n    {\n"
            + own
            + ",\n"
            + derived
            + ',\n      "meetings": [\n'
            + lines
            + "\n      ]\n    }"
        )
    yield ("\n  ]" if outcome.groups else "]") + tail + "\n"


def _skeleton(outcome: ScheduleOutcome) -> dict[str, Any]:
    closed: dict[str, ClosedWeek] = {}
    for g in outcome.groups:
        for p in g.plans:
            for c in p.closed_weeks:
                closed.setdefault(str(c.week), c)
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
        "budgets": budgets_document(time_budgets(outcome)),
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


def budgets_document(b: Budgets) -> dict[str, Any]:
    return {
        "preparation_factor": PREPARATION_FACTOR,
        "participants": [
            {
                "group": p.group,
                "module": p.module_id,
                "parts": p.parts,
                "meeting_minutes": p.meeting_minutes,
                "planned_minutes": list(p.planned_minutes),
                "planned_hours": [round(h, 2) for h in p.planned_hours],
                "estimate_hours": p.estimate_hours,
            }
            for p in b.participants
        ],
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
    docs = [plan_document(p, meetings=False) for p in g.plans]
    first = docs[0]
    doc |= {
        "module": first["module"],
        "cadence": first["cadence"],
        "slot": first["slot"],
        "modules": docs,
        "closed_weeks": [c for p in docs for c in p["closed_weeks"]],
    }
    if meetings:
        doc["meetings"] = [meeting_document(p, x) for p in g.plans for x in p.meetings]
    return doc


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


def plan_document(plan: ModulePlan, meetings: bool = True) -> dict[str, Any]:
    m = plan.module
    doc = {
        "module": {
            "id": m.id,
            "title": m.title,
            "parts": m.parts,
            "hours": m.hours,
            "verified": m.verified,
        },
        "cadence": {"id": plan.cadence.id, "gaps": list(plan.cadence.gaps)},
        "slot": {
            "weekday": WEEKDAY_IDS[plan.slot.weekday],
            "time": plan.slot.time.strftime("%H:%M"),
            "duration_minutes": plan.slot.duration_minutes,
            "timezone": plan.slot.timezone,
        },
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
