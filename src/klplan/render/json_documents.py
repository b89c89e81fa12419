"""The documents of the JSON contract for scripts (``--format json``, docs/json.md):
what each object holds, field by field, as plain dicts. klplan.render.json writes
them (and streams the schedule's, group by group).

Schema ``klplan.schedule/1`` (and ``klplan.calendar/1``): fields may be added; none
are removed or renamed without a new schema version."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from klplan import __version__
from klplan.core.budget import (
    FULL_TIME_WEEKLY_HOURS,
    PREPARATION_FACTOR,
    Budgets,
    ParticipantBudget,
)
from klplan.core.models import Cadence, Module, SchoolCalendar, Slot
from klplan.core.outcome import CheckIn, GroupPlan, ScheduleOutcome, time_budgets
from klplan.core.parse import WEEKDAY_IDS
from klplan.core.plan import ClosedWeek, Meeting, ModulePlan, Notice
from klplan.messages import reason_label
from klplan.render.notices import notice_text

if TYPE_CHECKING:
    from klplan.core.outcome import CalendarOutcome

SCHEMA = "klplan.schedule/1"


def schedule_document(outcome: ScheduleOutcome) -> dict[str, Any]:
    """The whole document as one dict (for tests and small runs; the CLI streams it
    with ``schedule_json_chunks``, which gives the same data)."""
    doc = skeleton(outcome, _participant_documents)
    doc["groups"] = [group_document(g) for g in outcome.groups]
    return doc


def skeleton(
    outcome: ScheduleOutcome, participants: Callable[[tuple[ParticipantBudget, ...]], Any]
) -> dict[str, Any]:
    """Everything but the groups (``"groups": None``), the participants' budgets as
    ``participants`` gives them (documents, or a text that writes itself)."""
    closed: dict[tuple[int, int], ClosedWeek] = {}  # the first found for each week
    last: tuple[ClosedWeek, ...] = ()
    for g in outcome.groups:
        for p in g.plans:
            if p.closed_weeks is not last:  # groups in a row often share a plan
                last = p.closed_weeks
                for c in last:
                    closed.setdefault((c.week.year, c.week.week), c)
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
        "closed_weeks": [closed_document(c) for _, c in sorted(closed.items())],
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
        "budgets": _budgets_document(budgets, participants(budgets.participants)),
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
    # Its group comes first: klplan.render.json's participants_text relies on it.
    return {
        "group": p.group,
        "module": p.module_id,
        "parts": p.parts,
        "meeting_minutes": p.meeting_minutes,
        "follow_up_minutes": p.follow_up_minutes,
        "planned_minutes": list(p.planned_minutes),
        "planned_hours": [round(h, 2) for h in p.planned_hours],
        "estimate_hours": p.estimate_hours,
        "below_minimum": p.below_minimum,
    }


def _participant_documents(participants: tuple[ParticipantBudget, ...]) -> list[dict[str, Any]]:
    return [participant_document(p) for p in participants]


def _budgets_document(b: Budgets, participants: Any) -> dict[str, Any]:
    return {
        "preparation_factor": PREPARATION_FACTOR,
        "full_time_weekly_hours": FULL_TIME_WEEKLY_HOURS,
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
                "participants": x.participants,
                "post_share": round(x.post_share, 4),
                "post_percent": x.post_percent,
                "resourced_percent": x.resourced_percent,
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
        "school": g.school,
        "school_name": g.school_name,
        "video_url": g.video_url,
        "video": (
            {"moments": list(g.video.moments), "parts": list(g.video.parts or ()) or None}
            if g.video is not None
            else None
        ),
        "sequence": g.sequence,
    }
    if not plans:
        return doc
    doc |= plans_fields([plan_document(p, meetings=False) for p in g.plans])
    if meetings:
        doc["meetings"] = [meeting_document(p, x) for p in g.plans for x in p.meetings]
    return doc


def plans_fields(docs: list[dict[str, Any]]) -> dict[str, Any]:
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


def closed_document(c: ClosedWeek) -> dict[str, Any]:
    return {
        "week": str(c.week),
        "reason": c.reason.code,
        "name": c.reason.name,
        "label": reason_label(c.reason.code, c.reason.name),
    }


def module_document(m: Module) -> dict[str, Any]:
    return {
        "id": m.id,
        "title": m.title,
        "parts": m.parts,
        "hours": m.hours,
        "verified": m.verified,
    }


def cadence_document(c: Cadence) -> dict[str, Any]:
    return {"id": c.id, "gaps": list(c.gaps)}


def slot_document(s: Slot) -> dict[str, Any]:
    return {
        "weekday": WEEKDAY_IDS[s.weekday],
        "time": s.time.strftime("%H:%M"),
        "duration_minutes": s.duration_minutes,
        "timezone": s.timezone,
    }


def plan_document(plan: ModulePlan, meetings: bool = True) -> dict[str, Any]:
    doc = {
        "module": module_document(plan.module),
        "cadence": cadence_document(plan.cadence),
        "slot": slot_document(plan.slot),
        "closed_weeks": [closed_document(c) for c in plan.closed_weeks],
    }
    if meetings:
        doc["meetings"] = [meeting_document(plan, x) for x in plan.meetings]
    return doc


def meeting_document(plan: ModulePlan, x: Meeting) -> dict[str, Any]:
    spec = plan.module.moments[x.moment]
    # prep_moment is "A" or "C", a MomentKey, though core.plan types it as str.
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
