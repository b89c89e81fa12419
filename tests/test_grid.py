"""klplan's Grid against Rich's Table, its reference: the same columns, rows and
sections at any width give the same characters, and on a console with colours each
character has the same style."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console, Group, RenderableType
from rich.segment import Segment, Segments
from rich.style import Style
from rich.table import Table
from rich.text import Text

from klplan.render.grid import Grid


@dataclass(frozen=True)
class Spec:
    columns: list[tuple[str | Text, str, bool, int | None, str]]
    rows: list[tuple[list[object], str | None, bool]]
    show_lines: bool = False
    caption: str | None = None


def _rich_cell(cell: object) -> object:
    return Group(*cell) if isinstance(cell, tuple) else cell


def build(spec: Spec) -> tuple[Table, Grid]:
    table = Table(
        box=box.SIMPLE_HEAVY, pad_edge=False, show_lines=spec.show_lines, caption=spec.caption
    )
    grid = Grid(show_lines=spec.show_lines, caption=spec.caption)
    for header, justify, no_wrap, min_width, overflow in spec.columns:
        kw = {"justify": justify, "no_wrap": no_wrap, "min_width": min_width, "overflow": overflow}
        table.add_column(header, **kw)  # type: ignore[arg-type]
        grid.add_column(header, **kw)  # type: ignore[arg-type]
    for cells, style, section in spec.rows:
        table.add_row(*(_rich_cell(c) for c in cells), style=style)  # type: ignore[arg-type]
        grid.add_row(*cells, style=style)  # type: ignore[arg-type]
        if section:
            table.add_section()
            grid.add_section()
    return table, grid


class _Ascii(io.StringIO):
    encoding = "ascii"


def _console(width: int, *, colour: bool, ascii_only: bool = False) -> Console:
    return Console(
        file=_Ascii() if ascii_only else io.StringIO(),
        width=width,
        color_system="truecolor" if colour else None,
        force_terminal=colour,
        no_color=not colour,
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def plain(
    renderable: RenderableType, width: int, ascii_only: bool = False, crop: bool = True
) -> str:
    console = _console(width, colour=False, ascii_only=ascii_only)
    console.print(renderable, crop=crop)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


def styled(renderable: RenderableType, width: int) -> list[tuple[str, Style]]:
    """Each character with its style (no style and the null style alike), in the
    lines ``console.print`` writes (cut to the console's width)."""
    console = _console(width, colour=True)
    out = []
    rendered = console.render(renderable, console.options)
    lines = Segment.split_and_crop_lines(rendered, width, pad=False)
    for segment in (s for line in lines for s in line):
        for ch in segment.text:
            out.append((ch, Style.null() if ch == "\n" else (segment.style or Style.null())))
    return out


words = st.sampled_from(
    ["", "a", "ab", "tis 3 nov", "v. 36", "Del", "–", "··", "lång text här", "x\ny", "  pad "]
)
styles = st.sampled_from([None, "dim", "bold", "dim italic", "on red"])


@st.composite
def cells(draw: st.DrawFn) -> object:
    kind = draw(st.integers(0, 5))
    text = " ".join(draw(st.lists(words, max_size=4)))
    if kind <= 2:
        return text
    if kind == 3:
        return Text(text, style=draw(styles) or "")
    if kind == 4:
        return Text.assemble(text, (" *", "bold yellow"))
    return (Text(text), Text(draw(words), style="dim"))


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    n = draw(st.integers(1, 5))
    columns = [
        (
            draw(st.sampled_from(["Del", "Vecka A+B", "Datum", "Möte", "Anteckningar", ""]))
            if draw(st.booleans())
            else Text(draw(words), style="bold"),
            draw(st.sampled_from(["left", "right"])),
            draw(st.booleans()),
            draw(st.sampled_from([None, None, 0, 3, 12])),
            draw(st.sampled_from(["ellipsis", "fold"])),
        )
        for _ in range(n)
    ]
    rows = [
        ([draw(cells()) for _ in range(n)], draw(styles), draw(st.booleans()))
        for _ in range(draw(st.integers(0, 6)))
    ]
    return Spec(columns, rows, draw(st.booleans()), draw(st.sampled_from([None, "3 moduler"])))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs(), st.integers(1, 130))
def test_grid_draws_the_characters_rich_draws(spec: Spec, width: int) -> None:
    table, grid = build(spec)
    assert plain(grid, width) == plain(table, width)


# Found by hypothesis: columns too narrow for any text give an unstyled blank line.
_TOO_NARROW = Spec([(Text("", style="bold"), "left", False, None, "ellipsis")] * 2, [])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs(), st.integers(1, 130))
@example(_TOO_NARROW, 4)
def test_grid_styles_each_character_as_rich_does(spec: Spec, width: int) -> None:
    table, grid = build(spec)
    assert styled(grid, width) == styled(table, width)


@settings(max_examples=100, deadline=None)
@given(specs(), st.integers(1, 130))
def test_grid_on_an_ascii_console_draws_ascii_boxes_as_rich_does(spec: Spec, width: int) -> None:
    table, grid = build(spec)
    assert plain(grid, width, ascii_only=True) == plain(table, width, ascii_only=True)


@settings(max_examples=200, deadline=None)
@given(specs(), st.integers(1, 40))
def test_a_grid_needs_no_cropping(spec: Spec, width: int) -> None:
    """Its lines are never wider than the console, even where its dividers alone
    are: ``print(grid, crop=False)`` writes what Rich's cropped table writes."""
    table, grid = build(spec)
    assert plain(grid, width, crop=False) == plain(table, width)


@settings(max_examples=200, deadline=None)
@given(specs(), st.integers(1, 200))
def test_grid_measures_as_rich_does(spec: Spec, width: int) -> None:
    table, grid = build(spec)
    console = _console(width, colour=False)
    assert console.measure(grid) == console.measure(table)


def test_a_meeting_table_at_full_width() -> None:
    spec = Spec(
        [
            ("Del", "right", False, None, "ellipsis"),
            ("Vecka", "left", True, None, "ellipsis"),
            ("Datum", "left", False, 11, "ellipsis"),
        ],
        [
            (["1", "v. 36", "tis 1 sep 2026"], None, False),
            (["", "v. 44", Text("läslov", style="dim italic")], "dim", True),
            (
                [Text("2", style="bold"), "v. 45", (Text("tis 3 nov"), Text("Läsa", style="dim"))],
                None,
                False,
            ),
        ],
    )
    table, grid = build(spec)
    out = plain(grid, 80)
    assert out == plain(table, 80)
    assert " Del   Vecka   Datum          \n" in out
    assert "   2   v. 45   tis 3 nov      \n               Läsa           \n" in out


def test_a_row_must_have_a_cell_per_column() -> None:
    grid = Grid()
    grid.add_column("a")
    with pytest.raises(ValueError, match="2 cells for 1 columns"):
        grid.add_row("x", "y")


# A leader's table (render.plan_tables.render_leaders): fits at 95 columns and more,
# the module column wraps below that.
_LEADER_ROWS = [
    ["v. 35", "mån 25 aug 2025", "08:00–09:30", "g0", "del 1 B", "Samtal om text"],
    ["v. 36", "tis 2 sep", "10:00–11:30", "g12", "del 10 D", "Läsa och berätta i förskoleklass"],
    ["v. 37", "ons 10 sep 2025", "13:00–14:30", "", "avstämning", ""],
    ["v. 38", "tis 16 sep 2025", "10:00–11:30", "g1", "del 1 D", "Två\nrader"],
]


@pytest.mark.parametrize("width", [40, 60, 94, 95, 96, 120])
def test_a_leaders_table_as_rich_draws_it(width: int) -> None:
    heads = ("Vecka", "Datum", "Tid", "Grupp", "Möte", "Modul")
    spec = Spec(
        [(h, "right" if i == 3 else "left", i < 5, None, "ellipsis") for i, h in enumerate(heads)],
        [(row, None, False) for row in _LEADER_ROWS],
    )
    table, grid = build(spec)
    assert plain(grid, width) == plain(table, width)
    assert styled(grid, width) == styled(table, width)
    assert ("Läsa och berätta i förskoleklass" in plain(grid, width)) == (width >= 95)


# --- texts printed as segments (render.grid.printed) -----------------------------------

texts = st.builds(
    lambda words, style, spans, end: (
        Text.assemble(words, (" *", "bold"), end=end)
        if spans
        else Text(words, style=style or "", end=end)
    ),
    st.lists(
        st.sampled_from(["Grupp g1", "·", "Anna Åström", "\n", "  ", "\t", "\x1b", "x" * 30]),
        max_size=8,
    ).map("".join),
    styles,
    st.booleans(),
    st.sampled_from(["\n", "\n", ""]),
)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(1, 90))
def test_a_text_printed_as_segments_is_what_rich_prints(text: Text, width: int) -> None:
    from klplan.render.stack import printed

    for colour in (False, True):
        mine, rich = _console(width, colour=colour), _console(width, colour=colour)
        mine.print(Segments(printed(mine, text)), crop=False)
        rich.print(text)
        assert mine.file.getvalue() == rich.file.getvalue()  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(specs(), st.integers(1, 130))
def test_a_grid_printed_as_segments_is_what_rich_prints_of_its_table(
    spec: Spec, width: int
) -> None:
    from klplan.render.stack import printed

    table, grid = build(spec)
    mine = _console(width, colour=False)
    mine.print(Segments(printed(mine, grid)), crop=False)
    assert mine.file.getvalue() == plain(table, width)  # type: ignore[attr-defined]
