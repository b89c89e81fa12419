"""A YAML document's data and where each of its values stands in the file, so that
a problem found later (by pydantic, or by a reference check) can name file, line,
column and key path.

Neither PyYAML nor the file system is needed here: klplan.loaders.yamlio reads files,
klplan.loaders.yaml_compose composes them with PyYAML and hands the document the
positions of its node tree (``Positions``), which are looked up only when a problem
needs one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from klplan.core.errors import Where

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based (line, column)


class Positions(Protocol):
    """Where the values and keys of a composed document stand, found on request."""

    def value_mark(self, path: Path_) -> Mark | None:
        """Where the value at ``path`` starts."""
        ...

    def key_mark(self, path: Path_) -> Mark | None:
        """Where the key of the value at ``path`` is written."""
        ...


@dataclass
class YamlDoc:
    """A parsed YAML document and the 1-based (line, column) of every value.

    Positions are kept in ``marks`` and ``key_marks`` when a reader sets them itself
    (klplan.toml); a composed YAML document keeps its node tree in ``positions``
    instead and finds a position there when one is asked for (an error or a
    warning), rather than recording one for each of a large plan's hundreds of
    thousands of values while it is read."""

    data: Any
    file: str
    marks: dict[Path_, Mark] = field(default_factory=dict)
    key_marks: dict[Path_, Mark] = field(default_factory=dict)
    positions: Positions | None = field(default=None, repr=False)

    def where(self, path: Iterable[str | int] = (), *, at_key: bool = False) -> Where:
        """The position of the value at ``path`` (of its key with ``at_key``), or of
        its nearest ancestor that has one."""
        p = tuple(path)
        key = format_path(p) or None
        if at_key:
            found = self._key_mark(p)
            if found is not None:
                return Where(file=self.file, line=found[0], column=found[1], key=key)
        while p and self._mark(p) is None:
            p = p[:-1]
        line, col = self._mark(p) or (None, None)
        return Where(file=self.file, line=line, column=col, key=key)

    def _mark(self, path: Path_) -> Mark | None:
        if path not in self.marks and self.positions is not None:
            found = self.positions.value_mark(path)
            if found is not None:
                self.marks[path] = found
        return self.marks.get(path)

    def _key_mark(self, path: Path_) -> Mark | None:
        if path not in self.key_marks and self.positions is not None and path:
            found = self.positions.key_mark(path)
            if found is not None:
                self.key_marks[path] = found
        return self.key_marks.get(path)


def format_path(path: Iterable[str | int]) -> str:
    """A key path as a user writes it: ``groups[3].slot.weekday``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
