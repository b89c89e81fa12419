"""Where the bundled data lives: the ``klplan.data`` package (the repository's
``data/`` folder, mapped into the package by pyproject.toml)."""

from __future__ import annotations

from functools import cache
from importlib import import_module
from pathlib import Path


@cache
def data_dir() -> Path:
    # Imported by name: klplan.data is data/, which mypy does not see as a package.
    file = import_module("klplan.data").__file__
    if file is None:  # a namespace package: data/__init__.py is missing
        raise RuntimeError("klplan.data has no __init__.py: is klplan installed?")
    return Path(file).parent


def data_path(*parts: str) -> Path:
    return data_dir().joinpath(*parts)


def display_name(path: Path) -> str:
    """A short name for bundled files in messages (``data/modules.yaml``)."""
    try:
        return "data/" + path.relative_to(data_dir()).as_posix()
    except ValueError:
        return str(path)
