"""The module catalogue as a Rich table (``klplan modules``)."""

from __future__ import annotations

from rich.text import Text

from klplan.core.models import Module
from klplan.messages import t
from klplan.render.grid import Grid


def modules_table(modules: list[Module], width: int | None = None) -> Grid | Text:
    """The catalogue, a module per row. Where its columns cannot fit in ``width`` (the
    terminal's) with every word whole, a module's id, title and school forms are put
    one under the other in one column: the id is what users type, so it is never
    wrapped or cut, and a title beside a long id would be cut to a word per line."""
    if not modules:
        return Text(t("modules.none"))
    table = _modules_table(modules, compact=False)
    if width is not None and _narrowest(table) > width:
        table = _modules_table(modules, compact=True)
    return table


def _modules_table(modules: list[Module], *, compact: bool) -> Grid:
    table = Grid(
        caption=t("modules.count", count=len(modules)),
        show_lines=compact,  # compact: a blank line between modules
    )
    if compact:
        table.add_column(t("table.module_col"), no_wrap=True)
    else:
        table.add_column(t("modules.id"), no_wrap=True)
        table.add_column(t("modules.title"))
        table.add_column(t("modules.forms"))
    table.add_column(t("modules.parts"), justify="right")
    table.add_column(t("modules.verified"))
    for m in modules:
        forms = ", ".join(m.school_forms)
        texts = (
            [Text.assemble((m.id, "bold"), "\n", m.title, "\n", (forms, "dim"))]
            if compact
            else [m.id, m.title, forms]
        )
        table.add_row(*texts, str(m.parts), t("yes") if m.verified else t("no"))
    return table


def _narrowest(table: Grid) -> int:
    """The least width ``table`` takes with no word wrapped or cut."""
    from rich.console import Console

    return Console(width=10_000).measure(table).minimum
