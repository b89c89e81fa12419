"""The year overview as Markdown (``--format md``) for intranets and wikis: weeks down,
groups across (a Markdown table stays readable that way round), then the groups and
the calendar's source. Text from users is escaped, so a group called ``A|B`` or
``*new*`` stays text."""

from __future__ import annotations

import re

from klplan.messages import format_date, format_month_day, t
from klplan.render.overview import Overview, group_summary, moved_notes
from klplan.render.provenance import provenance_summary, sources

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: str) -> str:
    """Escape Markdown's inline syntax and table pipes; one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def overview_markdown(overview: Overview) -> str:
    cal = overview.outcome.calendar
    title = t("overview.title", region=cal.region.name, years=", ".join(cal.school_years))
    # The marker by which klplan knows the file as its own (to overwrite it without
    # --force); an HTML comment, so no Markdown renderer shows it.
    out = ["<!-- klplan -->", f"# {md_escape(title)}", ""]
    out.append(
        md_escape(
            " · ".join(
                f"{term.label}: {format_date(term.start)}–{format_date(term.end)}"
                for term in cal.terms
            )
        )
    )
    out.append("")
    head = [t("cal.col_week"), t("overview.col_monday")]
    head += [md_escape(c.label) for c in overview.columns]
    head.append(t("cal.col_notes"))
    out.append(_row(head))
    out.append(_row(["---:", "---", *[":---:"] * len(overview.columns), "---"]))
    for r in overview.rows:
        cells = [md_escape(c.label) for c in r.cells]
        cells = [f"**{c}**" if c and not r.cells[i].closed else c for i, c in enumerate(cells)]
        out.append(
            _row(
                [
                    r.week_label(),
                    format_month_day(r.first.monday),
                    *cells,
                    md_escape("; ".join(r.notes)),
                ]
            )
        )
    out += ["", md_escape(t("overview.key")), "", f"## {md_escape(t('overview.groups'))}", ""]
    out += [f"- **{md_escape(c.label)}**: {md_escape(group_summary(c))}" for c in overview.columns]
    moved = moved_notes(overview)
    if moved:
        out.append("")
        out += [f"- \\* {md_escape(x)}" for x in moved]
    out += [
        "",
        md_escape(t("overview.source", state=provenance_summary(cal)))
        + ". "
        + md_escape(t("overview.sources", sources=" · ".join(sources(cal)))),
        "",
    ]
    return "\n".join(out)
