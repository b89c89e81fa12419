"""The schema of module and cadence files (data/modules.yaml, data/cadences.yaml and
users' ``--modules`` / ``--cadences`` files): users' files are validated against it;
bundled ones are read directly at run time and validated by tests/test_bundled_data.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from annotated_types import Ge, Le

from klplan.core.models import STRICT_KEYS, MomentKey, MomentSpec


@dataclass(frozen=True, slots=True)
class Defaults:
    __pydantic_config__ = STRICT_KEYS

    moments: dict[MomentKey, MomentSpec] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ModuleFile:
    __pydantic_config__ = STRICT_KEYS

    modules: list[dict[str, Any]]
    schema: Annotated[int, Ge(1), Le(1)] = 1
    defaults: Defaults | None = None


@dataclass(frozen=True, slots=True)
class CadenceFile:
    __pydantic_config__ = STRICT_KEYS

    cadences: list[dict[str, Any]]
    schema: Annotated[int, Ge(1), Le(1)] = 1
