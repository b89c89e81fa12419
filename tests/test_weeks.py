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


# --- the school-year rule (klplan.core.schoolyear): one place for "from July" --------
@pytest.mark.parametrize(
    "day,year",
    [
        (date(2026, 6, 30), 2025),  # the last day of June: still the year before
        (date(2026, 7, 1), 2026),  # July starts the school year
        (date(2026, 11, 23), 2026),
        (date(2026, 12, 31), 2026),
        (date(2027, 1, 1), 2026),
    ],
)
def test_a_day_belongs_to_the_school_year_that_starts_in_july(day, year):
    from klplan.core.schoolyear import school_year_of

    assert school_year_of(day) == year


def test_a_week_belongs_where_its_monday_does():
    from klplan.core.schoolyear import school_year_of

    w27 = IsoWeek(2025, 27)  # Monday 30 June, Sunday 6 July
    assert (w27.monday, w27.day(6)) == (date(2025, 6, 30), date(2025, 7, 6))
    assert school_year_of(w27) == 2024
    assert school_year_of(w27 + 1) == 2025
    assert school_year_of(IsoWeek(2027, 1)) == 2026  # W01 of 2027 starts in January
    assert school_year_of(IsoWeek(2026, 53)) == 2026  # Monday 28 December 2026


def test_every_use_of_the_rule_agrees_with_it():
    """The example plan's year, ``klplan calendar``'s default year and the xlsx file's
    creation date (1 July of the calendar's first school year) follow the one rule."""
    from datetime import UTC, datetime

    from klplan.app.example import example_plan
    from klplan.app.school_calendar import CalendarRequest, school_calendar
    from klplan.render.xlsx import default_created
    from tests.schedules import two_groups

    assert default_created(two_groups()) == datetime(2026, 7, 1, tzinfo=UTC)

    assert "school_years: [2026/27]" in example_plan(date(2026, 7, 1))
    # As klplan calendar: the next school year once the current one's last day is past.
    assert "school_years: [2026/27]" in example_plan(date(2026, 6, 30))
    assert "school_years: [2025/26]" in example_plan(date(2026, 6, 11))
    assert school_calendar(CalendarRequest(date(2026, 11, 23))).school_year == 2026
    assert school_calendar(CalendarRequest(date(2027, 3, 1))).school_year == 2026
