"""The warnings about a plan file's time budgets (``klplan schedule PLAN`` and
``klplan validate``): a group's meetings booked shorter than the material asks, or
its booked A + B + D below the module's minimum hours, and a leader whose weekly
hours need more than the share of a post the plan gives them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klplan.core.booked import booked_notices
from klplan.core.plan import Notice

if TYPE_CHECKING:
    from klplan.core.outcome import ScheduleOutcome
    from klplan.loaders.plan import LoadedPlan


def budget_warnings(plan: LoadedPlan, outcome: ScheduleOutcome) -> list[Notice]:
    out: list[Notice] = []
    index = {g.id: g.index for g in plan.groups}
    for g in outcome.groups:
        where = plan.where("groups", index[g.id], "slot") if g.id in index else None
        for p in g.plans:
            out += booked_notices(g.id, p, where)
    leaders = {x.id: i for i, x in enumerate(plan.spec.leaders)}
    for b in outcome.budgets.leaders:
        if b.over_post:
            out.append(
                Notice(
                    "budget.over_post",
                    {
                        "leader": b.leader,
                        "share": round(b.post_share * 100),
                        "hours": f"{b.hours_per_week:.1f}",
                        "post": b.post_percent,
                    },
                    plan.where("leaders", leaders[b.leader], "post_percent"),
                )
            )
    return out
