"""Regions, bundled calendars, estimates for later years, and user overrides."""

from datetime import date

import pytest

from klplan.core.errors import InputError
from klplan.loaders.calendars import load_calendar, red_days, resolve


@pytest.mark.parametrize(
    "name,code",
    [
        ("Göteborg", "1480"),
        ("goteborg", "1480"),
        ("GÖTEBORG", "1480"),
        ("Göteborgs stad", "1480"),
        ("1480", "1480"),
        ("Malmö kommun", "1280"),
        ("Håbo", "0305"),
        ("Habo", "0643"),
        ("180", "0180"),
    ],
)
def test_kommun_by_name_or_code(name, code):
    assert resolve(name, "kommun").code == code


def test_unknown_kommun_suggests_the_closest_name():
    with pytest.raises(InputError) as e:
        resolve("Götebrog", "kommun")
    assert "Göteborg" in e.value.message()
    # the loader names the parameter; the command line words it as --kommun
    assert e.value.message().startswith("kommun: ") and e.value.param == "kommun"


def test_county_with_one_sportlov_week_gets_a_county_calendar():
    cal = load_calendar(2025, lan="Stockholm").calendar
    assert cal.region.kind == "lan"
    assert any(c.kind == "sportlov" and c.start == date(2026, 2, 23) for c in cal.closures)


def test_county_with_mixed_sportlov_is_refused_and_lists_municipalities_by_week():
    with pytest.raises(InputError) as e:
        load_calendar(2025, lan="Västra Götaland")
    text = e.value.message()
    assert e.value.key == "region.mixed_sportlov"
    assert "v. 7:" in text and "Göteborg" in text
    assert "v. 9: Bengtsfors, Åmål" in text
    assert "--kommun" in text


def test_red_days_come_from_the_holidays_package_in_swedish():
    days = dict(red_days(2026))
    assert days[date(2026, 5, 14)] == "Kristi himmelsfärdsdag"
    assert days[date(2026, 6, 6)] == "Nationaldagen"
    assert days[date(2026, 1, 6)] == "Trettondedag jul"


def test_red_days_beyond_the_bundled_years_are_asked_from_the_package():
    assert dict(red_days(2045))[date(2045, 12, 25)] == "Juldagen"


def test_later_school_year_is_estimated_and_says_so():
    result = load_calendar(2027, kommun="Stockholm")
    assert result.calendar.estimated
    assert [n.key for n in result.notices] == ["calendar.estimated"]
    terms = result.calendar.terms
    # Same ISO week and weekday as 2026/27: HT starts Monday of week 34.
    assert terms[0].start == date(2027, 8, 16)
    lov = {(c.kind.value, c.start.isocalendar().week) for c in result.calendar.closures}
    assert ("laslov", 44) in lov and ("sportlov", 9) in lov
    # Påsklov 2027 is the week of Easter Monday (29 March); Easter 2028 is 16 April.
    assert ("pasklov", 16) in lov


def test_calendar_has_terms_lov_and_red_days_for_a_municipality():
    cal = load_calendar(2025, kommun="Göteborg").calendar
    assert [t.label for t in cal.terms] == ["HT 2025", "VT 2026"]
    kinds = {c.kind.value for c in cal.closures}
    assert {"laslov", "sportlov", "pasklov", "red_day"} <= kinds
    assert cal.provenance[0].source


CALENDAR_LOADERS = ("calendar_types", "regions", "calendar_schema", "calendars", "lan", "overrides")


def _imports(module: str) -> set[str]:
    """The calendar loaders ``module`` imports, at module level or in a function
    (``if TYPE_CHECKING:`` blocks excluded: they never run)."""
    import ast
    from pathlib import Path

    import klplan.loaders

    path = Path(klplan.loaders.__file__).parent / f"{module}.py"
    tree = ast.parse(path.read_text("utf-8"))
    skipped = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found |= {n.removeprefix("klplan.loaders.") for n in names} & set(CALENDAR_LOADERS)
    return found - {module}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle in ``graph`` (as a path that returns to its start), or None."""

    def visit(node: str, path: list[str]) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        for nxt in sorted(graph.get(node, ())):
            found = visit(nxt, [*path, node])
            if found:
                return found
        return None

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_the_calendar_loaders_import_each_other_in_no_circle():
    graph = {m: _imports(m) for m in CALENDAR_LOADERS}
    assert graph["calendars"] >= {"calendar_types", "regions", "lan"}  # the finder sees them
    assert _cycle(graph) is None, _cycle(graph)
