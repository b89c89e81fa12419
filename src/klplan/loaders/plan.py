"""Plan files: a school's or municipality's whole plan (leaders, groups, their modules,
slots and check-ins) in one YAML file that lives in version control.

The file's shape is klplan.loaders.plan_schema (and its values, plan_fields);
``load_plan`` validates a file into it, checks everything that spans several keys
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
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import time
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from klplan.core.defaults import DEFAULT_CADENCE
from klplan.core.errors import InputError, Where
from klplan.core.models import Cadence, Module, Slot, school_year_label
from klplan.core.schoolform import default_cadence
from klplan.core.video import VideoMeetings
from klplan.core.weeks import IsoWeek
from klplan.loaders.overrides import ClosedDay
from klplan.loaders.plan_fields import Participant, Sequence
from klplan.loaders.plan_schema import Defaults, GroupSpec, PlanFile, SlotSpec, VideoSpec
from klplan.loaders.plan_schema import plan_json_schema as plan_json_schema
from klplan.loaders.validate import all_input_errors, file_order, refuse_foreign
from klplan.loaders.yamldoc import Path_, YamlDoc
from klplan.messages import t

DEFAULT_SLOT = Slot()
KNOWN_LISTED = 12  # ids listed in an "unknown reference" message


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
    # --- h10-schools ---
    school: str | None = None  # a schools id
    # Closed days besides the plan's: its school's, then its own.
    closed_days: tuple[ClosedDay, ...] = ()
    video: VideoMeetings | None = None  # the meetings by video (None: all, with video_url)


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
        schools = self._schools()
        self._ids()
        defaults = spec.defaults or Defaults()
        if defaults.cadence is not None:
            self._known(defaults.cadence, cadences, ("defaults", "cadence"), "cadence.unknown")
        groups = [
            g
            for i, grp in enumerate(spec.groups)
            if (g := self._group(i, grp, defaults, modules, cadences, leaders)) is not None
            and (g := self._placed(g, grp, schools)) is not None
        ]
        if self.problems:
            # In file order, as a compiler lists them.
            raise PlanInvalid(sorted(self.problems, key=file_order))
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
        kinds: tuple[Literal["kommun", "lan"], ...] = ("kommun", "lan")
        for key, value in zip(kinds, (spec.kommun, spec.lan), strict=True):
            if value is None:
                continue
            try:
                entry = resolve(str(value), key)
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

    def _schools(self) -> dict[str, tuple[ClosedDay, ...]]:
        """The plan's schools' closed days by id; each closed day's span checked."""
        schools = self.spec.schools
        self._unique("schools", [x.id for x in schools], "plan.duplicate_school")
        for i, school in enumerate(schools):
            self._spans(school.closed_days, ("schools", i, "closed_days"))
        return {x.id: x.closed_days for x in schools}

    def _spans(self, days: tuple[ClosedDay, ...], path: Path_) -> None:
        for i, cd in enumerate(days):
            try:
                cd.span()
            except ValueError as e:
                self.problem("schema.invalid", (*path, i), problem=str(e))

    def _placed(
        self, setup: GroupSetup, g: GroupSpec, schools: dict[str, tuple[ClosedDay, ...]]
    ) -> GroupSetup | None:
        """``setup`` with its school, the closed days it adds to the plan's and the
        meetings it holds by video."""
        if g.school is None and not g.closed_days and g.video is None:
            return setup
        path: Path_ = ("groups", setup.index)
        if g.school is not None and g.school not in schools:
            self._known(g.school, schools, (*path, "school"), "plan.unknown_school")
            return None
        self._spans(g.closed_days, (*path, "closed_days"))
        own = schools[g.school] if g.school is not None else ()
        video = None if g.video is None else self._video(setup, g.video, path)
        return replace(setup, school=g.school, closed_days=own + g.closed_days, video=video)

    def _video(self, setup: GroupSetup, video: VideoSpec, path: Path_) -> VideoMeetings:
        """The meetings the group holds by video: it needs a link, and parts that its
        modules have."""
        if setup.video_url is None:
            self.problem("plan.video_without_url", (*path, "video"), at_key=True)
        most = max(m.parts for m in setup.modules)
        for i, part in enumerate(video.parts or ()):
            if part > most:
                self.problem(
                    "plan.video_no_such_part", (*path, "video", "parts", i), part=part, parts=most
                )
        return VideoMeetings(tuple(dict.fromkeys(video.moments)), video.parts)

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
        params = {"module": value, "cadence": value, "leader": value, "school": value}
        params["known"] = listed
        self.problem(message, path, hint, False, **params)
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
        # unset: the plan's default, else the first module's (förskola: manadsvis)
        first = modules.get(ids[0]) if ids else None
        fallback = default_cadence(first) if first is not None else DEFAULT_CADENCE
        cadence_id = g.cadence or defaults.cadence or fallback
        if g.cadence is not None and g.cadence not in cadences:
            ok = self._known(g.cadence, cadences, (*path, "cadence"), "cadence.unknown") and ok
        if g.spring_start is not None and len(ids) > 1:
            self.problem("plan.spring_start_one_module", (*path, "spring_start"), at_key=True)
            ok = False
        if not ok or cadence_id not in cadences:
            return None
        own = g.slot or _NO_SLOT
        base = defaults.slot or _NO_SLOT
        if not _preparation_fits(own, base):  # a booked A begins before midnight
            self.problem("plan.preparation_before_midnight", (*path, "slot"))
            return None
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
                _first(own.duration_d, base.duration_d, None),
                _first(own.duration_a, base.duration_a, None),
            ),
            start=g.start,
            spring_start=g.spring_start,
            location=_first(own.location, base.location, None),
            video_url=_first(own.video_url, base.video_url, None),
        )

    def _slot(
        self, weekday: int, at: time, duration: int, duration_d: int | None, duration_a: int | None
    ) -> Slot:
        """One Slot object for every group that meets at the same time: groups of a
        plan share a few slots, and the planner recognises equal inputs by identity."""
        key = (weekday, at, at.fold, duration, duration_d, duration_a)
        slot = self._slots.get(key)
        if slot is None:
            slot = self._slots[key] = Slot(
                weekday=weekday,
                time=at,
                duration_minutes=duration,
                follow_up_minutes=duration_d,
                preparation_minutes=duration_a,
            )
        return slot


# A group or the defaults without a slot of their own.
_NO_SLOT = SlotSpec()


def _preparation_fits(own: SlotSpec, base: SlotSpec) -> bool:
    """A booked A (``duration_a``) ends when B begins: it must begin that day."""
    minutes = _first(own.duration_a, base.duration_a, None)
    at = _first(own.time, base.time, DEFAULT_SLOT.time)
    return minutes is None or minutes <= at.hour * 60 + at.minute


def _first(*values: Any) -> Any:
    """The first value that is set (not None), as a group's slot overrides the
    defaults' and the defaults' override klplan's own; None if none is."""
    for value in values:
        if value is not None:
            return value
    return None
