"""Where a calendar's data came from, as text: shared by the table, HTML and Markdown
renderers. Kept apart from ``calendar_view`` so that the default schedule table, which
prints a calendar's provenance, does not define the calendar picture's classes."""

from __future__ import annotations

from klplan.core.models import Provenance, SchoolCalendar
from klplan.loaders.calendar_types import FACT_FIELDS
from klplan.messages import MESSAGES, t


def _state(p: Provenance) -> str:
    """Estimated, the user's own file, which fields were verified, or not verified."""
    if p.estimated:
        return t("calendar.is_estimated")
    if p.source in ("user",) or p.source.endswith((".yaml", ".yml")):
        return t("calendar.user", file=p.source)
    if not p.verified_fields:
        return t("calendar.not_verified")
    if set(FACT_FIELDS) <= set(p.verified_fields):
        return t("calendar.verified_all")
    fields = ", ".join(t(f"field.{f}") for f in FACT_FIELDS if f in p.verified_fields)
    return t("calendar.verified_fields", fields=fields)


def provenance_summary(calendar: SchoolCalendar) -> str:
    """Per school year: which fields were verified on the municipality's page (named:
    the others were not), not verified, estimated, or the user's own file; e.g.
    ``2026/27 verifierat mot kommunens sida: sportlov (övrigt ej verifierat)``."""
    return "; ".join(f"{p.school_year} {_state(p)}" for p in calendar.provenance)


def _in_language(source: str) -> str:
    """The bundled calendars' source, which their files give in English (the data's
    language, as JSON keeps it), in the reader's language; any other source as it is."""
    bundled = MESSAGES["calendar.source.bundled"]["en"]
    if source == bundled:
        return t("calendar.source.bundled")
    if source == MESSAGES["calendar.source.lan"]["en"].format(source=bundled):
        return t("calendar.source.lan", source=t("calendar.source.bundled"))
    return source


def sources(calendar: SchoolCalendar) -> tuple[str, ...]:
    """The data's sources, each once, in the reader's language, with the page that
    verified it if any."""
    out: list[str] = []
    for p in calendar.provenance:
        for text in (_in_language(p.source), p.source_url):
            if text and text not in out:
                out.append(text)
    return tuple(out)
