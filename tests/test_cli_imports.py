"""The modules of ``klplan.cli`` import one another without a cycle, counting imports
inside functions too (``if TYPE_CHECKING:`` imports are for the type checker alone):
the command modules never reach back into the application that registers them, nor
the console into the notices that use it."""

from __future__ import annotations

import ast
from pathlib import Path

import klplan.cli

CLI = Path(klplan.cli.__file__).parent


def _module(path: Path) -> str:
    name = "klplan.cli" if path.name == "__init__.py" else f"klplan.cli.{path.stem}"
    return name


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, modules: set[str]) -> set[str]:
    """The modules of ``modules`` that ``tree`` imports. ``from klplan.cli import x``
    imports the module ``klplan.cli.x`` when there is one (as ``import klplan.cli.x``
    does), else the name ``x`` of the package."""
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                if sub in modules:
                    found.add(sub)
                elif node.module in modules:
                    found.add(node.module)
        stack.extend(ast.iter_child_nodes(node))
    return found


def import_graph() -> dict[str, set[str]]:
    paths = sorted(CLI.glob("*.py"))
    modules = {_module(p) for p in paths}
    return {
        _module(p): _imports(ast.parse(p.read_text("utf-8")), modules) - {_module(p)} for p in paths
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first walk (one per back edge)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                walk(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node)
    return found


def test_the_cli_modules_import_one_another_without_a_cycle():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import():
    source = "def f():\n    from klplan.cli import b, main\n"
    modules = {"klplan.cli", "klplan.cli.a", "klplan.cli.b"}
    graph = {
        "klplan.cli.a": _imports(ast.parse(source), modules),
        "klplan.cli.b": _imports(ast.parse("import klplan.cli.a\n"), modules),
    }
    assert graph["klplan.cli.a"] == {"klplan.cli", "klplan.cli.b"}  # main: the package's
    assert cycles(graph) == [["klplan.cli.a", "klplan.cli.b", "klplan.cli.a"]]


def test_type_checking_imports_are_not_counted():
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from klplan.cli import b\n"
    assert _imports(ast.parse(source), {"klplan.cli", "klplan.cli.b"}) == set()


# --- one writer on stderr -------------------------------------------------------------
def _writes_stderr(tree: ast.AST) -> bool:
    """Whether ``tree`` writes to ``sys.stderr`` itself (``sys.stderr.write``, or
    ``print(..., file=sys.stderr)``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("write", "buffer"):
            value = node.value
            if isinstance(value, ast.Attribute) and value.attr == "stderr":
                return True
        file = node.value if isinstance(node, ast.keyword) and node.arg == "file" else None
        if isinstance(file, ast.Attribute) and file.attr == "stderr":
            return True
    return False


def test_only_notify_writes_to_stderr():
    src = CLI.parent
    writers = sorted(
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if _writes_stderr(ast.parse(p.read_text("utf-8")))
    )
    assert writers == ["cli/notify.py"]


def test_errors_are_said_with_quiet_and_notices_are_not(klplan):
    r = klplan("--quiet", "schedule", "--module", "x")
    assert r.code == 2 and r.err.startswith("klplan: fel: --module: okänd modul 'x'")
    r = klplan("--quiet", "schedule", "-k", "Malmö")
    assert r.code == 0 and r.err == ""
    r = klplan("schedule", "-k", "Malmö")
    assert r.code == 0 and r.err.startswith("klplan: ")  # the defaults it chose
