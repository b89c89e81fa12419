"""Rich consoles for the CLI, created lazily so scripts that print JSON never import
Rich. Honours NO_COLOR, and COLUMNS for a fixed width (tests use it)."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console(
    file: IO[str] | None = None, *, plain: bool = False, width: int | None = None
) -> Console:
    from rich.console import Console

    return Console(
        file=file,
        no_color=plain or None,
        color_system=None if plain else "auto",
        width=width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )
