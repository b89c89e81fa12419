"""One message catalogue, both languages complete, and no key used in the code that the
catalogue lacks."""

import ast
import string
from pathlib import Path

import pytest
import typer

from klplan.cli.app import app
from klplan.cli.localize import help_key
from klplan.messages import LANGS, MESSAGES

SRC = Path(__file__).parent.parent / "src" / "klplan"
# Calls whose first argument is a message key.
KEYED = {
    "t",
    "KlplanError",
    "InputError",
    "ScheduleError",
    "UsageError",
    "OutputError",
    "Notice",
    "invalid",
}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_cover_every_message():
    for key, entry in MESSAGES.items():
        assert set(entry) == set(LANGS), key
        assert all(entry[lang].strip() for lang in LANGS), key


def test_both_languages_use_the_same_placeholders():
    for key, entry in MESSAGES.items():
        assert fields(entry["sv"]) == fields(entry["en"]), key


def used_keys() -> list[tuple[str, str, bool]]:
    """(file:line, key or f-string prefix, is_prefix) for every keyed call in src."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in KEYED:
                continue
            arg, where = node.args[0], f"{path.relative_to(SRC)}:{node.lineno}"
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((where, arg.value, False))
            elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                found.append((where, str(arg.values[0].value), True))
    return found


def test_every_key_used_in_the_code_exists():
    uses = used_keys()
    assert len(uses) > 100  # the scan found the calls
    missing = [
        (where, key)
        for where, key, prefix in uses
        if (not any(k.startswith(key) for k in MESSAGES) if prefix else key not in MESSAGES)
    ]
    assert not missing, missing


def commands():
    root = typer.main.get_command(app)
    yield "klplan", root
    yield from root.commands.items()  # type: ignore[attr-defined]


@pytest.mark.parametrize("name,command", list(commands()))
def test_every_command_and_option_has_help_in_both_languages(name, command):
    assert help_key(name), f"no help.{name} in the catalogue"
    missing = [p.name for p in command.params if not help_key(name, p.name)]
    assert not missing, f"{name}: no help for {missing} (help.{name}.<param> or help.any.<param>)"
    for lang, word in {"sv": "Exempel:", "en": "Examples:"}.items():
        assert word in MESSAGES[f"help.{name}"][lang], (name, lang)


def test_help_is_swedish_by_default_and_english_on_request(klplan):
    sv = klplan("calendar", "--help").out
    assert sv.startswith("Användning: klplan calendar [FLAGGOR]")
    assert "Visa den här hjälpen." in sv and "Exempel:" in sv and "[standard: table]" in sv
    en = klplan("--lang", "en", "calendar", "--help").out
    assert en.startswith("Usage: klplan calendar [OPTIONS]")
    assert "Show this message and exit." in en and "Examples:" in en
    assert "Visa" not in en
