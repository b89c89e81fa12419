"""What a group's booked meetings give each participant, against Skolverket's
minimum: the module's ``hours`` count moments A, B and D and exclude C (done in
ordinary teaching; for skolledning, the leader's own actions). A is counted at the
material's lower estimate, B and D as booked. Light on purpose: the default
``klplan schedule`` checks its one group with it (klplan.core.budget, the full
budgets, is loaded only where they are shown)."""

from __future__ import annotations

from klplan.core.errors import Where
from klplan.core.plan import ModulePlan, Notice


def planned_minutes(plan: ModulePlan) -> tuple[int, int]:
    """(low, high) minutes of A + B + D over all parts: A as booked where the slot
    books it, else at the module's estimate (a range); B and D as booked."""
    m, slot = plan.module, plan.slot
    booked_a = slot.preparation_minutes
    a = (booked_a, booked_a) if booked_a is not None else m.moments["A"].minutes or (0, 0)
    booked = slot.minutes("B") + slot.minutes("D")
    return m.parts * (a[0] + booked), m.parts * (a[1] + booked)


def booked_notices(group: str, plan: ModulePlan, where: Where | None = None) -> list[Notice]:
    """Warnings for one group's module: a meeting booked shorter than the material's
    shortest B or D, and booked A + B + D below the module's minimum hours."""
    out: list[Notice] = []
    m, slot = plan.module, plan.slot
    for moment in ("B", "D"):
        least = m.moments[moment].minutes
        if least is not None and slot.minutes(moment) < least[0]:
            out.append(
                Notice(
                    "budget.short_meeting",
                    {
                        "group": group,
                        "moment": moment,
                        "minutes": slot.minutes(moment),
                        "least": least[0],
                    },
                    where,
                )
            )
    low = planned_minutes(plan)[0]
    if m.hours is not None and low < m.hours * 60:
        out.append(
            Notice(
                "budget.below_minimum",
                {
                    "group": group,
                    "module": m.title,
                    "planned": f"{low / 60:.1f}".removesuffix(".0"),
                    "minimum": f"{m.hours:g}",
                },
                where,
            )
        )
    return out
