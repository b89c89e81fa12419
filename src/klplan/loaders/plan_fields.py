"""The values of plan files (klplan.loaders.plan_schema): weekdays, times, weeks,
school years, links, e-mail addresses, participants. Each is a type for pydantic that
parses what a person writes (``måndag``, ``15.00``, ``2025-W38``, ``2025/26``), with
an error in the current language, and describes itself in the JSON Schema."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from klplan.core.models import parse_school_year
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
from klplan.loaders.validate import CUSTOM
from klplan.messages import t


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


def text_field(description: str, **kw: Any) -> Any:
    return Field(min_length=1, max_length=kw.pop("max_length", 200), description=description, **kw)
