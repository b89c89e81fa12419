"""Text from users' files made safe for a terminal or a log: no control characters
(ESC starts a terminal escape, OSC 52 sets the clipboard, CR overwrites a line)."""

from __future__ import annotations

import re

# Control characters are shown as \x1b, \x0d, ... on the terminal and in CI logs, never
# passed through. Tab and newline stay in text for people (a table cell may have
# lines); machine formats escape on their own.
_ESCAPES = {
    c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in "\t\n"
}
_ESCAPES_ONE_LINE = {**_ESCAPES, ord("\n"): " ", ord("\t"): " "}


# Most text has none: finding that is much cheaper than translating it.
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in _ESCAPES) + "]")


def printable(text: str) -> str:
    """``text`` for a terminal: control characters escaped visibly (``\\x1b``)."""
    return text if _CONTROL.search(text) is None else text.translate(_ESCAPES)


def one_line(text: str) -> str:
    """``text`` as one line for stderr: control characters escaped, line breaks (a
    library's message over several lines) become spaces."""
    return text.translate(_ESCAPES_ONE_LINE)
