"""The use case behind ``klplan init``: the commented example plan."""

from __future__ import annotations

from datetime import date

from klplan.core.models import school_year_label
from klplan.core.schoolyear import school_year_of
from klplan.core.weeks import IsoWeek


def example_plan(today: date, file_name: str = "plan.yaml") -> str:
    """The commented example plan ``klplan init`` writes, for the current school year
    (the same one ``klplan schedule`` plans by default)."""
    from string import Template

    from klplan.loaders.resources import data_path

    first = school_year_of(today)
    template = Template(data_path("init", "plan.yaml").read_text("utf-8"))
    return template.substitute(
        file=file_name,
        year=school_year_label(first),
        ht=first,
        vt=first + 1,
        # a Tuesday in October, when the fritidshem group meets: its meeting moves
        studiedag=IsoWeek(first, 40).day(1).isoformat(),
    )
