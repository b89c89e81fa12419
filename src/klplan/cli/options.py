"""Options and choices shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Format(StrEnum):
    table = "table"
    json = "json"


class ScheduleFormat(StrEnum):
    """``klplan schedule`` also writes calendar files; ``klplan modules`` does not."""

    table = "table"
    json = "json"
    ics = "ics"


ModulesFile = Annotated[
    Path | None,
    typer.Option(
        "--modules", help="YAML file with your own modules (same format as the catalogue)."
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
