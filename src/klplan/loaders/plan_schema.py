"""The shape of a plan file (schema 1): the models ``load_plan`` validates a file
into (klplan.loaders.plan), and the JSON Schema they give ``klplan schema``."""

from __future__ import annotations

from datetime import time
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from klplan.core.models import Cadence, Id, Module, MomentKey, MomentSpec
from klplan.loaders.overrides import CalendarOverrides, ClosedDay
from klplan.loaders.plan_fields import (
    Email,
    Minutes,
    Participants,
    SchoolYear,
    Sequence,
    TimeOfDay,
    UidDomain,
    VideoUrl,
    Week,
    Weekday,
    text_field,
)
from klplan.loaders.spec import Frozen

SCHEMA_ID = "https://klplan.invalid/schema/plan-1.json"


class PlanInfo(Frozen):
    """The plan itself."""

    id: Id = Field(description="Short id (a-z, 0-9, -), part of every calendar entry's identity")
    name: str = text_field("The plan's name, for people")
    uid_domain: UidDomain | None = Field(
        default=None,
        description="Host name after the @ of its calendar UIDs (default <id>.klplan.invalid)",
    )


class School(Frozen):
    """The school the plan is for."""

    name: str = text_field("The school's name")
    principal: str | None = text_field("The principal (rektor)", default=None)
    email: Email | None = Field(
        default=None, description="The principal's e-mail (ORGANIZER of check-ins with --invite)"
    )


class Municipality(Frozen):
    """The municipality (huvudman) the plan is for."""

    name: str = text_field("The municipality's or school owner's name")
    contact: str | None = text_field("Who is responsible for the plan", default=None)
    email: Email | None = Field(default=None, description="Their e-mail")


class SchoolUnit(Frozen):
    """One of the plan's schools (a municipal plan has several): its groups share its
    closed days, and a leader between two schools needs time to travel."""

    id: Id = Field(description="Short id that groups refer to (groups[].school)")
    name: str = text_field("The school's name")
    closed_days: tuple[ClosedDay, ...] = Field(
        default=(), description="This school's own closed days (studiedagar, lovdagar)"
    )


class VideoSpec(Frozen):
    """Which of a group's meetings are held by video (with its slot's video_url): a
    meeting of one of ``moments`` in one of ``parts``."""

    moments: tuple[Literal["B", "D"], ...] = Field(
        default=("B", "D"), min_length=1, description="B, D or both (default both)"
    )
    parts: tuple[Annotated[int, Field(ge=1, le=99)], ...] | None = Field(
        default=None, min_length=1, description="Part numbers (default every part)"
    )


class SlotSpec(Frozen):
    """When and where a group meets; unset values come from ``defaults.slot``."""

    weekday: Weekday | None = Field(default=None, description="Meeting day")
    time: TimeOfDay | None = Field(default=None, description="Start time")
    duration: Minutes | None = Field(
        default=None, description="Minutes per meeting: B, and D unless duration_d is given"
    )
    duration_d: Minutes | None = Field(
        default=None, description="Minutes of meeting D (gemensam uppföljning), if not duration"
    )
    duration_a: Minutes | None = Field(
        default=None,
        description="Book individual preparation (A): this many minutes directly before "
        "each B, that day, as a timed calendar event",
    )
    location: str | None = text_field("Room or place", default=None)
    video_url: VideoUrl | None = Field(default=None, description="Link for meetings by video")


class Defaults(Frozen):
    """Values every group gets unless it says otherwise."""

    slot: SlotSpec | None = Field(default=None, description="Default meeting slot")
    cadence: Id | None = Field(default=None, description="Default cadence id")
    sequence: Sequence | None = Field(default=None, description="Default module sequence")


class LeaderSpec(Frozen):
    """A leader (handledare / ledare för kollegialt lärande)."""

    id: Id = Field(description="Short id that groups refer to")
    name: str = text_field("Full name")
    email: Email | None = Field(default=None, description="E-mail (for calendar invitations)")
    post_percent: int | None = Field(
        default=None,
        ge=1,
        le=100,
        description="The leader's share of a full-time post for this work, in percent "
        "(10 for 10 %): klplan warns when their weekly hours need more",
    )


class GroupSpec(Frozen):
    """A group of colleagues that works through one or more modules together."""

    id: Id = Field(description="Short id, unique in the plan")
    name: str | None = text_field("Name, for people", default=None)
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
    # --- h10-schools: the group's school, closed days and meetings by video ---
    school: Id | None = Field(default=None, description="The id of the group's school (schools)")
    closed_days: tuple[ClosedDay, ...] = Field(
        default=(), description="The group's own closed days, besides its school's and the plan's"
    )
    video: VideoSpec | None = Field(
        default=None,
        description="Only these meetings by video (with slot.video_url); default all of them",
    )


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
    location: str | None = text_field("Room or place", default=None)
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
    modules_file: str | None = text_field(
        "A file with your own modules, relative to this file", default=None, max_length=1000
    )
    modules: tuple[OwnModule, ...] = Field(default=(), description="Your own modules")
    cadences: tuple[Cadence, ...] = Field(default=(), description="Your own cadences")
    defaults: Defaults | None = None
    leaders: tuple[LeaderSpec, ...] = Field(min_length=1)
    groups: tuple[GroupSpec, ...] = Field(min_length=1)
    checkins: CheckinSpec | None = None
    # --- h10-schools: several schools, and the time to travel between them ---
    schools: tuple[SchoolUnit, ...] = Field(
        default=(), description="The plan's schools, each with its own closed days"
    )
    travel_minutes: int = Field(
        default=30,
        ge=0,
        le=240,
        description="Minutes a leader needs between meetings at two different schools",
    )


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of plan files, for editors (``klplan schema``)."""
    schema = PlanFile.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
