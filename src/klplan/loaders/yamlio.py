"""Read YAML safely and keep every value's position, so that a problem found later
(by pydantic, or by a reference check) can name file, line, column and key path.

Deliberate choices, documented for users in the README:
- Only the safe subset is composed (C loader when available); no Python objects.
- Scalars follow YAML 1.2's core schema, not YAML 1.1: ``no``, ``on``, ``off``, ``y``
  stay text; ``08`` and ``0180`` stay text (codes keep their leading zeros);
  ``15:00`` is text, not 900; dates stay text and are parsed by the field that wants one.
- Duplicate keys are errors. A UTF-8 BOM is ignored; other encodings are errors.
- Aliases are followed (``<<`` merges too), but the expanded document is limited in
  node count and depth, so an alias bomb is an error, not a hang.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from klplan.core.errors import InputError, OutputError, Where
from klplan.messages import t


def _lazy_module(name: str) -> ModuleType:
    """``name`` imported on first use (importlib's LazyLoader). PyYAML costs a
    noticeable part of a start, and the default run reads only bundled data, from
    JSON snapshots (klplan.loaders.snapshots): it never touches the module."""
    import importlib.util

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    import yaml
else:
    yaml = _lazy_module("yaml")


def _loader() -> type:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[no-any-return]


MAX_BYTES = 20 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_DEPTH = 64

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(
    r"^[-+]?(0|[1-9][0-9]*)?\.[0-9]+([eE][-+]?[0-9]+)?$|^[-+]?(0|[1-9][0-9]*)[eE][-+]?[0-9]+$"
)
_STD = "tag:yaml.org,2002:"
# Tags a plain scalar may carry from the resolver; anything else (!!python/..., !foo)
# is refused rather than ignored.
_SCALAR_TAGS = {
    _STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "merge", "value")
}

Path_ = tuple[str | int, ...]


@dataclass
class YamlDoc:
    """A parsed YAML document and the 1-based (line, column) of every value."""

    data: Any
    file: str
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Iterable[str | int] = (), *, at_key: bool = False) -> Where:
        """The position of the value at ``path`` (of its key with ``at_key``), or of
        its nearest ancestor that has one."""
        p = tuple(path)
        key = format_path(p) or None
        if at_key and p in self.key_marks:
            line, col = self.key_marks[p]
            return Where(file=self.file, line=line, column=col, key=key)
        while p and p not in self.marks:
            p = p[:-1]
        line, col = self.marks.get(p, (None, None))  # type: ignore[assignment]
        return Where(file=self.file, line=line, column=col, key=key)


def format_path(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_text(path: Path, display: str | None = None) -> str:
    """Read a UTF-8 text file (BOM ignored), with errors that name the file."""
    name = display or str(path)
    return decode(read_bytes(path, name), name)


def read_bytes(path: Path, display: str | None = None, limit: int | None = None) -> bytes:
    """Read a file of at most ``limit`` bytes (MAX_BYTES), with errors that name it."""
    name = display or str(path)
    limit = MAX_BYTES if limit is None else limit
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError("file.too_large", where=Where(file=name), size=size, limit=limit)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("file.not_found", where=Where(file=name)) from None
    except IsADirectoryError:
        raise InputError(
            "file.unreadable", where=Where(file=name), reason=t("file.is_directory")
        ) from None
    except OSError as e:
        raise OutputError("file.unreadable", where=Where(file=name), reason=e.strerror) from None


def decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise InputError(
            "yaml.not_utf8",
            where=Where(file=name, line=line, column=column),
            byte=f"0x{raw[e.start]:02x}",
            offset=e.start,
        ) from None


def load_yaml_file(path: Path, display: str | None = None) -> YamlDoc:
    name = display or str(path)
    return load_yaml_text(read_text(path, name), name)


def load_yaml_text(text: str, name: str) -> YamlDoc:
    try:
        node = yaml.compose(text, Loader=_loader())
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = (e.problem or e.context or t("yaml.syntax_error")).strip()
        lines = text.splitlines()
        if mark and mark.line < len(lines) and "\t" in lines[mark.line]:
            problem += " (" + t("yaml.tab_hint") + ")"
        where = (
            Where(file=name, line=mark.line + 1, column=mark.column + 1)
            if mark
            else Where(file=name)
        )
        raise InputError("yaml.syntax", where=where, problem=problem) from None
    except yaml.YAMLError as e:
        raise InputError(
            "yaml.syntax", where=Where(file=name), problem=str(e).splitlines()[0]
        ) from None
    except RecursionError:
        raise InputError("yaml.too_deep", where=Where(file=name), limit=MAX_DEPTH) from None
    doc = YamlDoc(None, name)
    if node is None:
        return doc
    builder = _Builder(doc)
    doc.data = builder.build(node, (), 0)
    return doc


class _Builder:
    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.nodes = 0

    def fail(self, msg_key: str, node: yaml.Node, path: Path_, **params: object) -> InputError:
        m = node.start_mark
        return InputError(
            msg_key,
            where=Where(self.doc.file, m.line + 1, m.column + 1, format_path(path) or None),
            **params,
        )

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail("yaml.too_many_nodes", node, path, limit=MAX_NODES)
        if depth > MAX_DEPTH:
            raise self.fail("yaml.too_deep", node, path, limit=MAX_DEPTH)
        m = node.start_mark
        self.doc.marks.setdefault(path, (m.line + 1, m.column + 1))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            self.check_tag(node, path, "seq")
            return [self.build(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        self.check_tag(node, path, "map")
        out: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        merged: list[dict[str, Any]] = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail("yaml.key_not_string", key_node, path, value="{…}")
            key = key_node.value
            if key == "<<" and not key_node.style:
                merged.extend(self.merge_sources(value_node, path, depth))
                continue
            if key in out:
                raise self.fail(
                    "yaml.duplicate_key", key_node, (*path, key), key=key, first_line=key_lines[key]
                )
            key_lines[key] = key_node.start_mark.line + 1
            km = key_node.start_mark
            self.doc.key_marks[(*path, key)] = (km.line + 1, km.column + 1)
            out[key] = self.build(value_node, (*path, key), depth + 1)
        for source in merged:  # explicit keys win over merged ones
            for k, v in source.items():
                out.setdefault(k, v)
        return out

    def merge_sources(self, node: yaml.Node, path: Path_, depth: int) -> list[dict[str, Any]]:
        value = self.build(node, path, depth + 1)
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(s, dict) for s in sources):
            raise self.fail("yaml.syntax", node, path, problem="<< must merge a mapping")
        return sources

    def check_tag(self, node: yaml.Node, path: Path_, kind: str) -> None:
        if node.tag != _STD + kind:
            raise self.fail(
                "yaml.syntax", node, path, problem=t("yaml.unsupported_tag", tag=node.tag)
            )

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        value: str = node.value
        tag = node.tag
        if node.style or tag == _STD + "str":  # plain style is None (C loader: "")
            return value  # quoted, block or explicitly !!str: always text
        if tag not in _SCALAR_TAGS:
            raise self.fail("yaml.syntax", node, path, problem=t("yaml.unsupported_tag", tag=tag))
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
        return value
