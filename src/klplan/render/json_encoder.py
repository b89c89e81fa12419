"""JSON text as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, made
faster for klplan's large documents (klplan.render.json).

In Python 3.11 json's C encoder has no indent, so ``indent=2`` runs json's Python
encoder value by value; a large plan's budgets and notices are hundreds of thousands
of values. ``indented`` gives the same text faster: a container that holds only
scalars is written by the C encoder, whose item separator can carry the newline and
indentation; others are written here, scalars by the same functions json uses.
tests/test_plan_caches.py compares it with json.dumps.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from json.encoder import (  # type: ignore[attr-defined]  # c_make_encoder: no stub, json's own
    c_make_encoder,
    encode_basestring,
)
from typing import Any

__all__ = ["Raw", "c_encoder", "encode_basestring", "entries", "indented", "one_line", "pretty"]

SCALAR_TYPES = frozenset((str, int, float, bool, type(None)))


def _float(x: float) -> str:
    """A float as json writes it (``allow_nan``: NaN and Infinity as JavaScript has them)."""
    if x != x:
        return "NaN"
    if x in (math.inf, -math.inf):
        return "Infinity" if x > 0 else "-Infinity"
    return float.__repr__(x)


# Scalars of these exact types, as json writes them (subclasses go to json itself).
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: lambda b: "true" if b else "false",
    type(None): lambda _: "null",
}


def c_encoder(item_separator: str) -> Callable[[Any], str]:
    """``JSONEncoder(ensure_ascii=False, separators=(item_separator, ": ")).encode``,
    with json's C encoder made once (``encode`` makes it again for every call, which
    costs more than writing a small document)."""
    plain = json.JSONEncoder(ensure_ascii=False, separators=(item_separator, ": "))
    if c_make_encoder is None:  # an interpreter without json's C accelerator
        return plain.encode
    # The arguments JSONEncoder.iterencode gives it, but no check for circular
    # references (klplan's documents are trees).
    c = c_make_encoder(
        None, plain.default, encode_basestring, None, ": ", item_separator, False, False, True
    )
    return lambda value: "".join(c(value, 0))


# The C encoder (no indent): a document on one line, 10x faster than indent=2.
one_line = c_encoder(", ")
_FLAT: dict[str, Callable[[Any], str]] = {}


def _flat_encoder(indent: str) -> Callable[[Any], str]:
    """A function writing a container of scalars one item per line at ``indent``."""
    encoder = _FLAT.get(indent)
    if encoder is None:
        encoder = _FLAT[indent] = c_encoder(",\n" + indent + "  ")
    return encoder


class Raw:
    """A value that writes itself: ``render(indent)`` gives its text for
    ``indented``, which puts it in place as it is."""

    __slots__ = ("render",)

    def __init__(self, render: Callable[[str], str]) -> None:
        self.render = render


def indented(value: Any, indent: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it,
    with ``indent`` before every line after the first."""
    kind = type(value)
    scalar = _SCALARS.get(kind)
    if scalar is not None:
        return scalar(value)
    if kind is Raw:
        render: Callable[[str], str] = value.render
        return render(indent)
    if kind is dict:
        items = value.values()
    elif kind is list or kind is tuple:
        items = value
    else:
        return _dumps(value, indent)  # subclasses of str, int, dict, list...: json's way
    if not value:
        return "{}" if kind is dict else "[]"
    inner = indent + "  "
    if all(map(SCALAR_TYPES.__contains__, map(type, items))):
        text = _flat_encoder(indent)(value)
        return text[0] + "\n" + inner + text[1:-1] + "\n" + indent + text[-1]
    get = _SCALARS.get
    if kind is dict:
        try:
            parts = [
                encode_basestring(k) + ": " + (s(v) if (s := get(type(v))) else indented(v, inner))
                for k, v in value.items()
            ]
        except TypeError:  # a key that is not text: json turns it into text, or refuses it
            return _dumps(value, indent)
        return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "}"
    parts = [s(v) if (s := get(type(v))) else indented(v, inner) for v in value]
    return "[\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "]"


def _dumps(value: Any, indent: str) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + indent) if indent else text


def pretty(doc: dict[str, Any], depth: int) -> str:
    """``json.dumps(doc, ensure_ascii=False, indent=2)``, every line after the first
    indented by ``depth`` more levels."""
    return indented(doc, "  " * depth)


def entries(doc: dict[str, Any], depth: int) -> str:
    """The indented ``"key": value`` lines of ``pretty(doc, depth)``, without its
    braces (``doc`` is not empty), so that documents can be pieced together."""
    indent = "  " * depth
    if doc and all(map(SCALAR_TYPES.__contains__, map(type, doc.values()))):
        # A group's own fields: written by the C encoder, without braces to strip.
        return indent + "  " + _flat_encoder(indent)(doc)[1:-1]
    return indented(doc, indent)[2 : -2 - 2 * depth]
