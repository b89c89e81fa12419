"""Help in both languages for every command and option, Swedish by default. That the
catalogue and the code agree key by key is tests/test_message_keys.py."""

import pytest
import typer

from klplan.cli.app import app
from klplan.cli.localize import help_key
from klplan.messages import MESSAGES


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


def test_an_installed_klplan_has_the_messages_package():
    """pyproject.toml lists klplan's packages one by one: a package missing there is
    missing from a wheel, and an installed klplan fails on its first import."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).parent.parent
    listed = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    packages = {
        ".".join(p.parent.relative_to(root / "src").parts)
        for p in (root / "src" / "klplan").rglob("__init__.py")
    }
    assert "klplan.messages" in packages
    assert packages <= set(listed["packages"])
