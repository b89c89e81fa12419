"""``klplan calendar --kommun X --closed-days``: a municipality's known lovdagar and
studiedagar as the ``closed_days:`` block of a calendar file (``klplan schedule
--calendar FILE``, or a plan's ``calendar:``), each with the page it comes from."""

from __future__ import annotations

import json
from collections.abc import Sequence

from klplan.core.models import Region
from klplan.loaders.calendar_types import KnownDay
from klplan.loaders.calendars import known_day_label
from klplan.messages import t


def _comment(text: str) -> str:
    return "# " + " ".join(text.split())


def closed_days_yaml(region: Region, school_year: str, days: Sequence[KnownDay]) -> str:
    """The block, with comments that say where the days come from and how to use it.
    Reasons are double-quoted (JSON strings are YAML): any text stays text."""
    where = {"region": region.name, "code": region.code, "school_year": school_year}
    lines = [
        _comment(t("closed_days.head", **where)),
        _comment(t("closed_days.check")),
        _comment(t("closed_days.use", **where)),
    ]
    if not days:
        lines += [_comment(t("closed_days.none", **where)), "closed_days: []"]
    else:
        lines.append("closed_days:")
    for d in days:
        lines.append("  " + _comment(f'{d.kind}: {d.url} "{d.evidence}"'))
        reason = json.dumps(known_day_label(d), ensure_ascii=False)
        lines.append(f"  - {{date: {d.date.isoformat()}, reason: {reason}}}")
    return "\n".join(lines) + "\n"
