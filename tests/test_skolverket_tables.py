"""Skolverket's two example tables (domain.md) must come out exactly, whatever week
the municipality's sportlov is in. Parts 1–4 in HT 2025, 5–8 in VT 2026."""

import pytest

from tests.conftest import assert_no_meeting_in, meeting_weeks, plan_for

# Autumn is the same everywhere (läslov v44).
INTENSIV_HT = {1: (40, 41), 2: (42, 43), 3: (45, 46), 4: (47, 48)}
TREVECKORS_HT = {1: (38, 40), 2: (41, 43), 3: (45, 47), 4: (48, 50)}

# Spring, per sportlov week, read off the tables' "v7/8", "v8/9", "v9/10" cells.
INTENSIV_VT = {
    7: {5: (4, 5), 6: (6, 8), 7: (9, 10), 8: (11, 12)},
    8: {5: (4, 5), 6: (6, 7), 7: (9, 10), 8: (11, 12)},
    9: {5: (4, 5), 6: (6, 7), 7: (8, 10), 8: (11, 12)},
    10: {5: (4, 5), 6: (6, 7), 7: (8, 9), 8: (11, 12)},
}
TREVECKORS_VT = {
    7: {5: (2, 4), 6: (5, 8), 7: (9, 11), 8: (12, 14)},
    8: {5: (2, 4), 6: (5, 7), 7: (9, 11), 8: (12, 14)},
    9: {5: (2, 4), 6: (5, 7), 7: (8, 11), 8: (12, 14)},
    10: {5: (2, 4), 6: (5, 7), 7: (8, 11), 8: (12, 14)},
}

# One municipality per sportlov week (påsklov in v15, after both tables end).
KOMMUNER = {7: "Jönköping", 8: "Boxholm", 9: "Stockholm", 10: "Sundsvall"}


@pytest.mark.parametrize("sportlov", [7, 8, 9, 10])
def test_intensivlasa_table(sportlov):
    plan = plan_for(
        cadence="intensiv",
        kommun=KOMMUNER[sportlov],
        start="2025-W40",
        spring_start="2026-W04",
    )
    assert meeting_weeks(plan) == INTENSIV_HT | INTENSIV_VT[sportlov]
    assert_no_meeting_in(plan, "2025-W44")
    assert_no_meeting_in(plan, f"2026-W{sportlov:02d}")


@pytest.mark.parametrize("sportlov", [7, 8, 9, 10])
def test_treveckorsintervall_table(sportlov):
    plan = plan_for(
        cadence="treveckors",
        kommun=KOMMUNER[sportlov],
        start="2025-W38",
        spring_start="2026-W02",
    )
    assert meeting_weeks(plan) == TREVECKORS_HT | TREVECKORS_VT[sportlov]


def test_treveckors_c_spans_the_two_weeks_after_b():
    plan = plan_for(cadence="treveckors", start="2025-W38", spring_start="2026-W02")
    b, d = plan.part_meetings(1)
    assert [w.week for w in d.prep_weeks] == [39, 40]
    assert [w.week for w in b.prep_weeks] == [38]


def test_the_closed_weeks_of_the_table_are_named():
    plan = plan_for(kommun="Stockholm", start="2025-W40", spring_start="2026-W04")
    reasons = {str(c.week): c.reason.code for c in plan.closed_weeks}
    assert reasons["2025-W44"] == "laslov"
    assert reasons["2026-W09"] == "sportlov"
    assert reasons["2026-W01"] == "jullov"
