"""TEXT values and content lines: cleaning, escaping, folding at 75 octets, CRLF.

Byte for byte what icalendar writes (``tests/test_ics_writer.py`` proves it): each
physical line at most 75 octets, never split inside a UTF-8 character nor after a
lone backslash or caret, CRLF line ends, UTF-8 without a BOM."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LIMIT = 75  # octets per line, CRLF excluded
TEXT_CACHE = 1 << 14  # entries per text cache (texts recur across events and files)


def clean_text(text: str) -> str:
    """Text as written and compared: line breaks as LF, ``\\N`` read as a line break
    (RFC 5545's escape for one, as icalendar reads it), and the control characters
    TEXT forbids dropped. One leading byte-order mark is dropped too, as icalendar
    does (it decodes values as utf-8-sig)."""
    # Fast path: printable text has no BOM, no CR or LF and no control character,
    # so only the ``\N`` escape could change it. Lines joined by LF (a description:
    # nearly every one of a large calendar is new) are kept as they are too.
    if "\\N" not in text and (
        text.isprintable() or ("\r" not in text and text.replace("\n", "").isprintable())
    ):
        return text
    return _clean_text(text)


@lru_cache(maxsize=TEXT_CACHE)
def _clean_text(text: str) -> str:
    # Cached: what reaches here is mostly multi-line descriptions, repeated.
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\\N" in text:
        text = text.replace("\\N", "\n")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def location_text(text: str | None) -> str | None:
    """A LOCATION as written: cleaned, and None when nothing but white space is left
    (a blank place gives no LOCATION line rather than ``LOCATION: ``)."""
    if not text:
        return None
    cleaned = clean_text(text)
    return cleaned if cleaned.strip() else None


def escape_text(text: str) -> str:
    """RFC 5545 TEXT escaping of cleaned text (backslash first)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def unescape_text(value: str) -> str:
    """The inverse of ``escape_text`` (for values icalendar leaves escaped: NAME and
    X-WR-CALNAME, which it does not type as TEXT)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def fold(line: str) -> str:
    """Fold a content line so no physical line exceeds 75 octets (see ``fold_bytes``)."""
    return fold_bytes(line.encode("utf-8")).decode("utf-8")


def fold_bytes(line: bytes) -> bytes:
    """Fold a UTF-8 content line as icalendar does: each physical line holds the
    longest run of whole characters of at most 74 octets (75 with the continuation
    space), and, for clients that unfold badly, a backslash or caret that would end a
    line of several characters moves to the next one, so an escape is never split."""
    if len(line) < _LIMIT:
        return line
    out: list[bytes] = []
    start, end = 0, len(line)
    while end - start >= _LIMIT:
        cut = start + _LIMIT - 1
        while line[cut] & 0xC0 == 0x80:  # never inside a UTF-8 sequence
            cut -= 1
        if cut - start > 1 and line[cut - 1] in b"\\^":
            cut -= 1
        out.append(line[start:cut])
        start = cut
    out.append(line[start:])
    return b"\r\n ".join(out)


def folded(line: str) -> bytes:
    """One content line as bytes: folded, with its CRLF."""
    return fold_bytes(line.encode("utf-8")) + b"\r\n"


def to_bytes(lines: Iterable[str]) -> bytes:
    """Content lines as the bytes of a file."""
    return b"".join(fold_bytes(line.encode("utf-8")) + b"\r\n" for line in lines)


_QUOTABLE = re.compile("[,;:’]")
_PARAM_ESCAPE = re.compile(r'\^|\n|"')


def param_value(text: str) -> str:
    """A parameter value (CN): RFC 6868 escapes, double quotes where needed."""
    raw = clean_text(text)
    value = _PARAM_ESCAPE.sub(lambda m: {"^": "^^", "\n": "^n", '"': "^'"}[m.group(0)], raw)
    # As icalendar: a space or apostrophe in the name itself, or , ; : ’ after escaping.
    if " " in raw or "'" in raw or _QUOTABLE.search(value):
        return f'"{value}"'
    return value
