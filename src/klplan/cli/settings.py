"""Defaults from the environment (``KLPLAN_KOMMUN``, ``KLPLAN_WEEKDAY``, ...), from a
``klplan.toml`` in the working directory (the project's) and from the user's own
``klplan.toml`` (``$XDG_CONFIG_HOME/klplan/``, by default ``~/.config/klplan/``; on
Windows ``%APPDATA%\\klplan\\``).

Precedence: a flag on the command line, then ``KLPLAN_*``, then the project's
``klplan.toml``, then the user's, then the built-in default. The sources become click's
``default_map`` (which click ranks below the command line), and each value remembers
where it came from, so a bad value is reported as ``klplan.toml:3:11: weekday: ...``,
``/home/eva/.config/klplan/klplan.toml:2:8: kommun: ...`` or ``KLPLAN_WEEKDAY: ...``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from annotated_types import Ge, Le

from klplan.core.errors import InputError, UsageError, Where
from klplan.core.models import STRICT_KEYS

if TYPE_CHECKING:
    from klplan.loaders.yamlio import YamlDoc

CONFIG_FILE = "klplan.toml"
ENV_PREFIX = "KLPLAN_"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every key ``klplan.toml`` may hold (and ``KLPLAN_<KEY>`` may set)."""

    __pydantic_config__ = STRICT_KEYS

    lang: str | None = None
    quiet: bool | None = None
    no_color: bool | None = None
    kommun: str | None = None
    lan: str | None = None
    calendar: str | None = None
    module: str | None = None
    modules: str | None = None
    cadence: str | None = None
    cadences: str | None = None
    weekday: str | None = None
    time: str | None = None
    duration: Annotated[int, Ge(5), Le(480)] | None = None
    csv_dialect: str | None = None


# Settings that name a file are the commands' ``*_file`` parameters.
_PARAM = {"calendar": "calendar_file", "modules": "modules_file", "cadences": "cadences_file"}
_ROOT = ("lang", "quiet", "no_color")
_BOOLS = ("quiet", "no_color")
_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nej"}


def env_var(key: str) -> str:
    return ENV_PREFIX + key.upper()


@dataclass
class Loaded:
    """The merged settings and where each came from."""

    values: dict[str, Any] = field(default_factory=dict)
    origin: dict[str, Where] = field(default_factory=dict)
    # 1 the user's klplan.toml, 2 the project's, 3 environment (a flag is 4)
    rank: dict[str, int] = field(default_factory=dict)

    def default_map(self, command: Any) -> dict[str, Any]:
        """click's ``default_map`` for the root command and each subcommand that has
        a parameter of the setting's name."""
        out: dict[str, Any] = {k: v for k, v in self.values.items() if k in _ROOT}
        for name, sub in getattr(command, "commands", {}).items():
            params = {p.name for p in sub.params}
            own = {
                _PARAM.get(k, k): v
                for k, v in self.values.items()
                if k not in _ROOT and _PARAM.get(k, k) in params
            }
            if own:
                out[name] = own
        return out


_state: dict[str, Loaded] = {"loaded": Loaded()}


def current() -> Loaded:
    return _state["loaded"]


def user_config(environ: Mapping[str, str], windows: bool | None = None) -> Path | None:
    """The user's own ``klplan.toml``: ``%APPDATA%\\klplan\\klplan.toml`` on Windows,
    else ``$XDG_CONFIG_HOME/klplan/klplan.toml`` (an absolute XDG_CONFIG_HOME, as the
    XDG spec asks), else ``$HOME/.config/klplan/klplan.toml``; None without any of them."""
    if windows if windows is not None else sys.platform == "win32":
        base = environ.get("APPDATA", "").strip()
        return Path(base, "klplan", CONFIG_FILE) if base else None
    xdg = environ.get("XDG_CONFIG_HOME", "").strip()
    if xdg and Path(xdg).is_absolute():
        return Path(xdg, "klplan", CONFIG_FILE)
    home = environ.get("HOME", "").strip()
    return Path(home, ".config", "klplan", CONFIG_FILE) if home else None


def load(directory: Path | None = None, environ: dict[str, str] | None = None) -> Loaded:
    """Read the user's ``klplan.toml`` (see ``user_config``), then ``klplan.toml`` from
    ``directory`` (default: the working directory, if there is one), then ``KLPLAN_*``
    from ``environ``, each over the one before; remember the result for the commands
    (see ``where``)."""
    env = os.environ if environ is None else environ
    loaded = Loaded()
    if directory is None:
        try:
            directory = Path.cwd()
        except OSError:  # the working directory was removed under us
            directory = None
    user = user_config(env)
    project = directory / CONFIG_FILE if directory is not None else None
    files = ((user, str(user), 1), (project, CONFIG_FILE, 2))
    for path, name, rank in files:
        if path is None or not path.is_file():
            continue
        from klplan.loaders.validate import validate

        try:
            doc = _toml_doc(path, name)
            _check_types(doc)
            s = validate(Settings, doc)
        except InputError as e:  # settings are options: a mistake in them is usage
            raise UsageError(e.key, where=e.where, hint=e.hint, **e.params) from None
        for key, value in asdict(s).items():
            if value is None:
                continue
            if rank == 1 and key in _PARAM and isinstance(value, str):
                # The user's file is used from anywhere: its files are next to it.
                value = str(path.parent / Path(value).expanduser())
            loaded.values[key] = value
            loaded.origin[key] = doc.where((key,))
            loaded.rank[key] = rank
    for key in (f.name for f in fields(Settings)):
        raw = env.get(env_var(key), "").strip()
        if not raw:
            continue
        where = Where(flag=env_var(key))
        if key in _BOOLS:
            if raw.lower() not in _TRUE | _FALSE:
                raise UsageError("usage.bad_bool", where=where, value=raw)
            typed: Any = raw.lower() in _TRUE
        elif key == "duration":
            try:
                typed = int(raw)
            except ValueError:
                raise UsageError("usage.bad_duration", where=where, value=raw) from None
        else:
            typed = raw
        loaded.values[key] = typed
        loaded.origin[key] = where
        loaded.rank[key] = 3
    _state["loaded"] = loaded
    return loaded


# The TOML type each key takes; every other key is text.
_TOML_TYPES: dict[str, tuple[type, str]] = {
    "quiet": (bool, "expected.bool"),
    "no_color": (bool, "expected.bool"),
    "duration": (int, "expected.int"),
}


def _check_types(doc: YamlDoc) -> None:
    """TOML has types, and the docs call a wrong one an error: `duration = "90"`,
    `quiet = "yes"` and `duration = true` are refused, not converted (pydantic's lax
    mode would take the first two, and read `true` as the number 1)."""
    from klplan.messages import t

    if not isinstance(doc.data, dict):
        return
    known = {f.name for f in fields(Settings)}
    for key, value in doc.data.items():
        if key not in known:
            continue  # validation names the unknown key
        kind, expected = _TOML_TYPES.get(key, (str, "expected.text"))
        if type(value) is not kind:  # bool is an int to isinstance
            got = (
                "[…]"
                if isinstance(value, list)
                else "{…}"
                if isinstance(value, dict)
                else repr(value)
            )
            problem = t("schema.expected_got", expected=t(expected), got=got)
            raise UsageError("schema.invalid", where=doc.where((key,)), problem=problem)


_KEY_LINE = re.compile(r"""^\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[A-Za-z0-9_-]+))\s*=""")
_TABLE_LINE = re.compile(r"^\s*\[+\s*(?P<name>[^\]]+?)\s*\]+")
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


def _toml_doc(path: Path, name: str) -> YamlDoc:
    """Parse TOML into the loaders' document type, with the line and column of each
    top-level key and table, so validation errors name them (tomllib keeps none)."""
    import tomllib

    from klplan.loaders.yamlio import YamlDoc, read_text

    text = read_text(path, name)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = _TOML_POS.search(str(e))
        where = Where(file=name, line=int(m[1]), column=int(m[2])) if m else Where(file=name)
        problem = _TOML_POS.sub("", str(e)).strip()
        raise InputError("toml.syntax", where=where, problem=problem) from None
    doc = YamlDoc(data, name)
    doc.marks[()] = (1, 1)
    in_table = False
    for number, line in enumerate(text.splitlines(), start=1):
        table = _TABLE_LINE.match(line)
        if table:
            key = table["name"].strip().strip("\"'").split(".")[0]
            in_table = True
        else:
            m = _KEY_LINE.match(line)
            if not m or in_table:
                continue
            key = m["dq"] if m["dq"] is not None else m["sq"] if m["sq"] is not None else m["bare"]
        column = len(line) - len(line.lstrip()) + 1
        doc.key_marks.setdefault((key,), (number, column))
        if table:
            value_column = column
        else:
            after = line.index("=") + 1
            value_column = after + len(line[after:]) - len(line[after:].lstrip()) + 1
        doc.marks.setdefault((key,), (number, value_column))
    return doc


def where(ctx: Any, param: str, flag: str) -> Where:
    """Where the value of ``param`` came from: its flag, or the setting behind it."""
    if _source(ctx, param) == "DEFAULT_MAP":
        key = {v: k for k, v in _PARAM.items()}.get(param, param)
        found = current().origin.get(key)
        if found is not None:
            return found
    return Where(flag=flag)


def _source(ctx: Any, param: str) -> str | None:
    source = ctx.get_parameter_source(param) if ctx is not None else None
    return source.name if source is not None else None


def region(ctx: Any, kommun: str | None, lan: str | None) -> tuple[str | None, str | None]:
    """``--kommun`` and ``--lan`` exclude each other; when they come from different
    places, the one with the higher precedence wins (a flag beats KLPLAN_KOMMUN,
    which beats klplan.toml), so a default municipality never blocks ``--lan``."""
    if kommun is None or lan is None:
        return kommun, lan
    ranks = {name: _rank(ctx, name) for name in ("kommun", "lan")}
    if ranks["kommun"] > ranks["lan"]:
        return kommun, None
    if ranks["lan"] > ranks["kommun"]:
        return None, lan
    return kommun, lan


def _rank(ctx: Any, param: str) -> int:
    if _source(ctx, param) == "DEFAULT_MAP":
        return current().rank.get(param, 0)
    return 4


def from_command_line(ctx: Any, param: str) -> bool:
    """Whether ``param`` was given as a flag (not from KLPLAN_* or klplan.toml)."""
    return _source(ctx, param) == "COMMANDLINE"
