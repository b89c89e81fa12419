"""Validate parsed YAML into models (pydantic models, or the core's dataclasses),
turning pydantic's errors into one-line messages that name file, line, column and key
path. pydantic is imported here only, and only when a user's file is validated."""

from __future__ import annotations

import dataclasses
import difflib
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, get_type_hints

from klplan.core.errors import InputError, Where
from klplan.core.models import ModelError
from klplan.loaders.yamldoc import Path_, YamlDoc
from klplan.messages import MESSAGES, t

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

M = TypeVar("M")

# The error type of values checked by klplan's own parsers (weekdays, times, weeks):
# their message is already complete and in the user's language.
CUSTOM = "klplan_value"

# The same problems, as pydantic names them for dataclasses.
_KIND = {
    "unexpected_keyword_argument": "extra_forbidden",
    "missing_argument": "missing",
    "dataclass_type": "model_type",
    "dataclass_exact_type": "model_type",
}

# pydantic error types -> what was expected (a message key).
_EXPECTED: dict[str, str] = {
    "string_type": "expected.text",
    "int_type": "expected.int",
    "int_parsing": "expected.int",
    "int_parsing_size": "expected.int",
    "int_from_float": "expected.int",
    "float_type": "expected.number",
    "float_parsing": "expected.number",
    "bool_type": "expected.bool",
    "bool_parsing": "expected.bool",
    "date_type": "expected.date",
    "date_parsing": "expected.date",
    "date_from_datetime_parsing": "expected.date",
    "time_type": "expected.time",
    "time_parsing": "expected.time",
    "list_type": "expected.list",
    "tuple_type": "expected.list",
    "dict_type": "expected.mapping",
    "model_type": "expected.mapping",
    "model_attributes_type": "expected.mapping",
}


@cache
def adapter(model: Any) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    return TypeAdapter(model)


def validate(model: type[M], doc: YamlDoc, data: Any = None, path: Path_ = ()) -> M:
    """Validate ``data`` (default: the whole document) found at ``path`` in ``doc``."""
    from pydantic import ValidationError

    value = doc.data if data is None and not path else data
    if not path:
        refuse_foreign(model, doc)
    model_class: type = model  # to mypy a class of M may not be hashable; it is
    try:
        result: M = adapter(model_class).validate_python(value)
    except ValidationError as e:
        raise to_input_error(e, doc, path, model) from None
    return result


def refuse_foreign(model: Any, doc: YamlDoc) -> None:
    """A file none of whose keys ``model`` knows, or nearly (a typo), is not
    klplan input at all (a password file read as YAML is a mapping of its lines): one
    error at its first key, which is not quoted, so that nothing of it is echoed."""
    data = doc.data
    fields = getattr(model, "model_fields", None) or {}
    known = {f.alias or k for k, f in fields.items()} or set(_field_types(model))
    if not isinstance(data, dict) or not data or not known:
        return
    # Keys one level down count too: a [schedule] table of klplan.toml keys is klplan
    # input in the wrong shape, and its error names the table.
    keys = [*data, *(k for v in data.values() if isinstance(v, dict) for k in v)]
    if any(k in known or difflib.get_close_matches(str(k), known, n=1) for k in keys):
        return  # klplan input, perhaps with a typo: its keys are named and suggested
    at = doc.where((next(iter(data)),), at_key=True)
    raise InputError(
        "schema.not_klplan",
        where=Where(file=at.file, line=at.line, column=at.column),
        expected=", ".join(sorted(known)),
    )


def to_input_error(e: ValidationError, doc: YamlDoc, path: Path_, model: Any) -> InputError:
    return error_from(e.errors(include_url=False)[0], doc, path, model)


def all_input_errors(e: ValidationError, doc: YamlDoc, path: Path_, model: Any) -> list[InputError]:
    """Every problem pydantic found, one per key path, in document order."""
    errors = e.errors(include_url=False)
    locs = [tuple(err["loc"]) for err in errors]
    out: dict[str, InputError] = {}
    for err in errors:
        loc = tuple(err["loc"])
        if any(len(other) > len(loc) and other[: len(loc)] == loc for other in locs):
            continue  # a container's summary of its items' problems ("too short")
        found = error_from(err, doc, path, model)
        out.setdefault(str(found.where), found)
    return sorted(out.values(), key=file_order)


def file_order(e: InputError) -> tuple[int, int]:
    """Where a problem stands in its file, to list problems as a compiler does."""
    w = e.where
    return (w.line or 0, w.column or 0) if w else (0, 0)


def error_from(err: Any, doc: YamlDoc, path: Path_, model: Any) -> InputError:
    """One pydantic error (a dict from ``ValidationError.errors()``) as an InputError."""
    loc = tuple(p for p in err["loc"] if p != "[key]")
    full = (*path, *loc)
    kind = _KIND.get(err["type"], err["type"])
    where = doc.where(full, at_key=kind == "extra_forbidden")
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        allowed = sorted(_fields_at(model, loc[:-1]))
        close = difflib.get_close_matches(key, allowed, n=1)
        err_ = (
            InputError("schema.unknown_key", where=where, key=key, allowed=", ".join(allowed))
            if allowed
            else InputError("schema.no_keys_here", where=where, key=key)
        )
        if close:
            err_.hint = t("hint.did_you_mean", suggestion=repr(close[0]))
        return err_
    if kind == "missing":
        return InputError("schema.missing_key", where=where)
    got = err.get("input")
    got_text = _short(got)
    ctx = dict(err.get("ctx") or {})
    cause = ctx.get("error")
    if isinstance(cause, ModelError):  # a core model's own rule, said in the user's language
        if cause.field:
            where = doc.where((*full, cause.field))
        return InputError("schema.invalid", where=where, problem=t(cause.key, **cause.params))
    if kind in _EXPECTED:
        problem = t("schema.expected_got", expected=t(_EXPECTED[kind]), got=got_text)
    elif kind == CUSTOM:
        problem = str(err["msg"])
    elif kind == "literal_error":
        problem = t("schema.expected_one_of", expected=ctx.get("expected", ""), got=got_text)
    elif kind in MESSAGES:  # a model validator's own error: its type is a message key
        problem = t(kind, **ctx)
    elif f"pydantic.{kind}" in MESSAGES:
        problem = t(f"pydantic.{kind}", got=got_text, **ctx)
    else:
        msg = str(err["msg"]).removeprefix("Value error, ")
        problem = t("schema.problem_got", problem=msg, got=got_text) if _scalar(got) else msg
    return InputError("schema.invalid", where=where, problem=problem)


def _scalar(v: Any) -> bool:
    return v is None or isinstance(v, str | int | float | bool)


def _short(v: Any) -> str:
    if isinstance(v, dict):
        return "{…}"
    if isinstance(v, list):
        return "[…]"
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "…"


def _field_types(model: Any) -> dict[str, Any]:
    """A model's keys and their types: pydantic models and dataclasses alike."""
    if getattr(model, "model_fields", None):
        return {k: f.annotation for k, f in model.model_fields.items()}
    if dataclasses.is_dataclass(model) and isinstance(model, type):
        hints = get_type_hints(model)
        return {f.name: hints[f.name] for f in dataclasses.fields(model) if f.init}
    return {}


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and (
        bool(getattr(annotation, "model_fields", None)) or dataclasses.is_dataclass(annotation)
    )


def _fields_at(model: Any, loc: tuple[Any, ...]) -> set[str]:
    """The allowed keys of the (nested) model at ``loc``, as far as it can be followed."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = _field_types(current)
        if part not in fields:
            # dict-valued fields (e.g. moments: {A: ...}) are keyed by data, not fields
            current = _inner_model(current)
            fields = _field_types(current)
            if part not in fields:
                continue
        current = _inner_model(fields[part])
    return set(_field_types(current))


def _inner_model(annotation: Any) -> Any:
    """Dig the model class out of ``X | None``, ``tuple[X, ...]``, ``dict[K, X]``."""
    if _is_model(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
