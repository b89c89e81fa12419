"""Notices on stderr (defaults used, warnings), silenced by ``--quiet``. Errors are
not notices: they always reach stderr, from ``klplan.cli.errors``."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from klplan.core.plan import Notice

_state = {"quiet": False}


def set_quiet(on: bool) -> None:
    _state["quiet"] = on


def is_quiet() -> bool:
    return _state["quiet"]


def say(text: str) -> None:
    """The one writer of notices: one line on stderr, unless ``--quiet``."""
    if not _state["quiet"]:
        from klplan.cli.console import one_line

        sys.stderr.write(f"klplan: {one_line(text)}\n")


def report(defaults_used: Iterable[str], notices: Iterable[Notice]) -> None:
    """Defaults and warnings go to stderr, so stdout stays the output alone."""
    from klplan.messages import t
    from klplan.render.notices import notice_text

    defaults = list(defaults_used)
    if defaults:
        say(t("notice.defaults_used", what=", ".join(defaults)))
    for n in notices:
        say(f"{t('warning.prefix')}: {notice_text(n)}")
