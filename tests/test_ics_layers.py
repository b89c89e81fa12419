"""The calendar code in layers: ``klplan.ical`` is RFC 5545 only (it imports nothing
of klplan outside itself, and has no Swedish in it); klplan's meeting content is in
``klplan.render.ics*``; and no module-level import cycle runs through either, nor
through the loader of previous files or the file-name mapping the plan loader uses."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.plan_helpers import plan_text, write_plan

SRC = Path(__file__).parent.parent / "src"
ICAL = SRC / "klplan" / "ical"
OURS = ("klplan.ical", "klplan.render.ics", "klplan.loaders.previous_ics", "klplan.core.filenames")


def module_name(path: Path) -> str:
    name = ".".join(path.relative_to(SRC).with_suffix("").parts)
    return name.removesuffix(".__init__")


def imports(path: Path, *, top_level: bool) -> set[str]:
    """The klplan modules (or the packages) ``path`` imports; ``top_level``: only those
    imported when it is (not inside functions)."""
    tree = ast.parse(path.read_text("utf-8"))
    nodes = tree.body if top_level else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_ical_package_imports_nothing_of_klplan_but_itself():
    for path in sorted(ICAL.glob("*.py")):
        for name in imports(path, top_level=False):
            if name.startswith("klplan"):
                assert name.startswith("klplan.ical"), f"{path.name} imports {name}"
            else:
                root = name.partition(".")[0]
                assert root in sys.stdlib_module_names or (
                    root == "icalendar" and path.name == "read.py"
                ), f"{path.name} imports {name}"


def test_the_ical_package_has_no_swedish_in_it():
    for path in sorted(ICAL.glob("*.py")):
        text = path.read_text("utf-8")
        for word in ("å", "ä", "ö", "möte", "grupp", "ledare", "läsår", "lov ", "klplan-"):
            assert word not in text.lower(), f"{path.name} says {word!r}"


def test_no_import_cycle_runs_through_the_calendar_modules():
    graph: dict[str, set[str]] = {}
    for path in sorted((SRC / "klplan").rglob("*.py")):
        graph[module_name(path)] = set()
    for path in sorted((SRC / "klplan").rglob("*.py")):
        for name in imports(path, top_level=True):
            # ``from klplan.x import y``: y may be a module of package x, or a name in x.
            target = name if name in graph else None
            if target is not None and target != module_name(path):
                graph[module_name(path)].add(target)

    def reaches(start: str, goal: str) -> bool:
        seen, stack = set(), list(graph[start])
        while stack:
            node = stack.pop()
            if node == goal:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(graph.get(node, ()))
        return False

    ours = [m for m in graph if m.startswith(OURS)]
    assert "klplan.ical.read" in ours and "klplan.render.ics_fast" in ours
    assert [m for m in ours if reaches(m, m)] == []


def test_the_plan_loader_does_not_load_the_calendar_writer(tmp_path):
    """Loading a plan checks its ids against the file-name mapping (``grupp-<id>.ics``
    must not collide), which is not the writer's: neither it nor icalendar is loaded."""
    plan = write_plan(
        tmp_path, plan_text("- {id: g1, module: samtal-om-text, leader: anna, participants: 6}")
    )
    probe = (
        "import sys\n"
        "from klplan.loaders.plan import load_plan\n"
        f"load_plan({str(plan)!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith(('klplan.render', "
        "'klplan.ical', 'icalendar'))))"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"
