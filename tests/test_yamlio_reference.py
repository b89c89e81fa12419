"""The fast YAML reader against the plain one it replaced: the same data, the same
errors and the same position for every value and key.

The reader composes without PyYAML's YAML 1.1 resolver and finds positions in the
node tree only when one is asked for (klplan.loaders.yamlio). ``reference`` below is
the reader as it was before, kept verbatim as the definition of what the fast one
must give: PyYAML's resolver on every scalar, then YAML 1.2's rules, and a position
recorded for every value while building."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
import yaml

from klplan.core.errors import InputError, Where
from klplan.loaders.yaml_compose import (
    _FALSE,
    _FLOAT,
    _INT,
    _NULL,
    _SCALAR_TAGS,
    _STD,
    _TRUE,
    MAX_DEPTH,
    MAX_NODES,
)
from klplan.loaders.yamlio import YamlDoc, format_path, load_yaml_text
from klplan.messages import t

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Reference:
    """The builder as it was: eager marks, YAML 1.1 tags from PyYAML's resolver."""

    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.nodes = 0

    def fail(self, msg_key: str, node: yaml.Node, path: tuple, **params: object) -> InputError:
        m = node.start_mark
        return InputError(
            msg_key,
            where=Where(self.doc.file, m.line + 1, m.column + 1, format_path(path) or None),
            **params,
        )

    def build(self, node: yaml.Node, path: tuple, depth: int) -> Any:
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
        for source in merged:
            for k, v in source.items():
                out.setdefault(k, v)
        return out

    def merge_sources(self, node: yaml.Node, path: tuple, depth: int) -> list[dict[str, Any]]:
        value = self.build(node, path, depth + 1)
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(s, dict) for s in sources):
            raise self.fail("yaml.syntax", node, path, problem="<< must merge a mapping")
        return sources

    def check_tag(self, node: yaml.Node, path: tuple, kind: str) -> None:
        if node.tag != _STD + kind:
            raise self.fail(
                "yaml.syntax", node, path, problem=t("yaml.unsupported_tag", tag=node.tag)
            )

    def scalar(self, node: yaml.ScalarNode, path: tuple) -> Any:
        value: str = node.value
        tag = node.tag
        if node.style or tag == _STD + "str":
            return value
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


def reference(text: str, name: str = "r.yaml") -> YamlDoc:
    node = yaml.compose(text, Loader=_Loader)
    doc = YamlDoc(None, name)
    if node is not None:
        doc.data = _Reference(doc).build(node, (), 0)
    return doc


def outcome(load: Any, text: str) -> tuple[str, Any]:
    """What a reader makes of ``text``: its data, or its error's message."""
    try:
        return "ok", load(text).data
    except InputError as e:
        return "error", (e.key, e.message())


def typed(value: Any) -> Any:
    """``value`` with every scalar's type next to it (1 == 1.0 == True otherwise)."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def same_as_reference(text: str) -> YamlDoc | None:
    kind, got = outcome(lambda s: load_yaml_text(s, "r.yaml"), text)
    want_kind, want = outcome(reference, text)
    assert (kind, typed(got) if kind == "ok" else got) == (
        want_kind,
        typed(want) if want_kind == "ok" else want,
    )
    if kind != "ok":
        return None
    fast, ref = load_yaml_text(text, "r.yaml"), reference(text)
    paths = set(ref.marks) | set(ref.key_marks)
    # Paths the document does not have, too: they point at their nearest ancestor.
    paths |= {(*p, "missing") for p in ref.marks} | {(*p, 99) for p in ref.marks}
    for p in sorted(paths, key=repr):
        for at_key in (False, True):
            assert fast.where(p, at_key=at_key) == ref.where(p, at_key=at_key), (p, at_key)
    return fast


# Every kind of scalar a hand-written file has, and the odd ones.
# fmt: off
SCALARS = [
    "", "~", "null", "Null", "NULL", "nil", "true", "True", "TRUE", "false", "FALSE", "yes",
    "no", "on", "off", "y", "n", "0", "00", "08", "0180", "-0", "+0", "+12", "-2", "1_000",
    "0x1F", "0o17", "0b101", "1.5", "-1.5", "+1.5", ".5", "-.5", "+.5", "5.", "1e5", "1e+5",
    "1.0e+5", "1.0e5", "1E-3", ".inf", "-.inf", ".nan", "NaN", "15:00", "1:30:00", "8.30",
    "2025-08-18", "2025-W38", "2025/26", "<<", "=", "Göteborg", "a b", "'8'", '"true"',
    "! true", "! 'true'", "! 5", "!!str 5", "!!int 5", "!!int x", "!!float 1e5", "!!float -.5",
    "!!null x", "!!bool 5", "!!timestamp 2025-01-01", "!!binary aGk=", "!foo x",
    "!!python/object:os.system ls", "|\n    block\n", ">\n    folded\n", "'it''s'",
]
# fmt: on


@pytest.mark.parametrize("scalar", SCALARS)
def test_each_scalar_as_before(scalar):
    same_as_reference(f"a: {scalar}\n")
    same_as_reference(f"- {scalar}\n")
    if "\n" not in scalar:
        same_as_reference(f"[{scalar}]\n")


def test_every_short_number_like_scalar_as_before():
    words = ["".join(c) for n in (1, 2, 3) for c in itertools.product("0159+-.eE_:x", repeat=n)]
    text = "".join(f"- {w}\n" for w in words if w.strip() and not w.startswith(("-", ":")))
    text += "".join(f"- '{w}'\n" for w in words)
    same_as_reference(text)


DOCUMENTS = [
    "",
    "# only a comment\n",
    "5\n",
    "a: 1\n",
    "groups:\n  - id: a\n    size: 5\n  - {id: b, size: [1, 2]}\n",
    # merges before and after explicit keys, chained, from a list, overridden
    "base: &b {weekday: onsdag, time: '15:00'}\ng: {<<: *b, time: '14:00'}\n",
    "base: &b {weekday: onsdag, time: '15:00'}\ng:\n  time: '14:00'\n  <<: *b\n",
    "a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\n",
    "a: &a {x: 1, w: 0}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n",
    "a: &a {x: {deep: [1, {k: v}]}}\nc: {<<: *a}\nd: {x: 5, <<: *a}\n",
    "'<<': literal key\nx: {'<<': 1}\n",
    # aliases of collections and scalars
    "a: &s text\nb: *s\nc: &l [1, 2]\nd: [*l, *l]\n",
    "a: &m {k: v}\nlist: [*m, *m, {k: w}]\n",
    # nested sequences, empty collections, nulls
    "a: [[1, [2, [3]]], [], {}]\nb:\n  -\n  - - x\n    - y\n",
    "? complex\n: value\n",
    # plain scalars over several lines (a blank line is a newline in the value)
    "a: 5\n\n  6\nb: 1.5\n  e5\nc: 7\n\n\nd: [8\n\n  ]\n",
    # a quoted '<<' is a key like any other, and can be a duplicate
    "<<: {x: 1}\n'<<': 1\n'<<': 2\n",
    # errors
    "a: 1\na: 2\n",
    "a: {b: 1, b: 2}\n",
    "a: {<<: 5}\n",
    "a: {<<: [{x: 1}, 5]}\n",
    "? [a]\n: 1\n",
    "a: !!set {x, y}\n",
    "a: !!omap [{x: 1}]\n",
    "a: !custom [1]\n",
    "a: " + "[" * 70 + "]" * 70 + "\n",
    "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ),
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_documents_as_before(text):
    same_as_reference(text)


def test_a_plan_file_as_before():
    from klplan.loaders.resources import data_path

    same_as_reference(data_path("init", "plan.yaml").read_text("utf-8"))
    same_as_reference(data_path("cadences.yaml").read_text("utf-8"))


def test_positions_are_found_in_the_tree_only_when_asked_for():
    doc = load_yaml_text("a:\n  - {b: 1}\n", "p.yaml")
    assert doc.marks == {} and doc.key_marks == {}
    assert (doc.where(("a", 0, "b")).line, doc.where(("a", 0, "b")).column) == (2, 9)
    assert doc.marks == {("a", 0, "b"): (2, 9)}
