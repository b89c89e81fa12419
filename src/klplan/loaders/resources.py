"""Where the bundled data lives: the ``klplan.data`` package (the repository's
``data/`` folder, mapped into the package by pyproject.toml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def data_dir() -> Path:
    import klplan.data

    return Path(klplan.data.__file__).parent


def data_path(*parts: str) -> Path:
    return data_dir().joinpath(*parts)


def display_name(path: Path) -> str:
    """A short name for bundled files in messages (``data/modules.yaml``)."""
    try:
        return "data/" + path.relative_to(data_dir()).as_posix()
    except ValueError:
        return str(path)
