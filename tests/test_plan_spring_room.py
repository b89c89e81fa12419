"""per_term after a module that runs over into the spring term (issue 16): two
treveckors modules a year, the second starting in VT where the first leaves room."""

from __future__ import annotations

import pytest

from klplan.core.scheduler import SchoolWeeks
from tests.plan_helpers import BASE, group, in_tmp, plan_text, schedule

pytestmark = pytest.mark.usefixtures("in_tmp")
__all__ = ["in_tmp"]

TWO_YEARS = BASE.replace("[2025/26]", "[2025/26, 2026/27]")


def test_the_second_treveckors_module_starts_in_the_spring_after_the_first(in_tmp):
    outcome = schedule(
        in_tmp,
        plan_text(
            """\
            - id: lag
              participants: 6
              leader: anna
              modules: [samtal-om-text, skrivundervisning]
              cadence: treveckors
              start: 2025-W35
            """,
            base=TWO_YEARS,
        ),
    )
    first, second = group(outcome, "lag").plans
    # The first runs from HT 2025 into VT 2026 ...
    assert first.meetings[0].term.label == "HT 2025"
    assert first.meetings[-1].term.label == "VT 2026"
    # ... and the second starts at the next cadence step after it, in VT 2026, not
    # in HT 2026 (which left VT's last weeks empty).
    weeks = SchoolWeeks(outcome.calendar, 2)
    last_d = weeks.index_from(first.meetings[-1].week)
    # treveckors: B, two open weeks, D, one open week, the next B.
    assert second.meetings[0].week == weeks.open[last_d + 1].week
    assert second.meetings[0].term.label == "VT 2026"
    assert (str(first.meetings[-1].week), str(second.meetings[0].week)) == (
        "2026-W11",
        "2026-W12",
    )
    # It carries on over sommarlov into HT 2026.
    assert second.meetings[-1].term.label == "HT 2026"
