"""The schedule table on narrow terminals: at 80 columns one row per part; at 60 and 50,
where that table does not fit, each part is stacked in two rows (A + B, C + D) so no
date is cut and the part column stays. Golden files at 50, 60 and 80 columns."""

import io
import re
from datetime import date

import pytest

from klplan.cli.console import console
from klplan.messages import format_date
from klplan.render.table import render_schedule
from tests.conftest import check_golden
from tests.schedules import two_groups


def meeting_dates(klplan, *args: str) -> list[str]:
    r = klplan("schedule", *args, "-f", "json")
    assert r.code == 0, r.err
    found = re.findall(r'"date": "(\d{4}-\d\d-\d\d)"', r.out)
    return [format_date(date.fromisoformat(d)) for d in found]


def assert_readable(text: str, width: int, dates: list[str], parts: int) -> None:
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    assert "…" not in text  # nothing cut
    for day in dates:
        assert day in text, day  # every date whole, on one line
    heading = next(line for line in lines if "━" in line)
    part_column = lines[lines.index(heading) - 1].split()[0]
    assert part_column == "Del"
    numbers = [line.split()[0] for line in lines if re.match(r"\s+\d+\s+v\. ", line)]
    assert numbers == [str(n) for n in range(1, parts + 1)]


@pytest.mark.parametrize("width", [80, 60, 50])
def test_default_schedule_at(klplan, monkeypatch, width):
    dates = meeting_dates(klplan)
    monkeypatch.setenv("COLUMNS", str(width))
    r = klplan("schedule")
    assert r.code == 0, r.err
    check_golden(f"schedule-default-{width}.txt", r.out)
    assert_readable(r.out, width, dates, 8)


@pytest.mark.parametrize("width", [80, 60, 50])
def test_part_titles_at(klplan, monkeypatch, width):
    args = ("-m", "tidig-lasundervisning")
    dates = meeting_dates(klplan, *args)
    monkeypatch.setenv("COLUMNS", str(width))
    r = klplan("schedule", *args)
    assert r.code == 0, r.err
    check_golden(f"schedule-titles-{width}.txt", r.out)
    assert_readable(r.out, width, dates, 8)
    assert "Fonologisk medvetenhet" in r.out  # the title wraps, it is not cut


def test_a_moved_meeting_keeps_its_mark_when_stacked():
    outcome = two_groups()
    buf = io.StringIO()
    render_schedule(outcome, console(buf, plain=True, width=50))
    text = buf.getvalue()
    moved = [m for g in outcome.groups for m in g.meetings if m.moved_from]
    assert moved and all(f"{format_date(m.date)} *" in text for m in moved)
    assert "A + B" in text and "C + D" in text and "…" not in text


# --- plan tables given a column's lines per cell (render.plan_tables.with_rows) ---------------

_ROWS = [
    ("v. 35", "mån 25 aug 2025", "08:00–09:30", "g0", "del 1 B", "Samtal om text"),
    ("v. 36", "tis 2 sep", "10:00–11:30", "g12", "del 10 D", "Läsa och berätta i förskoleklass"),
    ("v. 37", "ons 10 sep 2025", "13:00–14:30", "", "avstämning", ""),
]


def _plan_table(rich_table, box) -> object:
    table = rich_table(box=box.SIMPLE_HEAVY, pad_edge=False)
    for i, head in enumerate(("Vecka", "Datum", "Tid", "Grupp", "Möte", "Modul")):
        table.add_column(head, no_wrap=i < 5, justify="right" if i == 3 else "left")
    return table


def _drawn(table: object, width: int, colour: bool) -> str:
    from rich.console import Console

    buf = io.StringIO()
    Console(file=buf, width=width, force_terminal=colour, no_color=not colour).print(table)
    return buf.getvalue()


@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("width", [40, 60, 94, 95, 96, 120])
def test_a_plan_table_reads_as_rich_draws_it_row_by_row(width, colour):
    """The same characters (and styling codes) as Rich's own table of one row per
    value, whether the table fits in the width (a column's lines in one cell) or
    not (row by row: the module column wraps)."""
    from rich import box
    from rich.table import Table

    from klplan.render.plan_tables import with_rows

    reference = _plan_table(Table, box)
    for row in _ROWS:
        reference.add_row(*row)
    filled = with_rows(_plan_table(Table, box), list(_ROWS), width)
    assert _drawn(filled, width, colour) == _drawn(reference, width, colour)
    # The table is 95 columns wide: from there on one row holds every line.
    assert (len(filled.rows) == 1) == (width >= 95)


def test_a_value_of_two_lines_keeps_its_row():
    from rich import box
    from rich.table import Table

    from klplan.render.plan_tables import with_rows

    rows = [*_ROWS[:1], ("v. 36", "tis 2 sep 2025", "10:00–11:30", "g1", "del 1 D", "Två\nrader")]
    reference = _plan_table(Table, box)
    for row in rows:
        reference.add_row(*row)
    filled = with_rows(_plan_table(Table, box), rows, 100)
    assert len(filled.rows) == 2
    assert _drawn(filled, 100, False) == _drawn(reference, 100, False)
