"""``--help`` in the user's language.

Typer builds its click commands from the type hints; their help texts come from the
message catalogue (``help.<command>``, ``help.<command>.<parameter>``, and
``help.any.<parameter>`` for options several commands share) and are filled in here,
after ``--lang``/``KLPLAN_LANG``/``klplan.toml`` chose the language and before click
parses the command line. The few words click itself writes ("Usage:", "Options",
"[default: …]") are translated by a help formatter installed on every command.

Usage errors from click (an unknown flag, a value that is not one of the choices)
are translated here too, for ``klplan.cli.errors``.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from klplan.messages import MESSAGES, t


def help_key(command: str, param: str | None = None) -> str | None:
    """The catalogue key of a command's (or one of its parameters') help, if any."""
    keys = (
        [f"help.{command}"] if param is None else [f"help.{command}.{param}", f"help.any.{param}"]
    )
    return next((k for k in keys if k in MESSAGES), None)


def localize(command: Any, name: str = "klplan") -> None:
    """Fill in help texts in the current language, for ``command`` and below."""
    key = help_key(name)
    if key:
        command.help = t(key)
    if name != "klplan":  # see klplan.cli.errors.global_options_first
        command.epilog = t("help.global_options")
    for param in command.params:
        key = help_key(name, param.name)
        if key:
            param.help = t(key)
    command.context_class = _context_class(command.context_class)
    make_help_option = command.get_help_option

    def get_help_option(ctx: Any) -> Any:  # click creates -h/--help on demand
        option = make_help_option(ctx)
        if option is not None:
            option.help = t("help.any.help")
            option.callback = _show_help
        return option

    command.get_help_option = get_help_option
    for sub_name, sub in getattr(command, "commands", {}).items():
        localize(sub, sub_name)


def _show_help(ctx: Any, param: Any, value: bool) -> None:
    """Print the help through sys.stdout (click's echo writes UTF-8 bytes to an ASCII
    console; sys.stdout transliterates, see klplan.cli.encoding)."""
    if value and not ctx.resilient_parsing:
        sys.stdout.write(ctx.get_help() + "\n")
        sys.stdout.flush()
        ctx.exit()


@cache
def _context_class(base: type) -> type:
    if getattr(base, "_klplan_localized", False):
        return base

    class LocalizedContext(base):  # type: ignore[misc]
        _klplan_localized = True
        formatter_class = _formatter_class(getattr(base, "formatter_class"))  # noqa: B009

    return LocalizedContext


_EXTRA = re.compile(r"\[([^\[\]]*)\]$")
_EXTRA_WORDS = ("default", "env var", "required")


def _translate_extra(text: str) -> str:
    """``[env var: KLPLAN_LANG; default: sv]`` in the current language."""

    def one(item: str) -> str:
        for word in _EXTRA_WORDS:
            if item == word or item.startswith(word + ":"):
                return t(f"help.extra.{word.replace(' ', '_')}") + item[len(word) :]
        return item

    return _EXTRA.sub(lambda m: "[" + "; ".join(map(one, m[1].split("; "))) + "]", text)


def _formatter_class(base: type) -> type:
    class LocalizedFormatter(base):  # type: ignore[misc]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            args = args.replace("[OPTIONS]", t("help.usage_options"))
            args = args.replace("COMMAND [ARGS]...", t("help.usage_command"))
            super().write_usage(prog, args, t("help.usage") + " " if prefix is None else prefix)

        @contextmanager
        def section(self, name: str) -> Iterator[None]:
            key = f"help.section.{name}"
            with super().section(t(key) if key in MESSAGES else name):
                yield

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            super().write_dl([(k, _translate_extra(v)) for k, v in rows], *args, **kwargs)

    return LocalizedFormatter


# --- click's usage errors ----------------------------------------------------------

_NOT_ONE_OF = re.compile(r"'([^']*)' is not one of")
_NO_COMMAND = re.compile(r"No such command '([^']*)'")
_EXTRA_ARGS = re.compile(r"unexpected extra argument(?:\(s\)|s)? \((.*)\)")


def usage_message(e: Any) -> tuple[str, str]:
    """(where, message) for one of click's usage errors, in the current language;
    click's own (English) text when it is one this does not know."""
    kind = type(e).__name__
    param = getattr(e, "param", None)
    flag = _flag(param) if param is not None else ""
    text = e.format_message()
    if kind == "NoSuchOption":
        message = t("usage.no_such_option", option=e.option_name)
        if e.possibilities:
            close = difflib.get_close_matches(e.option_name, e.possibilities, n=1, cutoff=0.0)
            message += "; " + t("hint.did_you_mean", suggestion=close[0])
        return "", message
    if kind == "BadOptionUsage" and "requires an argument" in text:
        return e.option_name, t("usage.needs_value")
    if kind == "BadOptionUsage" and "does not take a value" in text:
        return e.option_name, t("usage.takes_no_value")
    if kind == "MissingParameter":
        return flag, t("usage.needs_value")
    if kind == "BadParameter" and param is not None:
        choices = _choices(param)
        found = _NOT_ONE_OF.search(text)
        if choices:
            value = found[1] if found else "?"
            return flag, t("usage.bad_choice", value=value, choices=", ".join(choices))
        if _is_int(param):
            return flag, t("usage.not_a_number")
        return flag, text
    found = _NO_COMMAND.search(text)
    if found:
        ctx = getattr(e, "ctx", None)
        commands = list(getattr(ctx.command, "commands", {})) if ctx else []
        message = t("usage.no_such_command", name=found[1])
        close = difflib.get_close_matches(found[1], commands, n=1)
        if close:
            message += "; " + t("hint.did_you_mean", suggestion=close[0])
        return "", message
    found = _EXTRA_ARGS.search(text)
    if found:
        return "", t("usage.extra_arguments", args=found[1])
    return "", text


def _flag(param: Any) -> str:
    opts = list(getattr(param, "opts", ()) or ())
    longest = sorted(opts, key=len, reverse=True)
    return longest[0] if longest else str(getattr(param, "name", ""))


def _type(param: Any) -> Any:
    """The parameter's type: Typer's descriptor (0.29+) or click's ParamType."""
    return getattr(param, "type_descriptor", None) or getattr(param, "type", None)


def _choices(param: Any) -> list[str]:
    choices = getattr(_type(param), "choices", None)
    if not choices:
        return []
    return [str(getattr(c, "value", c)) for c in choices]


def _is_int(param: Any) -> bool:
    kind = _type(param)
    return getattr(kind, "annotation", None) is int or getattr(kind, "name", "") == "integer"
