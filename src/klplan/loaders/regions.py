"""Municipalities and counties by code or name: the index of the bundled calendars
(data/holidays/index.yaml) and their files, read once per run. Names resolve in their
official forms too: "Region Gotland", "Gotlands kommun", "Göteborgs Stad"."""

from __future__ import annotations

import difflib
from functools import cache
from typing import Any, Literal

from klplan.core.errors import InputError, Where
from klplan.core.parse import fold
from klplan.loaders.calendar_types import IndexEntry
from klplan.loaders.resources import data_path
from klplan.loaders.snapshots import bundled_doc
from klplan.loaders.trusted import build
from klplan.loaders.yamlio import YamlDoc
from klplan.messages import t

Kind = Literal["kommun", "lan"]

# Words around a name in its official form: "Region Gotland", "Gotlands kommun",
# "Stockholms stad", "Gotlands län". Matched on the casefolded name, with hyphens as
# spaces; "lan" is "län" without its dots.
_PREFIXES = ("region ",)
_SUFFIXES = (" kommun", " stad", " län", " lan", " county", " municipality")
# Official names that are not the name plus a genitive s (code by folded form).
_IRREGULAR = {"falu": "2080"}  # Falu kommun is Falun


def _strip(text: str) -> str:
    """``Region Gotland`` -> ``gotland``; ``Göteborgs Stad`` -> ``göteborgs``."""
    text = " ".join(text.casefold().replace("-", " ").split())
    for prefix in _PREFIXES:
        text = text.removeprefix(prefix)
    for suffix in _SUFFIXES:
        text = text.removesuffix(suffix)
    return text


def _genitive(key: str) -> tuple[str, ...]:
    """The name ``key`` may be the genitive of: itself, or without its final s."""
    return (key, key.removesuffix("s")) if key.endswith("s") else (key,)


@cache
def _entries(kind: Kind) -> tuple[IndexEntry, ...]:
    """The index of regions (data/holidays/index.yaml): for names, not codes. Built
    directly (the file's schema, ``calendar_schema.Index``, is checked by the tests)."""
    data = bundled_doc(data_path("holidays", "index.yaml")).data
    raw: list[Any] = data["kommuner" if kind == "kommun" else "lan"]
    return tuple(build(IndexEntry, e) for e in raw)


@cache
def bundled_file(file: str) -> YamlDoc:
    """A bundled calendar file, read once per run (resolving a code and loading its
    facts both need it)."""
    return bundled_doc(data_path("holidays", file))


def by_code(code: str, kind: Kind) -> IndexEntry | None:
    """A code finds its file by name, without reading the index (the default
    ``klplan schedule`` uses a code: this keeps it fast)."""
    folder = "kommuner" if kind == "kommun" else "lan"
    code = code.zfill(4 if kind == "kommun" else 2)
    matches = sorted(data_path("holidays", folder).glob(f"{code}-*.yaml"))
    if len(matches) != 1:
        return None
    path = matches[0]
    head = bundled_file(f"{folder}/{path.name}").data[kind]  # kommun: / lan: {code, name}
    return IndexEntry(
        code=code, name=head["name"], file=f"{folder}/{path.name}", lan=head.get("lan")
    )


def _candidates(wanted: str, entries: tuple[IndexEntry, ...]) -> list[IndexEntry]:
    """The entries ``wanted`` names: with its å/ä/ö first (Håbo and Habo both exist),
    then with them optional; in either, official words and a genitive s are ignored."""
    key = _strip(wanted)
    keys = _genitive(key)
    exact = [e for e in entries if _strip(e.name) in keys]
    if exact:
        return exact
    folded = tuple(fold(k) for k in keys)
    found = [e for e in entries if fold(_strip(e.name)) in folded]
    irregular = _IRREGULAR.get(fold(key))
    found += [e for e in entries if e.code == irregular and e not in found]
    return found


def resolve(name: str, kind: Kind) -> IndexEntry:
    """Find a municipality (``kind="kommun"``) or county by code or name; å/ä/ö and
    case are optional, official forms ("Region Gotland", "Gotlands kommun", "Malmö
    stad", "Stockholms län") resolve. An ambiguous name is refused with the candidates."""
    wanted = name.strip()
    if wanted.isdigit():
        found = by_code(wanted, kind)
        if found is not None:
            return found
    entries = _entries(kind)
    for e in entries:
        if wanted == e.code or (wanted.isdigit() and wanted.zfill(len(e.code)) == e.code):
            return e
    for e in entries:  # the exact name first
        if e.name.casefold() == wanted.casefold():
            return e
    matches = _candidates(wanted, entries) if wanted else []
    if len(matches) == 1:
        return matches[0]
    where = Where(param=kind)  # the CLI words the parameter as its flag
    if matches:
        names = " / ".join(f"{e.name} ({e.code})" for e in matches)
        raise InputError("region.ambiguous", where=where, name=name, candidates=names)
    message = "region.unknown_kommun" if kind == "kommun" else "region.unknown_lan"
    by_norm = {fold(_strip(e.name)): e for e in entries}
    close = difflib.get_close_matches(fold(_strip(wanted)), list(by_norm), n=1, cutoff=0.75)
    hint = t("hint.did_you_mean", suggestion=by_norm[close[0]].name) if close else None
    raise InputError(message, where=where, hint=hint, name=name)


def kommun_names() -> dict[str, str]:
    return {e.code: e.name for e in _entries("kommun")}
