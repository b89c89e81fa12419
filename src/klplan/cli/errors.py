"""The one place where errors become exit codes and one-line messages.

Exit codes: 0 success; 1 invalid input or unschedulable plan; 2 usage error (bad
flag or value); 3 file could not be read or written; 130 interrupted.
"""

from __future__ import annotations

import os
import sys

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_IO = 3
EXIT_INTERRUPTED = 130

_state = {"debug": False}


def set_debug(on: bool) -> None:
    _state["debug"] = on


def _say(text: str) -> None:
    # One line, even if a message carries a newline from a library.
    line = " ".join(text.split("\n"))
    try:
        sys.stderr.write(f"klplan: {line}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def run(argv: list[str] | None) -> int:
    import typer

    from klplan.core.errors import KlplanError
    from klplan.messages import t

    debug = _state["debug"] or "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        from klplan.cli.app import app

        result = app(args=argv, standalone_mode=False, prog_name="klplan")
        return result if isinstance(result, int) else EXIT_OK
    except KlplanError as e:
        if debug:
            raise
        _say(f"{t('error.prefix')}: {e.message()}")
        return e.exit_code
    except typer.Exit as e:
        return int(e.exit_code)
    except typer.Abort:
        _say(t("error.interrupted"))
        return EXIT_INTERRUPTED
    except typer.TyperException as e:  # Typer's (vendored click) usage errors
        if debug:
            raise
        ctx = getattr(e, "ctx", None)
        path = ctx.command_path.removeprefix("klplan").strip() if ctx is not None else ""
        where = f"{path}: " if path else ""
        _say(f"{t('error.prefix')}: {where}{e.format_message()}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say(t("error.interrupted"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as e:
        if debug:
            raise
        _say(f"{t('error.prefix')}: {t('error.internal', error=type(e).__name__ + ': ' + str(e))}")
        return 70
