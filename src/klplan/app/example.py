"""The use case behind ``klplan init``: the commented example plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from klplan.core.models import parse_school_year, school_year_label
from klplan.core.plan import Notice
from klplan.core.schoolyear import school_year_of
from klplan.core.weeks import IsoWeek

# The example plan's municipality (``kommun: Uppsala`` in data/init/plan.yaml).
EXAMPLE_KOMMUN = "0380"


@dataclass(frozen=True)
class ExampleYear:
    """The school year the example plan is for, and why, when it is not the current
    one (or the next once the current one is over)."""

    school_year: int
    notice: Notice | None = None


def example_year(today: date) -> ExampleYear:
    """The school year ``klplan calendar`` shows on ``today`` (the current one, the
    next once the current one's last term day has passed), or, when klplan has no
    bundled calendar of the example's municipality for it, the nearest year it has
    (said in a notice): the example plan validates on every day of the year."""
    from klplan.loaders.calendars import load_calendar

    year = school_year_of(today)
    result = load_calendar(year, kommun=EXAMPLE_KOMMUN)
    if today > result.calendar.days()[1]:
        year += 1
        result = load_calendar(year, kommun=EXAMPLE_KOMMUN)
    estimated = next((n for n in result.notices if n.key == "calendar.estimated"), None)
    if estimated is None:
        return ExampleYear(year)
    based_on = str(estimated.params["based_on"])
    notice = Notice(
        "init.bundled_year",
        {
            "region": result.calendar.region.name,
            "current": school_year_label(year),
            "year": based_on,
        },
    )
    return ExampleYear(parse_school_year(based_on), notice)


def example_plan(today: date, file_name: str = "plan.yaml") -> str:
    """The commented example plan ``klplan init`` writes (for ``example_year``)."""
    return example_text(example_year(today).school_year, file_name)


def example_text(first: int, file_name: str = "plan.yaml") -> str:
    """The commented example plan for the school year starting in ``first``."""
    from string import Template

    from klplan.loaders.resources import data_path

    template = Template(data_path("init", "plan.yaml").read_text("utf-8"))
    return template.substitute(
        file=file_name,
        year=school_year_label(first),
        ht=first,
        vt=first + 1,
        # a Tuesday in October, when the fritidshem group meets: its meeting moves
        studiedag=IsoWeek(first, 40).day(1).isoformat(),
    )
