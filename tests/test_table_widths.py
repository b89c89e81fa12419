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
