"""The PyYAML side of reading YAML (klplan.loaders.yamlio): a composer without PyYAML's
YAML 1.1 resolver, the builder that turns its nodes into data by YAML 1.2's rules, and
the walk that finds a value's position in the node tree (``NodePositions``, which the
document asks, klplan.loaders.yamldoc). Apart from yamlio so that
PyYAML is imported only when a YAML file is read (the default run reads none)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from klplan.core.errors import InputError, Where
from klplan.loaders.yamldoc import Mark, Path_, YamlDoc, format_path
from klplan.messages import t

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Limits on the expanded document (alias bombs) and YAML 1.2's core-schema scalars.
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

# The tag ``_Composer`` gives an untagged plain scalar (not a string, so that no tag
# written in a file can be mistaken for it): ``_Builder.scalar`` resolves those.
_PLAIN: Any = object()
_SEQ, _MAP = _STD + "seq", _STD + "map"
_DEFAULT_TAGS = {ScalarNode: _STD + "str", SequenceNode: _SEQ, MappingNode: _MAP}
_YAML11 = yaml.resolver.Resolver()  # only asked about the rare plain scalar that looks like a float
# Plain scalars that are not text under YAML 1.2's core schema (besides numbers).
_SPECIAL: dict[str, Any] = {
    **dict.fromkeys(_NULL),
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
}


# The base is CSafeLoader or SafeLoader, as PyYAML was built: a value to mypy, not a type.
class _Composer(_Loader):  # type: ignore[misc, valid-type]
    """The safe composer, without PyYAML's YAML 1.1 resolver: it ran a list of regular
    expressions in Python for every scalar (a third of the time to compose a large
    plan) only for ``_Builder.scalar`` to resolve the value again by YAML 1.2's rules.
    An untagged plain scalar gets the tag ``_PLAIN`` instead; anything else the tag
    the resolver would give it (klplan uses no path resolvers)."""

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return _PLAIN
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # no path resolvers: nothing to track

    def ascend_resolver(self) -> None:
        pass


class NodePositions:
    """The positions of a composed document's values and keys, found in its node
    tree when asked (klplan.loaders.yamldoc.Positions)."""

    __slots__ = ("root",)

    def __init__(self, root: Node) -> None:
        self.root = root

    def value_mark(self, path: Path_) -> Mark | None:
        """Where the value at ``path`` starts: the first node found there in the
        order the document is built (a merged mapping's keys count where the ``<<``
        stands)."""
        node = next((n for k, n in _visits(self.root, path) if k is None), None)
        return None if node is None else _position(node)

    def key_mark(self, path: Path_) -> Mark | None:
        """Where the key of ``path`` is written: the last one found, as when a
        merged mapping's key and an explicit one both name it."""
        keys = [k for k, _ in _visits(self.root, path) if k is not None]
        return _position(keys[-1]) if keys else None


def _position(node: Node) -> Mark:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _visits(node: Node, rest: Path_) -> Iterator[tuple[Node | None, Node]]:
    """What building ``node`` does at the path ``rest`` below it, in the order
    ``_Builder.build`` does it: ``(None, value)`` for a value built there, and
    ``(key, value)`` for a key written there. Follows only ``rest``, so it costs the
    path's length, not the document's size."""
    if not rest:
        yield None, node
    if isinstance(node, SequenceNode):
        if rest and isinstance(rest[0], int) and 0 <= rest[0] < len(node.value):
            yield from _visits(node.value[rest[0]], rest[1:])
    elif isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if _is_merge(key_node):
                yield from _visits(value_node, rest)  # merged at the mapping's own path
            elif rest and key_node.value == rest[0]:
                if len(rest) == 1:
                    yield key_node, value_node
                yield from _visits(value_node, rest[1:])


def _is_merge(key_node: Node) -> bool:
    return isinstance(key_node, ScalarNode) and key_node.value == "<<" and not key_node.style


_QUOTED = re.compile(r"'(?!<)[^']{3,}'")


def compose(text: str, name: str) -> YamlDoc:
    """``text`` composed by PyYAML and built by YAML 1.2's rules (see klplan.loaders.yamlio)."""
    try:
        node = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = (e.problem or e.context or t("yaml.syntax_error")).strip()
        # A file that is not YAML may be anything (a password file): name the place,
        # never quote what stands there beyond a character ("found character '%'").
        problem = _QUOTED.sub("'…'", problem)
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
    doc.data = _Builder(name).build(node, (), 0)
    doc.positions = NodePositions(node)
    return doc


class _Builder:
    """The data of a composed document, checked as it is built: node count and depth
    (alias bombs), tags, duplicate keys, merges. Positions are not recorded here
    (see YamlDoc); a child's path is made only for a collection, or for an error."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.nodes = 0

    def fail(self, msg_key: str, node: Node, path: Path_, **params: object) -> InputError:
        m = node.start_mark
        return InputError(
            msg_key,
            where=Where(self.file, m.line + 1, m.column + 1, format_path(path) or None),
            hint=None,
            **params,
        )

    def count(self, node: Node, path: Path_, depth: int) -> None:
        """Count a node about to be built at ``path``: too many or too deep is an error."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail("yaml.too_many_nodes", node, path, limit=MAX_NODES)
        if depth > MAX_DEPTH:
            raise self.fail("yaml.too_deep", node, path, limit=MAX_DEPTH)

    def build(self, node: Node, path: Path_, depth: int) -> Any:
        self.count(node, path, depth)
        return self.value(node, path, depth)

    def child(self, node: Node, path: Path_, key: str | int, depth: int) -> Any:
        """The value of ``node`` at ``(*path, key)``; a plain scalar, the bulk of any
        document, without making its path."""
        if (
            node.tag is _PLAIN
            and type(node) is ScalarNode
            and not node.style
            and self.nodes < MAX_NODES
            and depth <= MAX_DEPTH
        ):
            self.nodes += 1
            value: str = node.value
            if value in _SPECIAL:
                return _SPECIAL[value]
            return _plain_number(value) if value[:1] in _NUMERIC_START else value
        return self.build(node, (*path, key), depth)

    def value(self, node: Node, path: Path_, depth: int) -> Any:
        if type(node) is ScalarNode:
            return self.scalar(node, path)
        kind = type(node)
        if kind is SequenceNode:
            if node.tag != _SEQ:
                raise self.tag_error(node, path)
            child = self.child
            return [child(c, path, i, depth + 1) for i, c in enumerate(node.value)]
        assert kind is MappingNode
        if node.tag != _MAP:
            raise self.tag_error(node, path)
        out: dict[str, Any] = {}
        merged: list[dict[str, Any]] = []
        child = self.child
        depth += 1
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                raise self.fail("yaml.key_not_string", key_node, path, value="{…}")
            key = key_node.value
            if key == "<<" and not key_node.style:  # a merge (as _is_merge, inline)
                merged.extend(self.merge_sources(value_node, path, depth - 1))
            elif key in out:
                first = next(k for k, _ in node.value if k.value == key and not _is_merge(k))
                raise self.fail(
                    "yaml.duplicate_key",
                    key_node,
                    (*path, key),
                    key=key,
                    first_line=first.start_mark.line + 1,
                )
            else:
                out[key] = child(value_node, path, key, depth)
        for source in merged:  # explicit keys win over merged ones
            for k, v in source.items():
                out.setdefault(k, v)
        return out

    def merge_sources(self, node: Node, path: Path_, depth: int) -> list[dict[str, Any]]:
        value = self.build(node, path, depth + 1)
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(s, dict) for s in sources):
            raise self.fail("yaml.syntax", node, path, problem="<< must merge a mapping")
        return sources

    def tag_error(self, node: Node, path: Path_) -> InputError:
        problem = t("yaml.unsupported_tag", tag=node.tag)
        return self.fail("yaml.syntax", node, path, problem=problem)

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        value: str = node.value
        tag = node.tag
        if node.style or tag == _STD + "str":  # plain style is None (C loader: "")
            return value  # quoted, block or explicitly !!str: always text
        if tag is _PLAIN:
            if value in _SPECIAL:
                return _SPECIAL[value]
            return _plain_number(value) if value[:1] in _NUMERIC_START else value
        if tag not in _SCALAR_TAGS:
            raise self.tag_error(node, path)
        if value in _SPECIAL:
            return _SPECIAL[value]
        if _INT.match(value):
            return _int(value)
        if _FLOAT.match(value):
            return float(value)
        return value


# What a YAML 1.2 number can start with (digits, sign, or the point of ``.5``), and
# all it can be made of: anything else (2025-W38, 15:00) is text without a regex.
_NUMERIC_START = frozenset("0123456789+-.")
_NUMERIC = frozenset("0123456789+-.eE")


def _plain_number(value: str) -> Any:
    """An untagged plain scalar that may be a number, by YAML 1.2's core schema: an
    int, or a float where PyYAML's YAML 1.1 resolver also sees one (``1e5`` and
    ``-.5`` have always stayed text, and a file that worked keeps working)."""
    if not _NUMERIC.issuperset(value):
        return value
    if _INT.match(value):
        return _int(value)
    if _FLOAT.match(value) and _yaml11_tag(value) != _STD + "str":
        return float(value)
    return value


def _yaml11_tag(value: str) -> str:
    """The tag PyYAML's YAML 1.1 resolver gives a plain scalar."""
    # types-PyYAML leaves Resolver.resolve untyped.
    tag: str = _YAML11.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag


def _int(value: str) -> int | str:
    """An integer, or the text itself when it has more digits than Python converts
    (sys.get_int_max_str_digits, 4300): no field wants such a number, and as text it
    is reported as "expected an integer" where one is expected."""
    try:
        return int(value)
    except ValueError:
        return value
