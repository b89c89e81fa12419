"""stderr: the one writer of what klplan says besides its output. Notices (defaults
used, warnings, what was written) are silenced by ``--quiet``; errors are not notices
and always reach stderr (``klplan.cli.errors`` says them with ``always=True``). The
run's ``--quiet`` and ``--debug`` are kept here."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from klplan.cli.text import one_line

if TYPE_CHECKING:
    from collections.abc import Iterable

    from klplan.core.plan import Notice

_state = {"quiet": False, "debug": False}


def set_quiet(on: bool) -> None:
    _state["quiet"] = on


def is_quiet() -> bool:
    return _state["quiet"]


def set_debug(on: bool) -> None:
    _state["debug"] = on


def is_debug() -> bool:
    return _state["debug"]


def say(text: str, *, always: bool = False) -> None:
    """One line on stderr, ``klplan: `` first, unless ``--quiet`` (``always``: an
    error, or a result such as ``--check``'s, said even then). Control characters from
    users' names and paths are escaped, and a library's message over several lines
    becomes one (see ``klplan.cli.text.one_line``). A stderr that is closed or gone
    cannot be told anything: the exit code still says how the run went."""
    if _state["quiet"] and not always:
        return
    try:
        sys.stderr.write(f"klplan: {one_line(text)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def report(defaults_used: Iterable[str], notices: Iterable[Notice]) -> None:
    """Defaults and warnings go to stderr, so stdout stays the output alone."""
    from klplan.messages import t
    from klplan.render.notices import notice_text

    defaults = list(defaults_used)
    if defaults:
        say(t("notice.defaults_used", what=", ".join(defaults)))
    for n in notices:
        say(f"{t('warning.prefix')}: {notice_text(n)}")
