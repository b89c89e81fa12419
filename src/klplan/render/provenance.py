"""Where a calendar's data came from, as text: shared by the table, HTML and Markdown
renderers. Kept apart from ``calendar_view`` so that the default schedule table, which
prints a calendar's provenance, does not define the calendar picture's classes."""

from __future__ import annotations

from klplan.core.models import SchoolCalendar
from klplan.messages import t


def provenance_summary(calendar: SchoolCalendar) -> str:
    """Per school year: verified (which fields), not verified, estimated, or the
    user's own file; e.g. ``2026/27 verifierad (sportlov)``."""
    parts = []
    for p in calendar.provenance:
        if p.estimated:
            state = t("calendar.is_estimated")
        elif p.source in ("user",) or p.source.endswith((".yaml", ".yml")):
            state = t("calendar.user", file=p.source)
        elif p.verified_fields:
            fields = ", ".join(t(f"field.{f}") for f in p.verified_fields)
            state = t("calendar.verified", fields=fields)
        else:
            state = t("calendar.not_verified")
        parts.append(f"{p.school_year} {state}")
    return "; ".join(parts)


def sources(calendar: SchoolCalendar) -> tuple[str, ...]:
    """The data's sources, each once, with the page that verified it if any."""
    out: list[str] = []
    for p in calendar.provenance:
        for text in (p.source, p.source_url):
            if text and text not in out:
                out.append(text)
    return tuple(out)
