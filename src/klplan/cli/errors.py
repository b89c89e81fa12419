"""The one place where errors become exit codes and one-line messages.

Exit codes: 0 success; 1 invalid input or unschedulable plan; 2 usage error (bad
flag or value); 3 file could not be read or written; 130 interrupted.
"""

from __future__ import annotations

import gc
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


def _early_language(args: list[str], configured: object = None) -> None:
    """The language for help and early errors, before click parses the command
    line: ``--lang`` before the command, else KLPLAN_LANG, else klplan.toml."""
    from klplan.messages import LANGS, set_language

    wanted: object = configured
    env = os.environ.get("KLPLAN_LANG", "").strip().lower()
    if env:
        wanted = env
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            wanted = args[i + 1].strip().lower()
        elif arg.startswith("--lang="):
            wanted = arg.split("=", 1)[1].strip().lower()
        elif not arg.startswith("-"):
            break  # the command: its own options follow
    set_language(wanted if wanted in LANGS else "sv")  # type: ignore[arg-type]


def run(argv: list[str] | None, *, exiting: bool = False) -> int:
    """Run one command; the exit code. The cyclic garbage collector is paused for
    the command: a large plan builds hundreds of thousands of objects that live until
    the end (YAML nodes, meetings), and the collector would walk them again and again
    (a third of the run at 20,000 groups) only to find no cycles; reference counting
    still frees everything else at once.

    ``exiting``: the process ends with the command (``klplan.cli.main``). Its objects
    are then frozen (``gc.freeze``) before the collector is switched back on, so that
    neither the collection the next allocation would start nor the one at interpreter
    exit walks every object the run made (a tenth of a default ``klplan schedule``).
    An embedding caller (the tests) keeps a collector that can free them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(argv)
    finally:
        if enabled:
            if exiting:
                gc.freeze()
            gc.enable()


def _run(argv: list[str] | None) -> int:
    import typer

    from klplan.core.errors import KlplanError
    from klplan.messages import t

    args = list(sys.argv[1:] if argv is None else argv)
    shell = _named_shell(args)
    if shell is not None:
        _early_language(args)
        return _completion_script(shell)
    debug = _state["debug"] or "--debug" in args
    _early_language(args)
    try:
        from klplan.cli import settings
        from klplan.cli.app import for_args, reset
        from klplan.cli.localize import localize

        reset()
        loaded = settings.load()
        _early_language(args, loaded.values.get("lang"))
        command = typer.main.get_command(for_args(args))
        localize(command)
        if "_KLPLAN_COMPLETE" in os.environ:  # the shell asks for suggestions (TAB)
            from klplan.cli.complete import install

            install(command)
        result = command.main(
            args=args,
            prog_name="klplan",
            standalone_mode=False,
            default_map=loaded.default_map(command),
        )
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
        if type(e).__name__ == "NoArgsIsHelpError" and ctx is not None:
            sys.stdout.write(ctx.get_help() + "\n")  # `klplan` alone: the help
            return EXIT_OK
        from klplan.cli.localize import usage_message

        flag, message = usage_message(e)
        path = ctx.command_path.removeprefix("klplan").strip() if ctx is not None else ""
        where = ": ".join(x for x in (path, flag) if x)
        _say(f"{t('error.prefix')}: {where + ': ' if where else ''}{message}")
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


_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _named_shell(args: list[str]) -> str | None:
    """SHELL of ``klplan [OPTIONS] --show-completion SHELL``: klplan's own option (no
    command before it), with a shell named last."""
    if "--show-completion" not in args:
        return None
    i = args.index("--show-completion")
    options = [a for n, a in enumerate(args[:i]) if not (n and args[n - 1] == "--lang")]
    if i + 2 != len(args) or args[-1].startswith("-"):
        return None
    return args[-1] if all(a.startswith("-") for a in options) else None


def _completion_script(shell: str) -> int:
    """``klplan --show-completion SHELL``: the completion script for the shell named.
    Typer's ``--show-completion`` is a flag that guesses the shell from the parent
    processes, so the named shell was ignored: from ``sh`` or ``make`` the documented
    ``klplan --show-completion bash > file`` said "Shell sh not supported", and from
    bash ``--show-completion zsh`` printed bash's script."""
    if shell not in _SHELLS:
        from klplan.messages import t

        _say(
            f"{t('error.prefix')}: "
            + t("usage.unknown_shell", shell=shell, shells=", ".join(_SHELLS))
        )
        return EXIT_USAGE
    from typer.completion import get_completion_script

    print(get_completion_script(prog_name="klplan", complete_var="_KLPLAN_COMPLETE", shell=shell))
    return EXIT_OK
