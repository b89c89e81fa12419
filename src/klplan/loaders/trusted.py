"""Building models from klplan's own bundled data without validating it.

The bundled YAML (modules, cadences, calendars, red days) is generated and reviewed,
and ``tests/test_bundled_data.py`` proves that building it here gives exactly what
pydantic's validation gives. Skipping pydantic on this path keeps the default
``klplan schedule`` fast to start (pydantic costs more to import than everything else
it needs together).
"""

from __future__ import annotations

import types
from dataclasses import is_dataclass
from datetime import date
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from klplan.loaders.yamldoc import YamlDoc

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, include_extras=True)


def build(tp: Any, value: Any) -> Any:
    """``value`` (plain YAML data) as an instance of the type ``tp``."""
    if value is None:
        return None
    origin = get_origin(tp)
    if origin is Annotated:
        return build(get_args(tp)[0], value)
    if origin is Union or origin is types.UnionType:
        real = [a for a in get_args(tp) if a is not type(None)]
        return build(real[0], value)
    if origin is Literal:
        return value
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(build(args[0], v) for v in value)
        return tuple(build(a, v) for a, v in zip(args, value, strict=True))
    if origin is dict:
        key_type, value_type = get_args(tp)
        return {build(key_type, k): build(value_type, v) for k, v in value.items()}
    if is_dataclass(tp) and isinstance(tp, type):
        hints = _hints(tp)
        return tp(**{k: build(hints[k], v) for k, v in value.items()})
    if tp is date:
        return value if isinstance(value, date) else date.fromisoformat(value)
    if tp is int or tp is float:
        return tp(value)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    return value


def trusted(cls: type[T], doc: YamlDoc) -> T:
    """The whole bundled document as a ``cls``."""
    result: T = build(cls, doc.data)
    return result
