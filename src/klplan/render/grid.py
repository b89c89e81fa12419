"""klplan's tables for people at a terminal, laid out as Rich lays out a ``Table``
with ``box.SIMPLE_HEAVY`` and ``pad_edge=False``, the only kind klplan draws.

Rich's ``Table`` lays out any renderable in any cell: it pads, measures and renders
every cell through its generic machinery, about 70 µs a cell, and writes a styled
segment per cell edge. A 300-group plan's tables hold tens of thousands of cells of
plain text, so that was most of their time. ``Grid`` takes the same column settings,
computes the same column widths with the same rules (measure, collapse wrappable
columns, then reduce evenly), and writes a line of text that fits its column as Rich
would (justified, padded, styled) without the machinery; a cell that must wrap, fold
or be cut, or whose text carries styled spans, is rendered by Rich itself, as its
``Table`` renders it. On a console that writes no styles (``NO_COLOR``, a file)
every line is one segment.

tests/test_grid.py holds Rich's ``Table`` as the reference: the same tables at many
widths give the same characters with the same styles.

Cells are ``str`` (plain text, never markup: klplan's consoles parse none), ``Text``
or a tuple of ``Text`` shown one under the other (each wrapped on its own, as in a
Rich ``Group``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

Cell = str | Text | tuple[Text, ...]
Justify = Literal["left", "right"]
Overflow = Literal["ellipsis", "fold", "crop"]

_BOX = box.SIMPLE_HEAVY
# The styles of Rich's default theme for a table's header and caption (klplan's
# consoles use no other theme).
_HEADER = Style(bold=True)
_CAPTION = Style(italic=True, dim=True)


@dataclass
class _Column:
    header: str | Text
    justify: Justify
    no_wrap: bool
    min_width: int | None
    overflow: Overflow
    cells: list[_Cell] = field(default_factory=list)


@dataclass
class _Row:
    style: str | Style | None
    end_section: bool = False


class _Size(NamedTuple):
    """What laying out a text needs to know of it, in terminal cells."""

    word: int  # its longest word (its widest line where it has no word)
    line: int  # its widest line
    simple: bool  # one line of printable characters: no tab, newline or control


def _size(plain: str) -> _Size:
    if plain.isascii() and plain.isprintable():
        words = plain.split()
        return _Size(max(map(len, words)) if words else len(plain), len(plain), True)
    lines = plain.splitlines()
    widest = max(map(cell_len, lines)) if lines else 0
    words = plain.split()
    return _Size(max(map(cell_len, words)) if words else widest, widest, plain.isprintable())


class _Cell(NamedTuple):
    """A cell's texts, one under the other, and their sizes."""

    texts: tuple[str | Text, ...]
    sizes: tuple[_Size, ...]


def _text_measure(size: _Size, max_width: int) -> tuple[int, int]:
    """Rich's ``Measurement.get`` of a Text of this size."""
    low, high = min(size.word, size.line), size.line
    low, high = min(low, max_width), min(max(low, high), max_width)
    if high < 1:
        return 0, 0
    return low, high


def _cell_measure(cell: _Cell, max_width: int, pad: int) -> tuple[int, int]:
    """Rich's measurement of a cell padded by ``pad`` columns in all: ``Padding``
    around the cell's text (a ``Group`` of them where there are several)."""
    if max_width < 1:
        return 0, 0
    if max_width - pad < 1:
        low, high = max_width, max_width
    elif len(cell.sizes) == 1:
        low, high = _text_measure(cell.sizes[0], max_width)
        low, high = min(low + pad, max_width), min(high + pad, max_width)
    else:
        sizes = [_text_measure(x, max_width) for x in cell.sizes]
        low = max(x for x, _ in sizes) + pad
        high = max(x for _, x in sizes) + pad
        low, high = min(low, max_width), min(high, max_width)
    low = min(max(0, low), high)
    if high < 1:
        return 0, 0
    return low, high


def _ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    """Rich's ``ratio_reduce``: take ``total`` from ``values`` in proportion to
    ``ratios``, at most ``maximums`` from each."""
    ratios = [r if m else 0 for r, m in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    out = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            taken = min(maximum, round(ratio * remaining / total_ratio))
            out.append(value - taken)
            remaining -= taken
            total_ratio -= ratio
        else:
            out.append(value)
    return out


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """Rich's ``Table._collapse_widths``: narrow the widest wrappable columns first."""
    total = sum(widths)
    excess = total - max_width
    if not any(wrapable):
        return widths
    while total and excess > 0:
        widest = max(w for w, ok in zip(widths, wrapable, strict=True) if ok)
        second = max(w if ok and w != widest else 0 for w, ok in zip(widths, wrapable, strict=True))
        difference = widest - second
        ratios = [1 if (w == widest and ok) else 0 for w, ok in zip(widths, wrapable, strict=True)]
        if not any(ratios) or not difference:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
        total = sum(widths)
        excess = total - max_width
    return widths


class Grid:
    """A table of text: ``add_column`` (header, justify, no_wrap, min_width,
    overflow), ``add_row`` (cells, a row style), ``add_section`` (a blank line
    after the last row); ``show_lines`` puts one between all rows, ``caption`` is
    centred under the table. Print it with ``console.print``."""

    def __init__(self, *, caption: str | None = None, show_lines: bool = False) -> None:
        self.columns: list[_Column] = []
        self.rows: list[_Row] = []
        self.caption = caption
        self.show_lines = show_lines
        self._sizes: dict[str, _Size] = {}  # by plain text: a table repeats many

    def add_column(
        self,
        header: str | Text,
        *,
        justify: Justify = "left",
        no_wrap: bool = False,
        min_width: int | None = None,
        overflow: Overflow = "ellipsis",
    ) -> None:
        self.columns.append(_Column(header, justify, no_wrap, min_width, overflow))

    def add_row(self, *cells: Cell | None, style: str | Style | None = None) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        for column, cell in zip(self.columns, cells, strict=True):
            column.cells.append(self._cell_of(cell))
        self.rows.append(_Row(style))

    def _cell_of(self, cell: Cell | None) -> _Cell:
        texts = ("",) if cell is None else cell if isinstance(cell, tuple) else (cell,)
        known = self._sizes
        sizes = []
        for x in texts:
            plain = x if isinstance(x, str) else x.plain
            size = known.get(plain)
            if size is None:
                size = known[plain] = _size(plain)
            sizes.append(size)
        return _Cell(texts, tuple(sizes))

    def add_section(self) -> None:
        if self.rows:
            self.rows[-1].end_section = True

    # --- layout ---------------------------------------------------------------

    def _pads(self, index: int) -> tuple[int, int]:
        """The space left and right of a column's cells: one, none at the table's
        edges (``pad_edge=False``)."""
        return (0 if index == 0 else 1), (0 if index == len(self.columns) - 1 else 1)

    @property
    def _extra_width(self) -> int:
        return 2 + len(self.columns) - 1  # the edges and a divider between columns

    def _measure_column(self, index: int, max_width: int) -> tuple[int, int]:
        if max_width < 1:
            return 0, 0
        column = self.columns[index]
        pad = sum(self._pads(index))
        sizes = [_cell_measure(self._cell_of(column.header), max_width, pad)]
        sizes += [_cell_measure(c, max_width, pad) for c in column.cells]
        low = max(x for x, _ in sizes)
        high = max(x for _, x in sizes)
        low, high = min(low, max_width), min(high, max_width)
        if column.min_width is not None:
            least = max(0, column.min_width + pad)
            low, high = max(low, least), max(high, least)
        return low, high

    def _widths(self, max_width: int) -> list[int]:
        """Each column's width with its padding: Rich's
        ``Table._calculate_column_widths`` for a table that does not expand."""
        ranges = [self._measure_column(i, max_width) for i in range(len(self.columns))]
        widths = [high or 1 for _, high in ranges]
        if sum(widths) > max_width:
            wrapable = [not c.no_wrap for c in self.columns]
            widths = _collapse(widths, wrapable, max_width)
            if sum(widths) > max_width:
                excess = sum(widths) - max_width
                widths = _ratio_reduce(excess, [1] * len(widths), widths, widths)
            widths = [self._measure_column(i, w)[1] or 0 for i, w in enumerate(widths)]
        return widths

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        max_width = options.max_width
        if max_width < 0:
            return Measurement(0, 0)
        extra = self._extra_width
        max_width = sum(self._widths(max_width - extra))
        ranges = [self._measure_column(i, max_width) for i in range(len(self.columns))]
        return Measurement(
            sum(low for low, _ in ranges) + extra, sum(high for _, high in ranges) + extra
        )

    # --- rendering --------------------------------------------------------------

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        if not self.columns:
            yield Segment("\n")
            return
        widths = self._widths(options.max_width - self._extra_width)
        table_width = sum(widths) + self._extra_width
        styled = console.color_system is not None or console.record
        frame = _BOX.substitute(options, safe=console.safe_box)
        yield Segment(frame.get_top(widths) + "\n")
        header_style = _HEADER
        heads = [
            self._cell(console, options, self._cell_of(c.header), i, w, header_style, styled)
            for i, (c, w) in enumerate(zip(self.columns, widths, strict=True))
        ]
        edges = (frame.head_left, frame.head_vertical, frame.head_right)
        null = Style.null()
        yield from self._lines(heads, widths, edges, null, header_style, styled, header=True)
        yield Segment(frame.get_row(widths, "head", edge=True) + "\n")
        row_line = Segment(frame.get_row(widths, "row", edge=True) + "\n")
        last = len(self.rows) - 1
        for r, row in enumerate(self.rows):
            row_style = console.get_style(row.style) if row.style else Style.null()
            cells = [
                self._cell(console, options, c.cells[r], i, w, row_style, styled)
                for i, (c, w) in enumerate(zip(self.columns, widths, strict=True))
            ]
            if r == last:
                edges = (frame.foot_left, frame.foot_vertical, frame.foot_right)
            else:
                edges = (frame.mid_left, frame.mid_vertical, frame.mid_right)
            yield from self._lines(cells, widths, edges, row_style, row_style, styled, header=False)
            if r != last and (self.show_lines or row.end_section):
                yield row_line
        yield Segment(frame.get_bottom(widths) + "\n")
        if self.caption:
            caption = console.render_str(self.caption, style=_CAPTION, highlight=False)
            yield from console.render(
                caption, options.update(width=table_width, justify="center", height=None)
            )

    def _cell(
        self,
        console: Console,
        options: ConsoleOptions,
        cell: _Cell,
        index: int,
        width: int,
        style: Style,
        styled: bool,
    ) -> list[list[Segment]]:
        """A cell's lines, each ``width`` wide: its text justified between its
        padding, in the cell's style (a header's or the row's)."""
        if width < 1:
            return []
        left, right = self._pads(index)
        inner = width - left - right
        if inner < 1:
            return []
        column = self.columns[index]
        lines = _fitting_lines(cell, inner, column.justify)
        if lines is None:  # wraps, folds, is cut or has styled spans: as Rich's Table
            texts = cell.texts
            renderable: RenderableType = texts[0] if len(texts) == 1 else Group(*texts)
            cell_options = options.update(
                width=width,
                justify=column.justify,
                no_wrap=column.no_wrap,
                overflow=column.overflow,
                height=None,
                highlight=False,
            )
            rendered = console.render_lines(
                Padding(renderable, (0, right, 0, left)), cell_options, style=style
            )
            return rendered if styled else [[Segment("".join(s.text for s in x))] for x in rendered]
        if not styled:
            return [[Segment(" " * left + text + " " * right)] for text, _ in lines]
        out = []
        for text, base in lines:
            line = [Segment(text, style + console.get_style(base) if base else style)]
            if left:
                line.insert(0, Segment(" " * left, style))
            if right:
                line.append(Segment(" " * right, style))
            out.append(line)
        return out

    def _lines(
        self,
        cells: list[list[list[Segment]]],
        widths: list[int],
        edges: tuple[str, str, str],
        row_style: Style,
        fill_style: Style,
        styled: bool,
        *,
        header: bool,
    ) -> Iterator[Segment]:
        """A row's lines: its cells side by side between the edges, shorter cells
        filled with blank lines in ``fill_style`` (below, or above in the header)."""
        tallest = max(len(c) for c in cells)
        height = max(1, tallest)
        # A row of cells too narrow for any text is a blank line without style.
        blank_style = fill_style if styled and tallest else None
        left, divider, right = edges
        # A blank divider takes the row's background, as in Rich.
        divider_style = row_style.background_style if styled and not divider.strip() else None
        for c, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            if len(cell) < height:
                fill = [[Segment(" " * width, blank_style)]] * (height - len(cell))
                cells[c] = fill + cell if header else cell + fill
        for n in range(height):
            if not styled:
                yield Segment(left + divider.join(cell[n][0].text for cell in cells) + right + "\n")
                continue
            segments = [Segment(left)]
            for c, cell in enumerate(cells):
                if c:
                    segments.append(Segment(divider, divider_style or None))
                segments.extend(cell[n])
            segments.append(Segment(right + "\n"))
            yield from Segment.simplify(segments)


def _fitting_lines(
    cell: _Cell, inner: int, justify: Justify
) -> list[tuple[str, str | Style | None]] | None:
    """A cell's lines as (text, base style), each ``inner`` wide, where every line of
    its text fits and has no tab or control character and no styled spans; else
    None. What Rich's ``Text.wrap`` gives such lines: left-justified lines padded on
    the right, right-justified ones stripped on the right and padded on the left."""
    out: list[tuple[str, str | Style | None]] = []
    for p, size in zip(cell.texts, cell.sizes, strict=True):
        if isinstance(p, Text):
            if p.spans or p.justify or p.overflow or p.no_wrap is not None:
                return None
            plain, base = p.plain, p.style or None
        else:
            plain, base = p, None
        if size.simple:  # the common case, its width known
            if justify == "right":
                stripped = plain.rstrip()
                width = size.line - (len(plain) - len(stripped))  # spaces: a cell each
                if width > inner:
                    return None
                out.append((" " * (inner - width) + stripped, base))
            elif size.line > inner:
                return None
            else:
                out.append((plain + " " * (inner - size.line), base))
            continue
        for line in plain.split("\n"):
            if not line.isprintable():
                return None
            if justify == "right":
                line = line.rstrip()
            cells = cell_len(line)
            if cells > inner:
                return None
            pad = " " * (inner - cells)
            out.append((pad + line if justify == "right" else line + pad, base))
    return out
