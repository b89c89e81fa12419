"""klplan: holiday-aware meeting plans for collegial learning (kollegialt lärande).

The library is ``klplan.api`` (``from klplan import api``), loaded when first used so
that ``import klplan`` and ``klplan --help`` stay fast; the command line is
``klplan.cli``."""

from __future__ import annotations

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``klplan.api``, imported on first use."""
    if name == "api":
        import importlib

        return importlib.import_module("klplan.api")
    raise AttributeError(f"module 'klplan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "api"])
