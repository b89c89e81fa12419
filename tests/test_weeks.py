from datetime import date

import pytest

from klplan.core.weeks import IsoWeek, weeks_between, weeks_in_year


def test_2026_has_53_iso_weeks_and_2025_has_52():
    assert weeks_in_year(2026) == 53
    assert weeks_in_year(2025) == 52


def test_week_53_of_2026_runs_from_28_december_to_3_january():
    w53 = IsoWeek.parse("2026-W53")
    assert w53.monday == date(2026, 12, 28)
    assert w53.day(6) == date(2027, 1, 3)


def test_stepping_through_the_turn_of_a_53_week_year():
    assert [str(w) for w in weeks_between(IsoWeek(2026, 52), IsoWeek(2027, 1))] == [
        "2026-W52",
        "2026-W53",
        "2027-W01",
    ]
    assert IsoWeek(2026, 53) + 1 == IsoWeek(2027, 1)
    assert IsoWeek(2025, 52) + 1 == IsoWeek(2026, 1)


@pytest.mark.parametrize("text", ["2025-W53", "2025-W00", "2025-40", "v40", "2025-W", ""])
def test_weeks_that_do_not_exist_are_refused(text):
    with pytest.raises(ValueError):
        IsoWeek.parse(text)


@pytest.mark.parametrize("text", ["2025-W40", "2025W40", "2025-w40", " 2025-W40 "])
def test_week_spellings(text):
    assert IsoWeek.parse(text) == IsoWeek(2025, 40)
