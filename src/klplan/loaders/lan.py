"""County (län) calendars: derived conservatively from the county's municipalities by
``scripts/build_calendars.py`` (the latest start, the earliest end, the union of their
lov weeks), and refused for a school year whose municipalities have different sportlov
weeks. Apart from ``calendars`` because only ``--lan`` needs it."""

from __future__ import annotations

from klplan.core.errors import InputError, Where
from klplan.core.models import school_year_label
from klplan.loaders.calendar_schema import LanFile
from klplan.loaders.calendar_types import IndexEntry, YearFacts
from klplan.loaders.regions import bundled_file, kommun_names
from klplan.loaders.trusted import trusted
from klplan.messages import t


def lan_facts(
    entry: IndexEntry, first_year: int, years: int, own: dict[str, YearFacts]
) -> tuple[dict[str, YearFacts], str]:
    f = trusted(LanFile, bundled_file(entry.file))
    names = kommun_names()
    out: dict[str, YearFacts] = {}
    wanted = {school_year_label(y) for y in range(first_year, first_year + years)}
    for y in f.school_years:
        if y.mixed_sportlov:
            if y.school_year in wanted and y.school_year not in own:
                weeks = "; ".join(
                    t(
                        "region.week_list",
                        week=w,
                        names=", ".join(names.get(c, c) for c in codes),
                    )
                    for w, codes in sorted(y.mixed_sportlov.items())
                )
                raise InputError(
                    "region.mixed_sportlov",
                    where=Where(param="lan"),
                    lan=f.lan.name,
                    school_year=y.school_year,
                    weeks=weeks,
                )
            continue
        assert y.ht is not None and y.vt is not None
        out[y.school_year] = YearFacts(
            school_year=y.school_year,
            ht=y.ht,
            vt=y.vt,
            laslov_weeks=y.laslov_weeks,
            sportlov_weeks=y.sportlov_weeks,
            pasklov_weeks=y.pasklov_weeks,
            notes=y.notes,
        )
    return out, f.source + " (county calendar derived from its municipalities)"
