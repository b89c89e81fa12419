"""File names made from ids: the mapping from a group's or leader's id to the name of
its calendar file (``grupp-<id>.ics``, ``ledare-<id>.ics``), shared by the plan loader
(which refuses ids whose files would collide) and the calendar writers."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}


def safe_stem(text: str, max_length: int = 60) -> str:
    """A file-name part from an id: ASCII letters, digits, ``-`` and ``_`` only (so no
    path separators, no ``..``, no control characters), at most ``max_length`` long,
    never empty and never a Windows device name."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9_-]+", "-", ascii_text.lower()).strip("-_")[:max_length].strip("-_")
    if not stem or stem in _WINDOWS_RESERVED:
        stem = f"{stem}-{short_hash(text)}" if stem else short_hash(text)
    return stem


def short_hash(text: str) -> str:
    """Eight hex digits of the text's SHA-256: what tells apart ids that map alike."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def file_stem(prefix: str, id: str) -> str:
    """``grupp-<id>`` / ``ledare-<id>``, the prefix not doubled when the id already
    starts with it (group ``grupp-1``: ``grupp-1.ics``, as README tells staff to
    subscribe to). ``legacy_stem`` is the doubled name earlier versions wrote."""
    stem = safe_stem(id)
    return stem if stem.startswith(prefix) and len(stem) > len(prefix) else prefix + stem


def legacy_stem(prefix: str, id: str) -> str | None:
    """The stem earlier versions gave ``id`` (the prefix always added), when it differs
    from ``file_stem``'s."""
    old = prefix + safe_stem(id)
    return None if old == file_stem(prefix, id) else old


def unique_stems(stems: list[str], ids: list[str]) -> list[str]:
    """``stems`` made unique (ignoring case): ids that map alike (``Grupp A``,
    ``grupp-a``) get a short hash each, and should two still collide (the same id
    twice), a running number."""
    count: dict[str, int] = {}
    for stem in stems:
        count[stem.casefold()] = count.get(stem.casefold(), 0) + 1
    out: list[str] = []
    taken: set[str] = set()
    for stem, raw in zip(stems, ids, strict=True):
        if count[stem.casefold()] > 1:
            stem = f"{stem[:60]}-{short_hash(raw)}"
        unique, n = stem, 1
        while unique.casefold() in taken:
            n += 1
            unique = f"{stem}-{n}"
        taken.add(unique.casefold())
        out.append(unique)
    return out
