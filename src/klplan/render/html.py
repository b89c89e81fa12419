"""The year overview as one self-contained HTML page (``--format html``) for the staff
room wall: weeks across, groups down, one table per term, printed on A4 landscape.

No scripts, no external resources (styles inline), every text escaped; ``lang`` is the
output language. The page depends only on the schedule: no clock, no today."""

from __future__ import annotations

from html import escape

from klplan import __version__
from klplan.messages import MONTHS_SHORT, format_date, language, reason_label, t
from klplan.render.overview import (
    Column,
    Overview,
    Row,
    cell_title,
    group_summary,
    moved_notes,
)
from klplan.render.provenance import provenance_summary, sources

CSS = """\
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 10pt; color: #111; margin: 12px; line-height: 1.3; }
h1 { font-size: 15pt; margin: 0 0 2px; }
h2 { font-size: 11pt; margin: 10px 0 3px; }
p { margin: 2px 0; }
.meta, footer { color: #444; font-size: 8.5pt; }
/* Printing. A few groups: the whole year on one page, a term never split. More
   (body.paged): each term on a page of its own (the first under the heading), a term
   too long for one page continued on the next with the table head repeated, never a
   row cut in two nor a page holding a single row of a table. */
body:not(.paged) section.term { break-inside: avoid; page-break-inside: avoid; }
body.paged section.term + section.term { break-before: page; page-break-before: always; }
section.term h2 { break-after: avoid; page-break-after: avoid; }
table.overview thead { display: table-header-group; }
/* Not the first body row: its lov cells span every row, so keeping it whole would
   keep the whole table whole. */
table.overview thead tr, table.overview tbody tr + tr {
  break-inside: avoid; page-break-inside: avoid; }
table.overview tbody tr:nth-child(2), table.overview tbody tr:last-child {
  break-before: avoid; page-break-before: avoid; }
table.overview { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.overview th, table.overview td { border: 1px solid #8a8a8a; padding: 2px 0;
  text-align: center; font-size: 8pt; overflow: hidden; }
table.overview th.group { width: 11em; text-align: left; padding: 2px 4px;
  font-weight: 600; overflow-wrap: anywhere; }
table.overview th.group small { display: block; font-weight: 400; color: #444; }
table.overview thead th { background: #eee; }
table.overview thead tr.months th { font-weight: 400; }
td.m-B { background: #cfe3ff; font-weight: 700; }
td.m-D { background: #d5f2d8; font-weight: 700; }
td.off { color: #777; background: #f1f1f1; }
td.closed { background: #e4e4e4; color: #333; vertical-align: middle; }
td.closed span { writing-mode: vertical-rl; transform: rotate(180deg);
  font-size: 7.5pt; letter-spacing: .5px; white-space: nowrap; }
ul.notes { margin: 3px 0 0; padding-left: 1.2em; font-size: 8pt; color: #333;
  columns: 2; }
table.groups { border-collapse: collapse; margin-top: 4px; font-size: 8.5pt; }
table.groups th, table.groups td { border-bottom: 1px solid #ccc; padding: 2px 8px 2px 0;
  text-align: left; vertical-align: top; }
.key { font-size: 8.5pt; }
@media print { body { margin: 0; } }
"""


# Up to this many groups a term is kept whole on a page (a few groups' year fits one
# page); beyond it each term starts a page and may continue on the next, since a term
# kept whole that does not fit under the heading left a near-empty first page.
ONE_PAGE_GROUPS = 4


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _month_row(rows: tuple[Row, ...]) -> str:
    spans: list[list[int]] = []  # [month, count]
    for r in rows:
        month = r.first.monday.month
        if spans and spans[-1][0] == month:
            spans[-1][1] += 1
        else:
            spans.append([month, 1])
    months = MONTHS_SHORT[language()]
    cells = "".join(f'<th colspan="{n}">{_e(months[m - 1])}</th>' for m, n in spans)
    return f'<tr class="months"><th class="group"></th>{cells}</tr>'


def _group_head(column: Column) -> str:
    leader = column.leader.name or column.leader.id if column.leader else column.group.leader
    small = f"<small>{_e(leader)}</small>" if leader else ""
    return f'<th class="group" scope="row">{_e(column.label)}{small}</th>'


def _term_table(overview: Overview, rows: tuple[Row, ...]) -> str:
    n = len(overview.columns)
    head = "".join(
        f'<th scope="col" title="{_e(format_date(r.first.monday))}">{_e(r.week_label())}</th>'
        for r in rows
    )
    body: list[str] = []
    for i, column in enumerate(overview.columns):
        cells: list[str] = []
        for r in rows:
            closed = r.closed
            if closed is not None:
                if i == 0:
                    label = _e(reason_label(closed.code, closed.name))
                    cells.append(
                        f'<td class="closed" rowspan="{n}" title="{label}">'
                        f"<span>{label}</span></td>"
                    )
                continue
            cell = r.cells[i]
            title = _e(cell_title(column, cell))
            if cell.meetings:
                moment = cell.meetings[0].moment
                cells.append(f'<td class="m-{moment}" title="{title}">{_e(cell.label)}</td>')
            elif cell.closed:
                cells.append(f'<td class="off" title="{title}">{_e(cell.label)}</td>')
            else:
                cells.append("<td></td>")
        body.append(f"<tr>{_group_head(column)}{''.join(cells)}</tr>")
    return (
        '<table class="overview">\n<thead>\n'
        + _month_row(rows)
        + f'\n<tr><th class="group">{_e(t("cal.col_week"))}</th>{head}</tr>\n</thead>\n<tbody>\n'
        + "\n".join(body)
        + "\n</tbody>\n</table>"
    )


def _notes(rows: tuple[Row, ...]) -> str:
    items = [
        f"<li>{_e(t('week.short', week=r.week_label()))}: {_e('; '.join(r.notes))}</li>"
        for r in rows
        if r.notes and r.closed is None
    ]
    return f'<ul class="notes">{"".join(items)}</ul>' if items else ""


def overview_page(overview: Overview) -> str:
    """The whole page, as text (UTF-8 when written)."""
    cal = overview.outcome.calendar
    title = t("overview.title", region=cal.region.name, years=", ".join(cal.school_years))
    terms = " · ".join(
        f"{term.label}: {format_date(term.start)}–{format_date(term.end)}" for term in cal.terms
    )
    sections = []
    for term, rows in overview.terms():
        if not rows:
            continue
        sections.append(
            f'<section class="term">\n<h2>{_e(term.label)}</h2>\n'
            f"{_term_table(overview, rows)}\n{_notes(rows)}\n</section>"
        )
    groups = "\n".join(
        f"<tr><th>{_e(c.label)}</th><td>{_e(group_summary(c))}</td></tr>" for c in overview.columns
    )
    moved = "".join(f"<li>* {_e(x)}</li>" for x in moved_notes(overview))
    return f"""<!DOCTYPE html>
<html lang="{language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="klplan {_e(__version__)}">
<title>{_e(title)}</title>
<style>
{CSS}</style>
</head>
<body{' class="paged"' if len(overview.columns) > ONE_PAGE_GROUPS else ""}>
<header>
<h1>{_e(title)}</h1>
<p class="meta">{_e(terms)}</p>
</header>
<main>
{chr(10).join(sections)}
<section class="key">
<h2>{_e(t("overview.groups"))}</h2>
<table class="groups">
{groups}
</table>
<p>{_e(t("overview.key"))}</p>
{f"<ul>{moved}</ul>" if moved else ""}
</section>
</main>
<footer>
<p>{_e(t("overview.source", state=provenance_summary(cal)))}.
{_e(t("overview.sources", sources=" · ".join(sources(cal))))}</p>
<p>{_e(t("overview.generated", version=__version__))}</p>
</footer>
</body>
</html>
"""
