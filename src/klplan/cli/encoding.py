"""Text for consoles that cannot show every character.

A Windows console in cp1252, or a stream forced to ASCII (PYTHONIOENCODING=ascii),
cannot encode box drawing, "◀" or, in ASCII, "å". Python would raise
UnicodeEncodeError in the middle of a table; instead the standard streams get an
error handler that writes a close ASCII stand-in ("━" -> "-", "å" -> "a", "◀" -> "<")
or "?". Rich itself switches to ASCII boxes when the encoding is not UTF-8.
Machine formats (JSON, CSV, HTML, Markdown) bypass this: they are written as UTF-8
bytes (klplan.cli.output.emit_bytes).
"""

from __future__ import annotations

import codecs
import sys
import unicodedata

HANDLER = "klplan-transliterate"

_SUBSTITUTES = {
    "–": "-",
    "—": "-",
    "−": "-",
    "·": ".",
    "…": "...",
    "◀": "<",
    "▶": ">",
    "←": "<-",
    "→": "->",
    "•": "*",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "\u00a0": " ",
}


def transliterate(char: str) -> str:
    """An ASCII stand-in for one character."""
    if char in _SUBSTITUTES:
        return _SUBSTITUTES[char]
    name = unicodedata.name(char, "")
    if name.startswith("BOX DRAWINGS"):
        if "VERTICAL" in name and "HORIZONTAL" not in name:
            return "|"
        return "+" if "VERTICAL" in name else "-"
    plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return plain if plain.isascii() and plain else "?"


def _handler(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    out = []
    for char in bad:
        sub = transliterate(char)
        try:
            sub.encode(error.encoding)
        except UnicodeEncodeError:
            sub = "?"
        out.append(sub)
    return "".join(out), error.end


def _utf(encoding: str | None) -> bool:
    return (encoding or "").lower().replace("-", "").replace("_", "").startswith("utf")


def protect_standard_streams() -> None:
    """Give stdout and stderr the transliterating handler if they are not UTF-8."""
    try:
        codecs.lookup_error(HANDLER)
    except LookupError:
        codecs.register_error(HANDLER, _handler)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not _utf(getattr(stream, "encoding", None)):
            reconfigure(errors=HANDLER)
