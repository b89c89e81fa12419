"""The module catalogue and cadences: bundled YAML plus the user's own files."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

from klplan.core.errors import InputError, Where
from klplan.core.models import Cadence, Module
from klplan.loaders.resources import data_path
from klplan.loaders.trusted import build
from klplan.loaders.validate import validate
from klplan.loaders.yamldoc import Path_, YamlDoc
from klplan.loaders.yamlio import load_yaml_file


def _model(cls: type[Any], doc: YamlDoc, data: Any, path: Path_, trusted: bool) -> Any:
    """Bundled data is built directly; a user's file is validated."""
    if trusted:
        return build(cls, doc.data if data is None else data)
    return validate(cls, doc, data, path)


DEFAULT_MOMENTS: dict[str, dict[str, Any]] = {
    "A": {"kind": "individual", "minutes": (45, 60)},
    "B": {"kind": "collegial", "minutes": (90, 120)},
    "C": {"kind": "activity", "minutes": None},
    "D": {"kind": "follow_up", "minutes": (45, 60)},
}


@dataclass(frozen=True)
class Catalog:
    modules: Mapping[str, Module]
    origin: dict[str, str]  # module id -> file it came from

    def get(self, module_id: str, where: Where | None = None) -> Module:
        try:
            return self.modules[module_id]
        except KeyError:
            raise InputError(
                "module.unknown",
                where=where,
                hint=_did_you_mean(
                    module_id, self.modules, {m.title: m.id for m in self.modules.values()}
                ),
                module=module_id,
            ) from None


def _did_you_mean(value: str, ids: Any, titles: dict[str, str] | None = None) -> str | None:
    from klplan.messages import t

    candidates = list(ids)
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    if not close and titles:
        lowered = {k.casefold(): v for k, v in titles.items()}
        hit = difflib.get_close_matches(value.casefold(), list(lowered), n=1, cutoff=0.6)
        close = [lowered[hit[0]]] if hit else []
    return t("hint.did_you_mean", suggestion=repr(close[0])) if close else None


def read_mapping(path: Path, user: bool = True) -> YamlDoc:
    """A YAML file whose top level is a mapping: a user's, or a bundled one (read from
    its snapshot, see ``klplan.loaders.snapshots``)."""
    if user:
        doc = load_yaml_file(path, str(path))
    else:
        from klplan.loaders.snapshots import bundled_doc

        doc = bundled_doc(path)
    if doc.data is None:
        raise InputError("yaml.empty", where=Where(file=doc.file))
    if not isinstance(doc.data, dict):
        raise InputError("yaml.expected_mapping", where=doc.where())
    return doc


def load_modules(doc: YamlDoc, trusted: bool = False) -> list[Module]:
    return [m() for _, m in _module_makers(doc, trusted)]


def _module_file(doc: YamlDoc, trusted: bool) -> tuple[list[Any], dict[str, Any]]:
    """A module file's modules and default moments, as data. Bundled files are read
    directly (startup: their schema is checked by tests/test_bundled_data.py)."""
    if trusted:
        data = doc.data
        return data["modules"], (data.get("defaults") or {}).get("moments", {})
    from klplan.loaders.catalog_schema import ModuleFile

    envelope = validate(ModuleFile, doc)
    moments = envelope.defaults.moments if envelope.defaults else {}
    return envelope.modules, {k: asdict(v) for k, v in moments.items()}


def _module_makers(doc: YamlDoc, trusted: bool) -> list[tuple[str, Callable[[], Module]]]:
    """(id, a function that builds the module) for each module of the file, in order:
    a user's modules are validated at once (errors are found now), bundled ones are
    built when called (``_Modules``)."""
    modules, default_moments = _module_file(doc, trusted)
    defaults = {**DEFAULT_MOMENTS, **default_moments}
    out: list[tuple[str, Callable[[], Module]]] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(modules):
        path = ("modules", i)
        if not isinstance(raw, dict):
            raise InputError("yaml.expected_mapping", where=doc.where(path))
        merged = dict(raw)
        own = raw.get("moments") or {}
        # Moments that are not a mapping stay as written: validation says where.
        merged["moments"] = {**defaults, **own} if isinstance(own, dict) else own
        if trusted:
            module_id = merged["id"]
            out.append((module_id, partial(build, Module, merged)))
        else:
            module = validate(Module, doc, merged, path)
            module_id = module.id
            out.append((module_id, _built(module)))
        if module_id in seen:
            raise InputError(
                "module.duplicate_id",
                where=doc.where((*path, "id")),
                module=module_id,
                other=f"modules[{seen[module_id]}]",
            )
        seen[module_id] = i
    return out


def _built(module: Module) -> Callable[[], Module]:
    """A maker of a module that is built already (a user's, validated at once)."""
    return lambda: module


class _Modules(Mapping[str, Module]):
    """Modules by id, in file order. A module is built the first time it is asked
    for: a run needs one or two of the 45 bundled ones, and building them all would
    cost a noticeable part of a default ``klplan schedule``."""

    def __init__(self) -> None:
        self._makers: dict[str, Callable[[], Module]] = {}
        self._built: dict[str, Module] = {}

    def add(self, module_id: str, make: Callable[[], Module]) -> None:
        self._makers[module_id] = make  # a later file replaces, keeping the position
        self._built.pop(module_id, None)

    def __getitem__(self, module_id: str) -> Module:
        if module_id not in self._built:
            self._built[module_id] = self._makers[module_id]()
        return self._built[module_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


def load_catalog(extra: Path | None = None) -> Catalog:
    """The bundled catalogue, plus (replacing same ids) the user's own modules."""
    bundled = data_path("modules.yaml")
    modules = _Modules()
    origin: dict[str, str] = {}
    for path, user in ((bundled, False), (extra, True)):
        if path is None:
            continue
        doc = read_mapping(path, user)
        for module_id, make in _module_makers(doc, trusted=not user):
            modules.add(module_id, make)
            origin[module_id] = doc.file
    return Catalog(modules, origin)


def load_cadences(extra: Path | None = None) -> dict[str, Cadence]:
    out: dict[str, Cadence] = {}
    for path, user in ((data_path("cadences.yaml"), False), (extra, True)):
        if path is None:
            continue
        doc = read_mapping(path, user)
        if user:
            from klplan.loaders.catalog_schema import CadenceFile

            cadences = validate(CadenceFile, doc).cadences
        else:  # bundled: read directly, as modules are
            cadences = doc.data["cadences"]
        ids_in_file: set[str] = set()
        for i, raw in enumerate(cadences):
            cadence = _model(Cadence, doc, raw, ("cadences", i), not user)
            if cadence.id in ids_in_file:
                raise InputError(
                    "cadence.duplicate_id",
                    where=doc.where(("cadences", i, "id")),
                    cadence=cadence.id,
                )
            ids_in_file.add(cadence.id)
            out[cadence.id] = cadence
    return out


def get_cadence(
    cadences: dict[str, Cadence], cadence_id: str, where: Where | None = None
) -> Cadence:
    try:
        return cadences[cadence_id]
    except KeyError:
        raise InputError(
            "cadence.unknown",
            where=where,
            hint=_did_you_mean(cadence_id, cadences),
            cadence=cadence_id,
            known=", ".join(cadences),
        ) from None
