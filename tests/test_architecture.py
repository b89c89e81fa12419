"""The shape of src/klplan: no import cycles, no oversized files, layers that import
only downwards (issue 15).

The import graph is read from the source with ``ast``, never by importing it: every
``import`` and ``from ... import`` anywhere in a module counts, at module level or
inside a function (a lazy import still ties the two modules together), relative ones
resolved against the module's package; only the body of ``if TYPE_CHECKING:`` is
left out (it never runs). A package's ``__init__`` counts like any other module: it
is the module named after the package. An import is an edge to the module it names:
``from klplan.loaders import yamlio`` to ``klplan.loaders.yamlio``, ``from
klplan.loaders.yamlio import YamlDoc`` to ``klplan.loaders.yamlio``; the parent
packages Python runs first are not counted (a package importing its own submodules
is the usual layout, not a cycle).
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "klplan"
MAX_LINES = 500

Graph = dict[str, set[str]]

# --- reading the graph ---------------------------------------------------------------


def module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_names(tree: ast.AST, module: str, is_package: bool) -> Iterable[str]:
    """Every module name ``tree`` imports (for ``from X import a``: ``X.a`` and
    ``X``; the caller keeps the one that is a module), ``if TYPE_CHECKING:`` bodies
    left out, relative imports made absolute."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                base = package[: len(package) - (node.level - 1)]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            for alias in node.names:
                yield f"{origin}.{alias.name}\0{origin}"
        stack.extend(ast.iter_child_nodes(node))


def _target(name: str, modules: set[str]) -> str | None:
    """The module an imported name stands for: the longest prefix that is a module
    of the package (``from X import a``: ``X.a`` if it is a module, else ``X``)."""
    for candidate in name.split("\0"):
        parts = candidate.split(".")
        while parts:
            if ".".join(parts) in modules:
                return ".".join(parts)
            parts.pop()
    return None


def read_sources(sources: Mapping[str, tuple[str, bool]]) -> Graph:
    """The import graph of modules given as ``{name: (source text, is_package)}``."""
    modules = set(sources)
    graph: Graph = {m: set() for m in modules}
    for module, (text, is_package) in sources.items():
        for name in imported_names(ast.parse(text), module, is_package):
            target = _target(name, modules)
            if target is not None and target != module:
                graph[module].add(target)
    return graph


def package_sources(src: Path = SRC, package: str = PACKAGE) -> dict[str, tuple[str, bool]]:
    return {
        module_name(p, src): (p.read_text(encoding="utf-8"), p.name == "__init__.py")
        for p in sorted((src / package).rglob("*.py"))
    }


# --- cycles --------------------------------------------------------------------------


def strongly_connected(graph: Graph) -> list[list[str]]:
    """The graph's strongly connected components (Tarjan, iterative), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                out.append(sorted(component))
    return out


def shortest_cycle(graph: Graph, start: str) -> list[str] | None:
    """The shortest path from ``start`` back to itself, as ``[start, ..., start]``."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(graph.get(node, ())):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start] if node != start else [start, start]
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    return None


def import_cycles(graph: Graph) -> list[list[str]]:
    """One cycle through every group of modules that import each other (each group's
    first module in name order, around the shortest way back to it)."""
    cycles = []
    for component in strongly_connected(graph):
        cycle = shortest_cycle(graph, component[0])
        if cycle is not None:
            cycles.append(cycle)
    return sorted(cycles)


# --- the finder itself, on small graphs: it can fail ----------------------------------


def _sources(**modules: str) -> dict[str, tuple[str, bool]]:
    """Made-up modules ``{"p.a": "import p.b"}``; a name ending in ``__init`` is a
    package (``p__init`` is the package ``p``)."""
    return {
        name.removesuffix("__init").replace("__", "."): (text, name.endswith("__init"))
        for name, text in modules.items()
    }


def test_finder_sees_a_cycle_of_two():
    graph = read_sources(_sources(p__a="import p.b", p__b="from p.a import x", p__init=""))
    assert import_cycles(graph) == [["p.a", "p.b", "p.a"]]


def test_finder_sees_lazy_relative_and_package_imports():
    graph = read_sources(
        _sources(
            p__init="from p import a",  # the package's own __init__
            p__a="def f():\n    from . import b\n",  # lazy and relative
            p__b="from .c import y",
            p__c="import p\n",  # the package, whose __init__ imports a
        )
    )
    assert graph == {"p": {"p.a"}, "p.a": {"p.b"}, "p.b": {"p.c"}, "p.c": {"p"}}
    assert import_cycles(graph) == [["p", "p.a", "p.b", "p.c", "p"]]


def test_finder_ignores_type_checking_imports_and_outside_modules():
    graph = read_sources(
        _sources(
            p__a="from typing import TYPE_CHECKING\nimport os\nif TYPE_CHECKING:\n"
            "    from p.b import T\nelse:\n    import p.c\n",
            p__b="import p.a",
            p__c="import typing, p.b\nif typing.TYPE_CHECKING:\n    import p.a\n",
        )
    )
    assert graph == {"p.a": {"p.c"}, "p.b": {"p.a"}, "p.c": {"p.b"}}
    assert import_cycles(graph) == [["p.a", "p.c", "p.b", "p.a"]]


def test_finder_resolves_parent_relative_imports_and_finds_every_cycle():
    graph = read_sources(
        _sources(
            p__init="",
            p__x__init="from ..y import z",  # p.x -> p.y.z
            p__y__init="",
            p__y__z="from .. import x",  # p.y.z -> p.x
            p__u="import p.v",
            p__v="import p.u.w",  # p.u is a module: p.u.w is not, so p.u
        )
    )
    assert import_cycles(graph) == [["p.u", "p.v", "p.u"], ["p.x", "p.y.z", "p.x"]]


def test_finder_passes_a_graph_without_cycles():
    graph = read_sources(_sources(p__a="import p.b\nimport p.c", p__b="import p.c", p__c=""))
    assert import_cycles(graph) == []
    assert len(strongly_connected(graph)) == 3


# --- klplan ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph() -> Graph:
    return read_sources(package_sources())


def test_the_graph_is_read(graph):
    """A sanity check of the reading: known edges of every kind are there (the finder's
    own tests above cover relative and TYPE_CHECKING imports)."""
    assert "klplan.loaders.yamldoc" in graph["klplan.loaders.yaml_compose"]  # module level
    assert "klplan.loaders.yaml_compose" in graph["klplan.loaders.yamlio"]  # in a function
    assert "klplan.cli" in graph["klplan.__main__"]
    assert len(graph) > 50


def test_no_import_cycles(graph):
    cycles = import_cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def file_lengths(src: Path = SRC, package: str = PACKAGE) -> dict[str, int]:
    return {
        p.relative_to(src).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in sorted((src / package).rglob("*.py"))
    }


def test_no_source_file_over_500_lines():
    long = {f: n for f, n in file_lengths().items() if n > MAX_LINES}
    over = sorted(f"{f}: {n} lines" for f, n in long.items())
    assert not over, f"files over {MAX_LINES} lines:\n" + "\n".join(over)


# Layers: the core is pure (docs, /work/shared/style.md: it reads no files and knows no
# command line), the use cases (app/) never print or name a flag, the library (api) is
# not built on the CLI, RFC 5545 (ical/) knows nothing of klplan, and every layer below
# the use cases leaves them and the CLI alone.
LAYERS = {
    "klplan.core": ("klplan.cli", "klplan.render", "klplan.loaders", "klplan.app", "klplan.files"),
    "klplan.app": ("klplan.cli",),
    "klplan.api": ("klplan.cli",),
    "klplan.files": ("klplan.cli", "klplan.app"),
    "klplan.render": ("klplan.cli", "klplan.app", "klplan.files"),
    "klplan.loaders": ("klplan.cli", "klplan.app", "klplan.files"),
    "klplan.ical": ("klplan.core", "klplan.cli", "klplan.app", "klplan.render", "klplan.loaders"),
}


def layer_violations(graph: Graph) -> list[str]:
    def inside(module: str, package: str) -> bool:
        return module == package or module.startswith(package + ".")

    return sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        for layer, forbidden in LAYERS.items()
        if inside(module, layer)
        for target in targets
        if any(inside(target, f) for f in forbidden)
    )


def test_layers_import_only_downwards(graph):
    assert layer_violations(graph) == []


def test_layer_check_can_fail():
    graph = read_sources(
        _sources(
            klplan__core__x="from klplan.render import table",
            klplan__render__table="",
            klplan__app__y="def f():\n    import klplan.cli.z\n",
            klplan__cli__z="from klplan.core import x",
        )
    )
    assert layer_violations(graph) == [
        "klplan.app.y imports klplan.cli.z",
        "klplan.core.x imports klplan.render.table",
    ]
