"""``klplan validate --format json``: the result of checking a plan file, for scripts
and editors (schema ``klplan.validate/1``, documented in docs/json.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from klplan import __version__
from klplan.core.errors import KlplanError, Where
from klplan.core.plan import Notice

SCHEMA = "klplan.validate/1"


@dataclass(frozen=True)
class Summary:
    groups: int
    leaders: int
    meetings: int
    checkins: int


@dataclass(frozen=True)
class Result:
    """What ``klplan validate`` found in one plan file."""

    file: str
    errors: tuple[KlplanError, ...] = ()
    warnings: tuple[Notice, ...] = ()
    summary: Summary | None = None
    strict: bool = False


def _problem(code: str, message: str, where: Where | None) -> dict[str, Any]:
    w = where or Where()
    return {
        "code": code,
        "message": message,
        "file": w.file,
        "line": w.line,
        "column": w.column,
        "field": w.key,
    }


def _error(e: KlplanError) -> dict[str, Any]:
    from klplan.messages import t

    text = t(e.key, **e.params)
    return _problem(e.key, f"{text}; {e.hint}" if e.hint else text, e.where)


def _warning(n: Notice) -> dict[str, Any]:
    from dataclasses import replace

    from klplan.render.notices import notice_text

    return _problem(n.key, notice_text(replace(n, where=None)), n.where)


def validate_json(result: Result) -> str:
    """The document, two-space indented, with a final newline. ``valid`` is false when
    there are errors; ``passed`` says whether the run exits 0 (with ``--strict``,
    warnings fail it too)."""
    passed = not result.errors and not (result.strict and result.warnings)
    s = result.summary
    doc = {
        "schema": SCHEMA,
        "generator": {"name": "klplan", "version": __version__},
        "file": result.file,
        "valid": not result.errors,
        "strict": result.strict,
        "passed": passed,
        "errors": [_error(e) for e in result.errors],
        "warnings": [_warning(n) for n in result.warnings],
        "summary": (
            {
                "groups": s.groups,
                "leaders": s.leaders,
                "meetings": s.meetings,
                "checkins": s.checkins,
            }
            if s
            else None
        ),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
