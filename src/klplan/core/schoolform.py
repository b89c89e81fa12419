"""What follows the school form: the default cadence (förskola meets about once a
month, as Skolverket describes), and wording. In a skolledning module (for principals and
other school leaders, school form ``skolledning`` only) moment C is the leader's own
actions in their organisation, not an activity in ordinary teaching, and a leader's
check-ins are with their närmaste chef (line manager) rather than the rektor."""

from __future__ import annotations

from klplan.core.defaults import DEFAULT_CADENCE, DEFAULT_CADENCE_FORSKOLA
from klplan.core.models import Module

LEADERSHIP = "skolledning"
# The key a skolledning module's moment C is worded by (klplan.render.ics_content).
LEADERSHIP_C = "C_leadership"


def for_leaders(module: Module) -> bool:
    """A module for school leaders only (every school form is skolledning)."""
    return all(form == LEADERSHIP for form in module.school_forms)


def moment_key(module: Module, moment: str) -> str:
    """How ``moment`` of ``module`` is worded: ``LEADERSHIP_C`` for a skolledning
    module's C, else the moment itself."""
    return LEADERSHIP_C if moment == "C" and for_leaders(module) else moment


def default_cadence(module: Module) -> str:
    """The cadence a module gets when none is asked for: about one meeting a month
    for a förskola module (as Skolverket describes), intensiv for every other one."""
    forskola = all(form == "förskola" for form in module.school_forms)
    return DEFAULT_CADENCE_FORSKOLA if forskola else DEFAULT_CADENCE
