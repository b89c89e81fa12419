"""Plan files: a school's or municipality's whole plan (leaders, groups, their modules,
slots and check-ins) in one YAML file that lives in version control.

The models describe the file's shape (and give ``klplan schema`` its JSON Schema);
``load_plan`` validates a file into them, checks everything that spans several keys
(references to leaders, modules and cadences; duplicate ids; consecutive school
years) and resolves each group into a ``GroupSetup`` the planner can schedule. Every
problem names file, line, column and key; all of them are collected, so ``klplan
validate`` can list them at once.
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    PlainValidator,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from klplan.core.errors import InputError, Where
from klplan.core.models import (
    Cadence,
    Id,
    Module,
    MomentKey,
    MomentSpec,
    Slot,
    parse_school_year,
    school_year_label,
)
from klplan.core.parse import (
    FIRST_YEAR,
    LAST_YEAR,
    WEEKDAY_NAMES,
    OutOfRange,
    parse_email,
    parse_time,
    parse_uid_domain,
    parse_url,
    parse_week,
    parse_weekday,
)
from klplan.core.weeks import IsoWeek
from klplan.loaders.overrides import CalendarOverrides
from klplan.loaders.spec import Frozen
from klplan.loaders.validate import CUSTOM, all_input_errors, refuse_foreign
from klplan.loaders.yamlio import Path_, YamlDoc
from klplan.messages import t

SCHEMA_ID = "https://klplan.invalid/schema/plan-1.json"
DEFAULT_CADENCE = "intensiv"
DEFAULT_SLOT = Slot()
KNOWN_LISTED = 12  # ids listed in an "unknown reference" message


def _fail(key: str, **params: object) -> PydanticCustomError:
    return PydanticCustomError(CUSTOM, "{message}", {"message": t(key, **params)})


def _parsed(parser: Callable[[str], Any], message: str) -> Callable[[Any], Any]:
    from functools import lru_cache

    # The parsers are pure and their results immutable (int, time, IsoWeek, str), and
    # a plan repeats a few weekdays, times and weeks over thousands of groups: each
    # text is parsed once. Only results are kept (an error is raised anew, in the
    # current language); ``typed`` keeps 5 and "5" apart.
    parse = lru_cache(maxsize=1024, typed=True)(parser)

    def check(value: Any) -> Any:
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise _fail(message, value=value)
        try:
            return parse(value)
        except OutOfRange:
            text = (
                t(message, value=value)
                + "; "
                + t("input.out_of_range", first=FIRST_YEAR, last=LAST_YEAR)
            )
            raise PydanticCustomError(CUSTOM, "{message}", {"message": text}) from None
        except ValueError:
            raise _fail(message, value=value) from None

    return check


def _duration(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 5 <= value <= 480:
        raise _fail("usage.bad_duration", value=value)
    return value


Weekday = Annotated[
    int,
    PlainValidator(_parsed(parse_weekday, "usage.bad_weekday")),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "enum": list(WEEKDAY_NAMES)},
                {"type": "integer", "minimum": 1, "maximum": 5},
            ],
            "description": "måndag–fredag or monday–friday (also 1–5, Monday is 1)",
        }
    ),
]
TimeOfDay = Annotated[
    time,
    PlainValidator(_parsed(lambda v: parse_time(str(v)), "usage.bad_time")),
    WithJsonSchema(
        {"type": "string", "pattern": r"^\d{1,2}[:.]\d{2}$", "description": "HH:MM, e.g. 15:00"}
    ),
]
VideoUrl = Annotated[
    str,
    PlainValidator(_parsed(parse_url, "usage.bad_url")),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^https?://",
            "description": "http(s) link",
            "maxLength": 2000,
        }
    ),
]
UidDomain = Annotated[
    str,
    PlainValidator(_parsed(parse_uid_domain, "usage.bad_uid_domain")),
    WithJsonSchema(
        {"type": "string", "maxLength": 253, "description": "A host name, e.g. skola.example.se"}
    ),
]
Week = Annotated[
    IsoWeek,
    PlainValidator(_parsed(lambda v: parse_week(str(v)), "usage.bad_week")),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-?[Ww]\d{1,2}$",
            "description": "ISO week YYYY-Www, e.g. 2025-W38",
        }
    ),
]
SchoolYear = Annotated[
    int,
    PlainValidator(_parsed(lambda v: parse_school_year(str(v)), "usage.bad_school_year")),
    WithJsonSchema(
        {"type": "string", "pattern": r"^\d{4}/(\d{2}|\d{4})$", "description": "e.g. 2025/26"}
    ),
]
Minutes = Annotated[
    int,
    PlainValidator(_duration),
    WithJsonSchema({"type": "integer", "minimum": 5, "maximum": 480, "description": "minutes"}),
]


@dataclass(frozen=True)
class Participant:
    """A participant listed by name, with an e-mail address for invitations."""

    name: str
    email: str | None = None


def _participant(value: Any, n: int) -> str | Participant:
    if isinstance(value, str) and value:
        return value
    if isinstance(value, dict) and set(value) <= {"name", "email"} and "name" in value:
        name, email = value["name"], value.get("email")
        if isinstance(name, str) and name and (email is None or isinstance(email, str)):
            if email is None:
                return Participant(name)
            try:
                return Participant(name, parse_email(email))
            except ValueError:
                raise _fail("plan.bad_participant_email", n=n, value=email) from None
    raise _fail("plan.bad_participants")


def _participants(value: Any) -> int | tuple[str | Participant, ...]:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 500:
        return value
    if isinstance(value, list) and value:
        return tuple(_participant(v, n) for n, v in enumerate(value, start=1))
    raise _fail("plan.bad_participants")


Participants = Annotated[
    int | tuple[str | Participant, ...],
    PlainValidator(_participants),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 500},
                {
                    "type": "array",
                    "items": {
                        "anyOf": [
                            {"type": "string", "minLength": 1},
                            {
                                "type": "object",
                                "properties": {
                                    "name": {"type": "string", "minLength": 1},
                                    "email": {"type": "string", "format": "email"},
                                },
                                "required": ["name"],
                                "additionalProperties": False,
                            },
                        ]
                    },
                    "minItems": 1,
                },
            ],
            "description": "How many take part, or their names (each a name, or "
            "{name, email} for calendar invitations)",
        }
    ),
]
Email = Annotated[
    str,
    PlainValidator(_parsed(parse_email, "plan.bad_email")),
    WithJsonSchema({"type": "string", "format": "email", "description": "e-mail address"}),
]
Sequence = Literal["per_term", "back_to_back"]


def _text(description: str, **kw: Any) -> Any:
    return Field(min_length=1, max_length=kw.pop("max_length", 200), description=description, **kw)


class PlanInfo(Frozen):
    """The plan itself."""

    id: Id = Field(description="Short id (a-z, 0-9, -), part of every calendar entry's identity")
    name: str = _text("The plan's name, for people")
    uid_domain: UidDomain | None = Field(
        default=None,
        description="Host name after the @ of its calendar UIDs (default <id>.klplan.invalid)",
    )


class School(Frozen):
    """The school the plan is for."""

    name: str = _text("The school's name")
    principal: str | None = _text("The principal (rektor)", default=None)
    email: Email | None = Field(
        default=None, description="The principal's e-mail (ORGANIZER of check-ins with --invite)"
    )


class Municipality(Frozen):
    """The municipality (huvudman) the plan is for."""

    name: str = _text("The municipality's or school owner's name")
    contact: str | None = _text("Who is responsible for the plan", default=None)
    email: Email | None = Field(default=None, description="Their e-mail")


class SlotSpec(Frozen):
    """When and where a group meets; unset values come from ``defaults.slot``."""

    weekday: Weekday | None = Field(default=None, description="Meeting day")
    time: TimeOfDay | None = Field(default=None, description="Start time")
    duration: Minutes | None = Field(default=None, description="Minutes per meeting")
    location: str | None = _text("Room or place", default=None)
    video_url: VideoUrl | None = Field(default=None, description="Link for meetings by video")


class Defaults(Frozen):
    """Values every group gets unless it says otherwise."""

    slot: SlotSpec | None = Field(default=None, description="Default meeting slot")
    cadence: Id | None = Field(default=None, description="Default cadence id")
    sequence: Sequence | None = Field(default=None, description="Default module sequence")


class LeaderSpec(Frozen):
    """A leader (handledare / ledare för kollegialt lärande)."""

    id: Id = Field(description="Short id that groups refer to")
    name: str = _text("Full name")
    email: Email | None = Field(default=None, description="E-mail (for calendar invitations)")


class GroupSpec(Frozen):
    """A group of colleagues that works through one or more modules together."""

    id: Id = Field(description="Short id, unique in the plan")
    name: str | None = _text("Name, for people", default=None)
    participants: Participants = Field(description="A number, or the participants' names")
    leader: Id = Field(description="The id of the group's leader (see leaders)")
    module: Id | None = Field(default=None, description="One module id")
    modules: tuple[Id, ...] | None = Field(
        default=None, min_length=1, description="Several module ids, worked through in order"
    )
    sequence: Sequence | None = Field(
        default=None,
        description="per_term: the next module starts in the next term (default); "
        "back_to_back: at the next cadence step after the previous one's last meeting",
    )
    cadence: Id | None = Field(default=None, description="Cadence id (default: defaults.cadence)")
    start: Week | None = Field(
        default=None, description="Week of the first meeting (default: the first school week)"
    )
    spring_start: Week | None = Field(
        default=None,
        description="One module only: split its parts between the terms, spring half from here",
    )
    slot: SlotSpec | None = Field(default=None, description="When and where the group meets")


class CheckinSpec(Frozen):
    """Recurring principal–leader check-ins (avstämning)."""

    every_weeks: int = Field(ge=1, le=26, description="Every N open school weeks")
    weekday: Weekday = Field(default=4, description="Day of the check-ins (default fredag)")
    time: TimeOfDay = Field(
        default=time(13, 0),
        description="Start of the first leader's check-in; the others follow one after another",
    )
    duration: Minutes = Field(default=30, description="Minutes per leader")
    start: Week | None = Field(
        default=None, description="First check-in week (default: the first group's start)"
    )
    location: str | None = _text("Room or place", default=None)
    parallel: bool = Field(
        default=False,
        description="true: every leader's check-in at the same time (each with their own "
        "principal); false: one after another",
    )


class OwnModule(Module):
    """A module of your own on the A–D model (same keys as data/modules.yaml).
    Moments not given take Skolverket's usual times."""

    moments: dict[MomentKey, MomentSpec] = Field(
        default_factory=dict, description="A–D; missing moments take the usual times"
    )

    @model_validator(mode="before")
    @classmethod
    def _default_moments(cls, data: Any) -> Any:
        from klplan.loaders.catalog import DEFAULT_MOMENTS

        if isinstance(data, dict) and isinstance(data.get("moments", {}) or {}, dict):
            return {**data, "moments": {**DEFAULT_MOMENTS, **(data.get("moments") or {})}}
        return data


class PlanFile(Frozen):
    """A klplan plan file (schema 1)."""

    schema_version: Literal[1] = Field(alias="schema", description="Always 1")
    plan: PlanInfo
    school: School | None = Field(default=None, description="The school (or: municipality)")
    municipality: Municipality | None = Field(
        default=None, description="The municipality (or: school)"
    )
    kommun: str | int | None = Field(
        default=None, description="Municipality for the school calendar, by name or code"
    )
    lan: str | int | None = Field(
        default=None, description="County for the school calendar (instead of kommun)"
    )
    school_years: tuple[SchoolYear, ...] = Field(
        min_length=1, max_length=6, description="One or several consecutive school years"
    )
    calendar: CalendarOverrides | None = Field(
        default=None, description="Studiedagar and other closed days; your own school years"
    )
    modules_file: str | None = _text(
        "A file with your own modules, relative to this file", default=None, max_length=1000
    )
    modules: tuple[OwnModule, ...] = Field(default=(), description="Your own modules")
    cadences: tuple[Cadence, ...] = Field(default=(), description="Your own cadences")
    defaults: Defaults | None = None
    leaders: tuple[LeaderSpec, ...] = Field(min_length=1)
    groups: tuple[GroupSpec, ...] = Field(min_length=1)
    checkins: CheckinSpec | None = None


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of plan files, for editors (``klplan schema``)."""
    schema = PlanFile.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


# --- loading and resolving -----------------------------------------------------------


@dataclass(frozen=True)
class GroupSetup:
    """One group, resolved: its modules, cadence and slot with defaults applied."""

    index: int  # position in the file's groups list
    id: str
    name: str | None
    leader: str
    participants: int
    invitees: tuple[tuple[str, str], ...]  # (e-mail, name) of participants with e-mail
    modules: tuple[Module, ...]
    sequence: Sequence
    cadence: Cadence
    slot: Slot
    start: IsoWeek | None
    spring_start: IsoWeek | None
    location: str | None
    video_url: str | None


def modules_path(plan: Path, modules_file: str) -> Path:
    """Where a plan's ``modules_file`` is: beside the plan (a plan read from stdin,
    ``-``, has the working directory as its folder)."""
    return plan.parent / modules_file


@dataclass(frozen=True)
class LoadedPlan:
    """A validated plan file with its references resolved."""

    spec: PlanFile
    doc: YamlDoc
    groups: tuple[GroupSetup, ...]
    kommun: str | None  # resolved municipality code
    lan: str | None  # resolved county code

    @property
    def file(self) -> str:
        return self.doc.file

    @property
    def first_year(self) -> int:
        return self.spec.school_years[0]

    @property
    def years(self) -> int:
        return len(self.spec.school_years)

    @property
    def organisation(self) -> str | None:
        org = self.spec.school or self.spec.municipality
        return org.name if org else None

    def where(self, *path: str | int) -> Where:
        return self.doc.where(path)


# What a plan, leader or group id may be (docs/plan.md): letters (any alphabet, either
# case), digits, "-", "." and "_", beginning with a letter or digit, at most 80
# characters, no "..", checked in Unicode NFC (so å typed as a + ring is å). No path
# separators, no control characters, no Windows device names (CON, NUL, COM1, ...).
ID_PATTERN = re.compile(r"[^\W_][\w.-]{0,79}")
_DEVICE_NAMES = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}


def id_problem(value: str) -> str | None:
    """Why ``value`` is not a valid id (a message key), or None."""
    nfc = unicodedata.normalize("NFC", value)
    if not ID_PATTERN.fullmatch(nfc) or ".." in nfc or not nfc.isprintable():
        return "id.reason.pattern"
    if nfc.split(".", 1)[0].casefold() in _DEVICE_NAMES:
        return "id.reason.reserved"
    return None


class PlanInvalid(InputError):
    """A plan file with one or more problems; ``problems`` lists them all, the message
    is the first (the CLI prints one line; ``klplan validate`` prints every one)."""

    def __init__(self, problems: Iterable[InputError]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        super().__init__(first.key, where=first.where, hint=first.hint, **first.params)

    def message(self) -> str:
        text = self.problems[0].message()
        more = len(self.problems) - 1
        return text + t("plan.more_errors", count=more) if more else text


def load_plan(path: Path, *, allow_outside: bool = False) -> LoadedPlan:
    """Read, validate and resolve a plan file; raises PlanInvalid listing every problem.

    A file the plan points at (``modules_file``) must lie in the plan's folder or
    below it, after following symlinks, unless ``allow_outside`` (``--allow-outside``):
    a plan from someone else must not make klplan read the runner's other files."""
    from klplan.loaders.catalog import read_mapping

    doc = read_mapping(path)
    refuse_foreign(PlanFile, doc)
    try:
        spec = PlanFile.model_validate(doc.data)
    except ValidationError as e:
        raise PlanInvalid(all_input_errors(e, doc, (), PlanFile)) from None
    return _Resolver(spec, doc, path, allow_outside).resolve()


def outside(folder: Path, target: Path) -> bool:
    """Whether ``target`` (symlinks followed) lies outside ``folder``."""
    base = os.path.realpath(folder)
    return os.path.commonpath([base, os.path.realpath(folder / target)]) != base


class _Resolver:
    def __init__(self, spec: PlanFile, doc: YamlDoc, path: Path, allow_outside: bool) -> None:
        self.spec = spec
        self.doc = doc
        self.path = path
        self.allow_outside = allow_outside
        self.problems: list[InputError] = []
        self._slots: dict[tuple[object, ...], Slot] = {}

    def problem(
        self, key: str, path: Path_, hint: str | None = None, at_key: bool = False, **p: object
    ) -> None:
        self.problems.append(
            InputError(key, where=self.doc.where(path, at_key=at_key), hint=hint, **p)
        )

    def resolve(self) -> LoadedPlan:
        spec = self.spec
        self._organisation()
        kommun, lan = self._region()
        self._school_years()
        self._closed_days()
        modules = self._modules()
        cadences = self._cadences()
        leaders = self._unique("leaders", [x.id for x in spec.leaders], "plan.duplicate_leader")
        self._unique("groups", [g.id for g in spec.groups], "plan.duplicate_group")
        self._ids()
        defaults = spec.defaults or Defaults()
        if defaults.cadence is not None:
            self._known(defaults.cadence, cadences, ("defaults", "cadence"), "cadence.unknown")
        groups = [
            g
            for i, grp in enumerate(spec.groups)
            if (g := self._group(i, grp, defaults, modules, cadences, leaders)) is not None
        ]
        if self.problems:
            # In file order, as a compiler lists them.
            raise PlanInvalid(
                sorted(self.problems, key=lambda p: (p.where.line or 0, p.where.column or 0))  # type: ignore[union-attr]
            )
        return LoadedPlan(spec, self.doc, tuple(groups), kommun, lan)

    def _organisation(self) -> None:
        if (self.spec.school is None) == (self.spec.municipality is None):
            self.problem("plan.school_or_municipality", ())

    def _region(self) -> tuple[str | None, str | None]:
        from klplan.loaders.calendars import resolve

        spec = self.spec
        if spec.kommun is not None and spec.lan is not None:
            self.problem("plan.kommun_and_lan", ("lan",), at_key=True)
            return None, None
        for key, value in (("kommun", spec.kommun), ("lan", spec.lan)):
            if value is None:
                continue
            try:
                entry = resolve(str(value), key, key)
            except InputError as e:
                e.where = self.doc.where((key,))
                self.problems.append(e)
                return None, None
            return (entry.code, None) if key == "kommun" else (None, entry.code)
        own = {y.school_year for y in (spec.calendar.school_years if spec.calendar else ())}
        missing = [
            school_year_label(y) for y in spec.school_years if school_year_label(y) not in own
        ]
        if missing:
            self.problem("plan.no_region", (), years=", ".join(missing))
        return None, None

    def _school_years(self) -> None:
        years = self.spec.school_years
        for i in range(1, len(years)):
            if years[i] != years[i - 1] + 1:
                self.problem(
                    "plan.years_not_consecutive",
                    ("school_years", i),
                    year=school_year_label(years[i]),
                    expected=school_year_label(years[i - 1] + 1),
                )

    def _closed_days(self) -> None:
        for i, cd in enumerate(self.spec.calendar.closed_days if self.spec.calendar else ()):
            try:
                cd.span()
            except ValueError as e:
                self.problem("schema.invalid", ("calendar", "closed_days", i), problem=str(e))

    def _modules(self) -> dict[str, Module]:
        from klplan.loaders.catalog import load_catalog

        extra: Path | None = None
        if self.spec.modules_file is not None:
            extra = modules_path(self.path, self.spec.modules_file)
            if not self.allow_outside and outside(self.path.parent, Path(self.spec.modules_file)):
                self.problem("plan.path_outside", ("modules_file",), file=self.spec.modules_file)
                extra = None
            elif not extra.is_file():
                self.problem("plan.modules_file_missing", ("modules_file",), file=str(extra))
                extra = None
        modules = dict(load_catalog(extra).modules)
        seen: set[str] = set()
        for i, m in enumerate(self.spec.modules):
            if m.id in seen:
                self.problem(
                    "module.duplicate_id", ("modules", i, "id"), module=m.id, other="modules"
                )
            seen.add(m.id)
            modules[m.id] = m
        return modules

    def _cadences(self) -> dict[str, Cadence]:
        from klplan.loaders.catalog import load_cadences

        cadences = load_cadences()
        seen: set[str] = set()
        for i, c in enumerate(self.spec.cadences):
            if c.id in seen:
                self.problem("cadence.duplicate_id", ("cadences", i, "id"), cadence=c.id)
            seen.add(c.id)
            cadences[c.id] = c
        return cadences

    def _ids(self) -> None:
        """The plan's, the leaders' and the groups' ids: each of ``ID_PATTERN`` (they
        become file names and calendar identities), and no two leaders or two groups
        with one file name (``grupp-<id>.ics``): ``4-6`` and ``4.6``, ``abc`` and
        ``ABC``, ``åk`` typed as one character or as a and a combining ring."""
        from klplan.core.filenames import safe_stem  # the file-name mapping

        spec = self.spec
        self._id_valid(spec.plan.id, ("plan", "id"))
        for key, kind, ids in (
            ("leaders", "leader", [x.id for x in spec.leaders]),
            ("groups", "group", [g.id for g in spec.groups]),
        ):
            prefix = "grupp" if kind == "group" else "ledare"
            first: dict[str, tuple[int, str]] = {}
            for i, x in enumerate(ids):
                if not self._id_valid(x, (key, i, "id")):
                    continue
                stem = safe_stem(x)
                # The file name itself, and the id as a person reads it (NFKC, case
                # folded): ids that differ only there are the same id to people.
                keys = (stem, "\0" + unicodedata.normalize("NFKC", x).casefold())
                clash = next((first[k] for k in keys if k in first and first[k][1] != x), None)
                if clash is not None:
                    self.problem(
                        "id.collides",
                        (key, i, "id"),
                        kind=t(f"id.kind.{kind}"),
                        id=x,
                        other=clash[1],
                        file=f"{prefix}-{stem}.ics",
                        at=f"{key}[{clash[0]}]",
                    )
                for k in keys:
                    first.setdefault(k, (i, x))

    def _id_valid(self, value: str, path: Path_) -> bool:
        reason = id_problem(value)
        if reason is not None:
            self.problem("id.invalid", path, id=value, reason=t(reason))
        return reason is None

    def _unique(self, key: str, ids: list[str], message: str) -> set[str]:
        first: dict[str, int] = {}
        for i, x in enumerate(ids):
            if x in first:
                self.problem(message, (key, i, "id"), id=x, other=f"{key}[{first[x]}]")
            first.setdefault(x, i)
        return set(first)

    def _known(self, value: str, known: Collection[str], path: Path_, message: str) -> bool:
        if value in known:
            return True
        names = sorted(known)
        close = difflib.get_close_matches(value, names, n=1, cutoff=0.6)
        hint = t("hint.did_you_mean", suggestion=repr(close[0])) if close else None
        listed = ", ".join(names[:KNOWN_LISTED]) + (", …" if len(names) > KNOWN_LISTED else "")
        params = {"module": value, "cadence": value, "leader": value, "known": listed}
        self.problem(message, path, hint=hint, **params)
        return False

    def _group(
        self,
        i: int,
        g: GroupSpec,
        defaults: Defaults,
        modules: dict[str, Module],
        cadences: dict[str, Cadence],
        leaders: set[str],
    ) -> GroupSetup | None:
        path: Path_ = ("groups", i)
        # (A key's path is made only for a problem: a plan can have 20,000 groups.)
        ok = g.leader in leaders or self._known(
            g.leader, leaders, (*path, "leader"), "plan.unknown_leader"
        )
        if (g.module is None) == (g.modules is None):
            self.problem("plan.module_or_modules", path)
            return None
        ids = (g.module,) if g.module is not None else g.modules or ()
        for j, mid in enumerate(ids):
            if mid not in modules:
                where = (*path, "module") if g.module is not None else (*path, "modules", j)
                ok = self._known(mid, modules, where, "module.unknown") and ok
        cadence_id = g.cadence or defaults.cadence or DEFAULT_CADENCE
        if g.cadence is not None and g.cadence not in cadences:
            ok = self._known(g.cadence, cadences, (*path, "cadence"), "cadence.unknown") and ok
        if g.spring_start is not None and len(ids) > 1:
            self.problem("plan.spring_start_one_module", (*path, "spring_start"), at_key=True)
            ok = False
        if not ok or cadence_id not in cadences:
            return None
        own = g.slot or _NO_SLOT
        base = defaults.slot or _NO_SLOT
        count = g.participants if isinstance(g.participants, int) else len(g.participants)
        return GroupSetup(
            index=i,
            id=g.id,
            name=g.name,
            leader=g.leader,
            participants=count,
            invitees=tuple(
                (p.email, p.name)
                for p in (() if isinstance(g.participants, int) else g.participants)
                if isinstance(p, Participant) and p.email
            ),
            modules=tuple(modules[m] for m in ids),
            sequence=g.sequence or defaults.sequence or "per_term",
            cadence=cadences[cadence_id],
            slot=self._slot(
                _first(own.weekday, base.weekday, DEFAULT_SLOT.weekday),
                _first(own.time, base.time, DEFAULT_SLOT.time),
                _first(own.duration, base.duration, DEFAULT_SLOT.duration_minutes),
            ),
            start=g.start,
            spring_start=g.spring_start,
            location=_first(own.location, base.location, None),
            video_url=_first(own.video_url, base.video_url, None),
        )

    def _slot(self, weekday: int, at: time, duration: int) -> Slot:
        """One Slot object for every group that meets at the same time: groups of a
        plan share a few slots, and the planner recognises equal inputs by identity."""
        key = (weekday, at, at.fold, duration)
        slot = self._slots.get(key)
        if slot is None:
            slot = self._slots[key] = Slot(weekday=weekday, time=at, duration_minutes=duration)
        return slot


# A group or the defaults without a slot of their own.
_NO_SLOT = SlotSpec()


def _first(*values: Any) -> Any:
    """The first value that is set (not None), as a group's slot overrides the
    defaults' and the defaults' override klplan's own; None if none is."""
    for value in values:
        if value is not None:
            return value
    return None
