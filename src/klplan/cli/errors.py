"""The one place where errors become exit codes and one-line messages.

The exit codes themselves are defined in ``klplan.core.errors.ExitCode``.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING, Any

from klplan.cli.notify import is_debug, say
from klplan.cli.notify import set_debug as set_debug  # where tests and embedders find it
from klplan.core.errors import ExitCode

if TYPE_CHECKING:
    from klplan.core.errors import KlplanError

EXIT_OK = ExitCode.OK
EXIT_INVALID = ExitCode.INVALID
EXIT_USAGE = ExitCode.USAGE
EXIT_IO = ExitCode.FILE
EXIT_INTERRUPTED = ExitCode.INTERRUPTED


def _say(text: str) -> None:
    """An error: said on stderr even with ``--quiet``."""
    say(text, always=True)


def exit_code(e: KlplanError) -> int:
    """The exit code of an error. A name that is not found (a kommun, a module) is
    invalid input in a file, but a usage error when a flag or ``KLPLAN_*`` gave it,
    like a bad week or weekday there (``klplan.toml`` raises UsageError itself)."""
    from klplan.core.errors import InputError

    where = e.where
    if isinstance(e, InputError) and where is not None and where.flag and not where.file:
        return ExitCode.USAGE
    return e.exit_code


# klplan's own options, which a user may also type after the command name.
_GLOBAL_FLAGS = ("--quiet", "--no-color", "--debug")
_GLOBAL_VALUES = ("--lang",)


def global_options_first(args: list[str], command: Any) -> list[str]:
    """``klplan schedule --lang en`` as ``klplan --lang en schedule``: the global
    options ``--lang``, ``--quiet``, ``--no-color`` and ``--debug`` work wherever a
    user types them. After the command name they are moved before it, unless the
    command has an option of that name, or the word is the value of one of the
    command's options (``--location --quiet`` keeps its odd location), or follows
    ``--``."""
    commands = getattr(command, "commands", {})
    at = None
    skip = False
    for i, arg in enumerate(args):
        if skip:
            skip = False
        elif arg in _GLOBAL_VALUES:
            skip = True
        elif arg == "--":
            return args
        elif not arg.startswith("-"):
            at = i
            break
    if at is None or args[at] not in commands:
        return args
    sub = commands[args[at]]
    own: set[str] = set()
    takes_value: set[str] = set()
    for param in sub.params:
        names = [*param.opts, *getattr(param, "secondary_opts", [])]
        own.update(names)
        if param.param_type_name == "option" and not getattr(param, "is_flag", False):
            takes_value.update(names)
    moved: list[str] = []
    rest: list[str] = []
    tail = iter(args[at + 1 :])
    for arg in tail:
        if arg == "--":
            rest += [arg, *tail]
            break
        name = arg.split("=", 1)[0]
        if name in own:
            rest.append(arg)
            value = next(tail, None) if arg in takes_value else None
            if value is not None:
                rest.append(value)
        elif arg in _GLOBAL_FLAGS or name in _GLOBAL_VALUES:
            moved.append(arg)
            if arg in _GLOBAL_VALUES:
                value = next(tail, None)
                if value is None:
                    from klplan.core.errors import UsageError, Where

                    raise UsageError("usage.needs_value", where=Where(flag=arg))
                moved.append(value)
        else:
            rest.append(arg)
    return [*args[:at], *moved, args[at], *rest]


def with_flag(e: KlplanError, command: Any) -> KlplanError:
    """An error about a parameter of a use case (``module: okänd modul``) worded for
    the command line: the same error, naming the flag that gives that parameter
    (``--module``). The commands' options are named after the parameters they give
    (click's ``param.name``); a parameter no option gives is shown as a flag of its
    name (``spring_start`` → ``--spring-start``)."""
    import copy
    from dataclasses import replace

    where = e.where
    if where is None or where.param is None or where.flag:
        return e
    worded = copy.copy(e)
    worded.where = replace(where, flag=flag_of(where.param, command), param=None)
    return worded


def flag_of(param: str, command: Any) -> str:
    """The flag of the command line that gives the parameter ``param``; ``a/b`` (one of
    two parameters) is ``--a/--b``."""
    if "/" in param:
        return "/".join(flag_of(p, command) for p in param.split("/"))
    commands = [command, *getattr(command, "commands", {}).values()] if command else []
    for sub in commands:
        for p in getattr(sub, "params", ()):
            if p.name == param:
                longs = [o for o in p.opts if o.startswith("--")]
                if longs:
                    return str(longs[0])
    from klplan.cli.flags import flag_of as schedule_flag

    return schedule_flag(param)


def from_settings(e: KlplanError, args: list[str], command: Any) -> KlplanError:
    """An error about a flag's value (``--kommun: okänd kommun``) whose value did not
    come from the command line but from ``KLPLAN_KOMMUN`` or ``klplan.toml``: the same
    error, naming that variable or file, line and key instead."""
    import klplan.cli.settings as settings
    from klplan.core.errors import UsageError

    where = e.where
    if command is None or where is None or not where.flag or where.file:
        return e
    for sub in [command, *getattr(command, "commands", {}).values()]:
        for param in sub.params:
            opts = [*getattr(param, "opts", ())]
            if where.flag not in opts:
                continue
            if any(_typed(arg, opt) for arg in args for opt in opts):
                return e
            key = {v: k for k, v in settings._PARAM.items()}.get(param.name, param.name)
            origin = settings.current().origin.get(key)
            if origin is None:
                return e
            return UsageError(e.key, where=origin, hint=e.hint, **e.params)
    return e


def _typed(arg: str, opt: str) -> bool:
    """Whether ``arg`` on the command line is the option ``opt`` (``-kMalmö`` too)."""
    if arg == opt or arg.startswith(opt + "="):
        return True
    return len(opt) == 2 and opt != "--" and arg.startswith(opt)  # a short option's value


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
    set_language(wanted if wanted in LANGS else "sv")


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
        code = _run(argv)
        sys.stdout.flush()  # here, so that a closed pipe is caught below, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
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
    debug = is_debug() or "--debug" in args
    _early_language(args)
    command = None
    try:
        import klplan.cli.settings as settings
        from klplan.cli.app import for_args, reset
        from klplan.cli.localize import localize

        reset()
        loaded = settings.load()
        command = typer.main.get_command(for_args(args))
        args = global_options_first(args, command)
        _early_language(args, loaded.values.get("lang"))  # --lang after the command too
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
        from klplan.cli.flags import for_cli

        e = from_settings(for_cli(with_flag(e, command)), args, command)
        _say(f"{t('error.prefix')}: {e.message()}")
        return int(exit_code(e))
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
        return _reader_gone()
    except SystemExit:
        if _click_saw_a_closed_pipe():
            return _reader_gone()
        raise
    except Exception as e:
        if debug:
            raise
        _say(f"{t('error.prefix')}: {t('error.internal', error=type(e).__name__ + ': ' + str(e))}")
        return ExitCode.INTERNAL


_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _click_saw_a_closed_pipe() -> bool:
    """Typer's ``main`` turns a closed pipe (EPIPE) into exit 1, after wrapping stdout
    and stderr; unwrap them and tell. klplan exits quietly instead (``_reader_gone``)."""
    seen = False
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if type(stream).__name__ == "PacifyFlushWrapper":
            setattr(sys, name, stream.wrapped)
            seen = True
    return seen


def _reader_gone() -> int:
    """Output piped into `head` and the like, which stopped reading: not an error worth
    a message or a traceback. Whatever is still buffered for stdout goes nowhere, so
    that Python's own flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return EXIT_OK


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
    from typer.completion import get_completion_script  # type: ignore[attr-defined]

    print(get_completion_script(prog_name="klplan", complete_var="_KLPLAN_COMPLETE", shell=shell))
    return EXIT_OK
