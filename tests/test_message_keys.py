"""The message catalogue and the code agree: every key the code uses is defined (a),
every defined key is used (b), each in both languages with the same placeholders (c),
and defined once, by one owner module of klplan.messages (d).

The checker reads source text: the owner modules' ``MESSAGES = {...}`` literals and the
rest of src/klplan. Keys the code builds at run time (``t(f"reason.{code}")``) are
declared in DYNAMIC below with the code that builds them and the keys it can build.
Each check is shown to fail on a small synthetic catalogue and code."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args, get_type_hints

import pytest
import typer
from pydantic_core.core_schema import ErrorType

from klplan import messages
from klplan.cli.app import app
from klplan.cli.localize import _EXTRA_WORDS
from klplan.cli.options import ScheduleFormat
from klplan.core.models import ClosureKind, MomentKey
from klplan.ical.regenerate import ChangeKind
from klplan.loaders.calendar_types import FACT_FIELDS, KnownDay
from klplan.loaders.plan import Sequence
from klplan.messages import LANGS
from klplan.render.calendar_view import SCHOOL
from klplan.render.csv import COLUMNS

SRC = Path(__file__).parent.parent / "src" / "klplan"
PACKAGE = SRC / "messages"

# A key is lower-case words joined by dots (``plan.bad_email``, ``help.section.Options``).
# A string of that shape in the code whose first word is one of the catalogue's
# namespaces is a key, unless it is a file name (``plan.yaml``).
KEY = re.compile(r"[a-z][a-z_]*(\.[A-Za-z_]+)+")
FILE_SUFFIXES = {"yaml", "yml", "toml", "json", "html", "ics", "csv", "md", "xlsx", "txt"}
# Calls whose first argument is a message key whatever its shape (``t("yes")``).
KEYED = {
    "t",
    "KlplanError",
    "InputError",
    "ScheduleError",
    "UsageError",
    "OutputError",
    "ModelError",
    "Notice",
    "invalid",
}
Catalogue = dict[str, dict[str, str]]


@dataclass(frozen=True)
class Family:
    """Keys built at run time from a template (``reason.{}``): where the code builds
    them, and which keys it can build. ``guarded``: the code looks the key up in
    MESSAGES first and falls back when it is missing, so not every key need exist."""

    where: str
    keys: Callable[[Catalogue], Iterable[str]]
    guarded: bool = False


@dataclass
class Owner:
    """One owner module's catalogue as written: (key, line) in order, and the entries."""

    entries: Catalogue = field(default_factory=dict)
    lines: list[tuple[str, int]] = field(default_factory=list)


def read_owner(source: str) -> Owner | None:
    """The ``MESSAGES = {...}`` literal of an owner module, or None if it has none."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id == "MESSAGES":
            if not isinstance(value, ast.Dict):
                return None
            owner = Owner()
            for k, v in zip(value.keys, value.values, strict=True):
                assert isinstance(k, ast.Constant), ast.dump(k) if k else "**"
                owner.lines.append((k.value, k.lineno))
                owner.entries[k.value] = ast.literal_eval(v)
            return owner
    return None


def template(node: ast.JoinedStr) -> str:
    return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)


@dataclass
class Uses:
    literal: dict[str, list[str]] = field(default_factory=dict)  # key: [file:line]
    templates: dict[str, list[str]] = field(default_factory=dict)  # "reason.{}": [...]


def scan(code: Mapping[str, str], namespaces: set[str]) -> Uses:
    """The keys ``code`` (file name: source) uses literally, and the templates it
    builds keys from."""
    uses = Uses()
    for name, source in code.items():
        tree = ast.parse(source)
        # the literal parts of f-strings (the calls inside them are code like any other)
        in_fstring = {
            id(v)
            for n in ast.walk(tree)
            if isinstance(n, ast.JoinedStr)
            for v in n.values
            if isinstance(v, ast.Constant)
        }
        keyed = {
            id(n.args[0])
            for n in ast.walk(tree)
            if isinstance(n, ast.Call)
            and n.args
            and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) in KEYED
        }
        for n in ast.walk(tree):
            where = f"{name}:{getattr(n, 'lineno', '?')}"
            if isinstance(n, ast.JoinedStr) and n.values and isinstance(n.values[0], ast.Constant):
                text = template(n)
                if text.split(".")[0] in namespaces or id(n) in keyed:
                    uses.templates.setdefault(text, []).append(where)
            elif (
                isinstance(n, ast.Constant)
                and isinstance(n.value, str)
                and id(n) not in in_fstring
                and (
                    id(n) in keyed
                    or (
                        KEY.fullmatch(n.value)
                        and n.value.split(".")[0] in namespaces
                        and n.value.rsplit(".", 1)[1] not in FILE_SUFFIXES
                    )
                )
            ):
                uses.literal.setdefault(n.value, []).append(where)
    return uses


def fields(text: str) -> list[tuple[str, str | None]]:
    """The placeholders of a message, with their conversions (``{value!r}``)."""
    return sorted((name, conv) for _, name, _, conv in string.Formatter().parse(text) if name)


def check(
    owners: Mapping[str, str], code: Mapping[str, str], dynamic: Mapping[str, Family]
) -> list[str]:
    """Every problem (a)–(d) found in the owner modules (name: source) and the code
    (file name: source), each a line naming the file, the line or the key."""
    problems: list[str] = []
    catalogue: Catalogue = {}
    defined_in: dict[str, str] = {}
    for name, source in owners.items():
        owner = read_owner(source)
        assert owner is not None, f"{name} defines no MESSAGES literal"
        for key, line in owner.lines:  # (d) once, by one owner
            if key in defined_in:
                problems.append(f"{name}:{line}: {key!r} is also defined in {defined_in[key]}")
            defined_in.setdefault(key, f"{name}:{line}")
        for key, entry in owner.entries.items():  # (c) both languages, same placeholders
            where = defined_in[key]
            if sorted(entry) != sorted(LANGS) or not all(str(v).strip() for v in entry.values()):
                problems.append(f"{where}: {key!r} needs a text in each of {LANGS}")
            elif fields(entry["sv"]) != fields(entry["en"]):
                problems.append(f"{where}: {key!r} has different placeholders in sv and en")
        catalogue.update(owner.entries)
    uses = scan(code, {key.split(".")[0] for key in catalogue})
    used = set(uses.literal)
    for key, wheres in uses.literal.items():  # (a) used literally, not defined
        if key not in catalogue:
            problems.append(f"{wheres[0]}: {key!r} is not in the catalogue")
    for text, wheres in uses.templates.items():  # (a) built at run time, not declared
        if text not in dynamic:
            problems.append(f"{wheres[0]}: keys built as {text!r}: declare them in DYNAMIC")
    for text, family in dynamic.items():
        if text not in uses.templates:
            problems.append(f"DYNAMIC {text!r} ({family.where}): no code builds it any more")
            continue
        built = set(family.keys(catalogue))
        assert all(re.fullmatch(re.escape(text).replace(r"\{\}", ".+"), k) for k in built)
        used |= built
        missing = sorted(k for k in built if k not in catalogue)
        if missing and not family.guarded:  # (a) built at run time, not defined
            problems.append(f"{family.where} builds {missing}, not in the catalogue")
    for key in catalogue:  # (b) defined, never used
        if key not in used:
            problems.append(f"{defined_in[key]}: {key!r} is not used by any code")
    return problems


# --- klplan's own catalogue and code ----------------------------------------------


def _help_keys(param: bool, any_: bool = False) -> Callable[[Catalogue], set[str]]:
    """The help keys klplan.cli.localize looks up for every command (and parameter)."""

    def keys(catalogue: Catalogue) -> set[str]:
        root = typer.main.get_command(app)
        commands = [("klplan", root), *root.commands.items()]  # type: ignore[attr-defined]
        if not param:
            return {f"help.{name}" for name, _ in commands}
        own = {f"help.{name}.{p.name}" for name, c in commands for p in c.params}
        if not any_:
            return own
        # help.any.<param> is looked up where a command has no help of its own
        return {
            f"help.any.{p.name}"
            for name, c in commands
            for p in c.params
            if f"help.{name}.{p.name}" not in catalogue
        }

    return keys


def _each(prefix: str, values: Iterable[str]) -> Callable[[Catalogue], set[str]]:
    keys = {prefix + v for v in values}
    return lambda _: keys


# why a day has no meeting (DayOff.code): a ClosureKind, or the weekend (core.scheduler)
CLOSURES = tuple(k.value for k in ClosureKind)
# what a calendar's data verify against a municipality's page: its lov weeks
VERIFIABLE = FACT_FIELDS
KNOWN_DAY_KINDS = get_args(get_type_hints(KnownDay)["kind"])
# every output format but ics, whose marker is its PRODID (ics.not_klplan)
MARKED = tuple(f.value for f in ScheduleFormat if f is not ScheduleFormat.ics)


DYNAMIC: dict[str, Family] = {
    "reason.{}": Family("messages.reason_label(code)", _each("reason.", (*CLOSURES, "weekend"))),
    "moment.{}": Family(
        "render csv, ics, overview: a meeting's moment", _each("moment.", get_args(MomentKey))
    ),
    "ics.moment.{}": Family("render.ics._moment_text", _each("ics.moment.", get_args(MomentKey))),
    "ics.term_{}": Family(
        "render.ics, holiday feed: first and last day of a term",
        _each("ics.term_", ("first", "last")),
    ),
    "ics.term_{}_description": Family(
        "render.ics, holiday feed",
        _each("ics.term_", ("first_description", "last_description")),
    ),
    "ics.change.{}": Family(
        "cli.calendar_files: --check's changes", _each("ics.change.", get_args(ChangeKind))
    ),
    "table.sequence.{}": Family(
        "render.table: a group's sequence", _each("table.sequence.", get_args(Sequence))
    ),
    "cal.mark.{}": Family(
        "render.calendar_view.day_mark, legend", _each("cal.mark.", (SCHOOL, *CLOSURES))
    ),
    "cal.status.{}": Family(
        "render.calendar_view.legend", _each("cal.status.", (SCHOOL, *CLOSURES))
    ),
    "csv.col.{}": Family("render.csv, render.xlsx: column headings", _each("csv.col.", COLUMNS)),
    "field.{}": Family("render.provenance: verified fields", _each("field.", VERIFIABLE)),
    "calendar.known.{}": Family(
        "loaders.calendars.known_day_label: a known lovdag or studiedag",
        _each("calendar.known.", KNOWN_DAY_KINDS),
    ),
    "output.marker.{}": Family(
        "files.outputs.check_output: klplan's marker", _each("output.marker.", MARKED)
    ),
    "id.kind.{}": Family(
        "loaders.plan: ids of groups and leaders", _each("id.kind.", ("group", "leader"))
    ),
    "pydantic.{}": Family(
        "loaders.validate: a pydantic error", _each("pydantic.", get_args(ErrorType)), guarded=True
    ),
    "help.{}": Family("cli.localize.help_key(command)", _help_keys(False), guarded=True),
    "help.{}.{}": Family("cli.localize.help_key(command, param)", _help_keys(True), guarded=True),
    "help.any.{}": Family(
        "cli.localize.help_key(command, param)", _help_keys(True, True), guarded=True
    ),
    # the sections click and typer write in --help
    "help.section.{}": Family(
        "cli.localize: --help sections",
        _each("help.section.", ("Options", "Commands", "Arguments")),
        guarded=True,
    ),
    "help.extra.{}": Family(
        "cli.localize._translate_extra",
        _each("help.extra.", (w.replace(" ", "_") for w in _EXTRA_WORDS)),
    ),
}


def owner_sources() -> dict[str, str]:
    """The owner modules of klplan.messages: those with a MESSAGES literal."""
    found = {}
    for path in sorted(PACKAGE.glob("*.py")):
        source = path.read_text("utf-8")
        if read_owner(source) is not None:
            found[path.stem] = source
    return found


def code_sources() -> dict[str, str]:
    owners = {PACKAGE / f"{name}.py" for name in owner_sources()}
    return {
        str(path.relative_to(SRC)): path.read_text("utf-8")
        for path in sorted(SRC.rglob("*.py"))
        if path not in owners
    }


def entries(source: str) -> Catalogue:
    owner = read_owner(source)
    assert owner is not None
    return owner.entries


def test_klplan_uses_every_message_it_defines_and_defines_every_one_it_uses():
    problems = check(owner_sources(), code_sources(), DYNAMIC)
    assert not problems, "\n".join(problems)


def test_the_scan_finds_klplans_keys():
    """The scan is not vacuous: it finds hundreds of keys, and the dynamic ones."""
    owners = owner_sources()
    namespaces = {k.split(".")[0] for o in owners.values() for k in entries(o)}
    uses = scan(code_sources(), namespaces)
    assert len(uses.literal) > 300
    assert "plan.bad_email" in uses.literal and "yes" in uses.literal
    assert "plan.yaml" not in uses.literal  # a file name
    assert set(uses.templates) == set(DYNAMIC)


def test_the_catalogue_the_checker_reads_is_the_one_klplan_uses():
    owners = owner_sources()
    assert set(owners) == set(messages.OWNERS)  # every owner module is merged
    read = {k: v for o in owners.values() for k, v in entries(o).items()}
    assert read == messages.MESSAGES
    for name, source in owners.items():
        assert len(source.splitlines()) <= 450, f"{name}.py: split it by owner"


def test_merge_refuses_a_key_two_owners_define():
    from klplan.messages.catalogue import merge

    one = {"plan.x": {"sv": "x", "en": "x"}}
    assert merge({"plan": one, "cli": {"cli.y": {"sv": "y", "en": "y"}}})["plan.x"]
    with pytest.raises(ValueError, match=r"'plan\.x' is defined in plan and in schedule"):
        merge({"plan": one, "schedule": dict(one)})


# --- each check can fail -------------------------------------------------------------

OK = {"sv": "ok", "en": "ok"}


def owner(*entries: str) -> str:
    """An owner module's source with these entries (``"key": {...}`` lines)."""
    body = "".join(f"    {e},\n" for e in entries)
    return f"from x import Catalogue\n\nMESSAGES: Catalogue = {{\n{body}}}\n"


def entry(key: str, sv: str = "ok", en: str = "ok") -> str:
    return f"{key!r}: {{'sv': {sv!r}, 'en': {en!r}}}"


CODE = {"plan.py": "t('plan.a')\nraise InputError('plan.b', where=w)\nopen('plan.yaml')\n"}
PLAN = owner(entry("plan.a"), entry("plan.b"))


def test_a_clean_catalogue_has_no_problems():
    assert check({"plan": PLAN}, CODE, {}) == []


def test_a_undefined_key_used_literally():
    code = {**CODE, "cli.py": "x = {'a': 'plan.c'}\n"}
    assert check({"plan": PLAN}, code, {}) == ["cli.py:1: 'plan.c' is not in the catalogue"]


def test_a_undefined_key_in_a_keyed_call_of_any_shape():
    code = {**CODE, "cli.py": "t('nope')\n"}
    assert check({"plan": PLAN}, code, {}) == ["cli.py:1: 'nope' is not in the catalogue"]


def test_a_key_built_at_run_time_that_is_not_declared():
    code = {**CODE, "cli.py": "t(f'plan.kind.{kind}')\n"}
    assert check({"plan": PLAN}, code, {}) == [
        "cli.py:1: keys built as 'plan.kind.{}': declare them in DYNAMIC"
    ]


def test_a_declared_key_built_at_run_time_that_is_not_defined():
    plan = owner(entry("plan.a"), entry("plan.b"), entry("plan.kind.x"))
    code = {**CODE, "cli.py": "t(f'plan.kind.{kind}')\n"}
    family = Family("cli.kind", _each("plan.kind.", ("x", "y")))
    assert check({"plan": plan}, code, {"plan.kind.{}": family}) == [
        "cli.kind builds ['plan.kind.y'], not in the catalogue"
    ]
    guarded = Family("cli.kind", family.keys, guarded=True)
    assert check({"plan": plan}, code, {"plan.kind.{}": guarded}) == []


def test_a_declaration_no_code_uses_any_more():
    family = Family("cli.kind", _each("plan.", ("a",)))
    assert check({"plan": PLAN}, CODE, {"plan.kind.{}": family}) == [
        "DYNAMIC 'plan.kind.{}' (cli.kind): no code builds it any more"
    ]


def test_b_a_key_no_code_uses():
    plan = owner(entry("plan.a"), entry("plan.b"), entry("plan.dead"))
    assert check({"plan": plan}, CODE, {}) == ["plan:6: 'plan.dead' is not used by any code"]


def test_b_a_key_under_a_dynamic_prefix_that_the_code_cannot_build():
    """moment.C.minutes starts like moment.{} but no moment is called C.minutes."""
    plan = owner(entry("plan.a"), entry("plan.b"), entry("plan.kind.x"), entry("plan.kind.x.y"))
    code = {**CODE, "cli.py": "t(f'plan.kind.{kind}')\n"}
    family = Family("cli.kind", _each("plan.kind.", ("x",)))
    assert check({"plan": plan}, code, {"plan.kind.{}": family}) == [
        "plan:7: 'plan.kind.x.y' is not used by any code"
    ]


def test_c_a_key_missing_a_language():
    plan = owner(entry("plan.a"), "'plan.b': {'sv': 'bara svenska'}")
    assert check({"plan": plan}, CODE, {}) == [
        "plan:5: 'plan.b' needs a text in each of ('sv', 'en')"
    ]


def test_c_an_empty_text():
    plan = owner(entry("plan.a"), entry("plan.b", en="  "))
    assert check({"plan": plan}, CODE, {}) == [
        "plan:5: 'plan.b' needs a text in each of ('sv', 'en')"
    ]


def test_c_placeholders_that_differ_between_the_languages():
    plan = owner(entry("plan.a", "{n} möten", "{count} meetings"), entry("plan.b"))
    assert check({"plan": plan}, CODE, {}) == [
        "plan:4: 'plan.a' has different placeholders in sv and en"
    ]
    plan = owner(entry("plan.a", "{n!r}", "{n}"), entry("plan.b"))
    assert check({"plan": plan}, CODE, {}) == [
        "plan:4: 'plan.a' has different placeholders in sv and en"
    ]


def test_d_the_same_key_in_two_owner_modules():
    owners = {"plan": PLAN, "schedule": owner(entry("plan.b", "annan", "other"))}
    assert check(owners, CODE, {}) == ["schedule:4: 'plan.b' is also defined in plan:5"]


def test_d_the_same_key_twice_in_one_owner_module():
    """A dict literal keeps the last of two equal keys without a word."""
    plan = owner(entry("plan.a"), entry("plan.b"), entry("plan.a", "igen", "again"))
    assert check({"plan": plan}, CODE, {}) == ["plan:6: 'plan.a' is also defined in plan:4"]
