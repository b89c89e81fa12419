"""The error hierarchy. The core raises these; the CLI maps them to exit codes and
one-line messages in exactly one place (``klplan.cli.errors``). The core never prints."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from klplan.messages import t


class ExitCode(IntEnum):
    """klplan's exit codes: the one place they are defined. README.md ("Exit codes")
    and docs/commands/klplan.md show ``EXIT_MEANINGS`` as a table (tests compare)."""

    OK = 0
    INVALID = 1
    USAGE = 2
    FILE = 3
    DRIFT = 4
    INTERNAL = 70
    INTERRUPTED = 130


EXIT_MEANINGS: dict[ExitCode, str] = {
    ExitCode.OK: (
        "success (`schedule --check`: the files on disk are current;"
        " `publish --check`: the server is)"
    ),
    ExitCode.INVALID: (
        "invalid input in a plan, module or calendar file, or a plan that cannot be scheduled"
    ),
    ExitCode.USAGE: (
        "usage error: a bad flag or value (an unknown option, kommun, län or module; a bad"
        " week, weekday or time), also from `KLPLAN_*` or `klplan.toml` (a bad value, a wrong"
        " type, an unknown key)"
    ),
    ExitCode.FILE: (
        "a file could not be read or written (a missing input file or directory), or is not"
        " klplan's to overwrite (`init` over an existing file; a calendar klplan did not"
        " write, see `--force`)"
    ),
    ExitCode.DRIFT: (
        "`schedule --check`: the files on disk differ from what klplan would write"
        " (`publish --check`: the server does)"
    ),
    ExitCode.INTERNAL: "internal error: a bug in klplan (`--debug` shows the traceback)",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C)",
}


@dataclass(frozen=True, slots=True)
class Where:
    """Where a problem is: a file position and key path, or a command-line flag."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    key: str | None = None
    flag: str | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file:
            pos = self.file
            if self.line is not None:
                pos += f":{self.line}"
                if self.column is not None:
                    pos += f":{self.column}"
            parts.append(pos)
        if self.key:
            parts.append(self.key)
        if self.flag:
            parts.append(self.flag)
        return ": ".join(parts)


class KlplanError(Exception):
    """A problem the user can act on. ``key`` names a message in the catalogue."""

    exit_code: int = ExitCode.INVALID

    def __init__(
        self,
        key: str,
        /,
        *,
        where: Where | None = None,
        hint: str | None = None,
        **params: object,
    ) -> None:
        self.key = key
        self.where = where
        self.hint = hint
        # The use case's parameter the problem is about ("module", "start"), as data
        # the raiser sets: the CLI words it as its flag (klplan.cli.flags). Not a
        # keyword, so that ``**params`` passed on from another error cannot fill it.
        self.param: str | None = None
        self.params = params
        super().__init__(key)

    def message(self) -> str:
        """The one-line message in the current language, location first."""
        text = t(self.key, **self.params)
        if self.hint:
            text = f"{text}; {self.hint}"
        where = str(self.where) if self.where else self.param or ""
        return f"{where}: {text}" if where else text

    def __str__(self) -> str:
        return self.message()


class InputError(KlplanError):
    """Invalid input: YAML syntax, schema, references, calendar or module data."""


class ScheduleError(KlplanError):
    """Valid input that cannot be scheduled (too few school weeks, conflicts)."""


class UsageError(KlplanError):
    """A bad command-line flag or value."""

    exit_code = ExitCode.USAGE


class OutputError(KlplanError):
    """Reading or writing a file failed (permissions, missing directory, disk full)."""

    exit_code = ExitCode.FILE
