"""klplan's defaults and limits, in one place: what a run without a choice gets, and
where ``klplan validate`` starts to warn."""

from __future__ import annotations

from datetime import time

# ``klplan schedule`` without a plan file: the module, pace and region it plans.
DEFAULT_MODULE = "samtal-om-text"
DEFAULT_CADENCE = "intensiv"  # plan files too, for a group that names no cadence
# A förskola module (every school form förskola) meets about once a month, as
# Skolverket describes for förskolan; ``klplan schedule`` without --cadence.
DEFAULT_CADENCE_FORSKOLA = "manadsvis"
# The most school years ``klplan schedule`` spans on its own for a module that does
# not fit in one (and the longest span --school-years takes).
MAX_SCHOOL_YEARS = 4
DEFAULT_KOMMUN = "0180"
DEFAULT_KOMMUN_LABEL = "Stockholm (0180)"

# A group's meeting slot when none is given: Wednesday 15:00, 90 minutes.
DEFAULT_WEEKDAY = 2  # 0 = Monday
DEFAULT_TIME = time(15, 0)
DEFAULT_DURATION = 90  # minutes

# A leader's load beyond which ``klplan validate`` warns: more groups than this, or
# more meetings a week on average than this.
MAX_GROUPS_PER_LEADER = 4
MAX_MEETINGS_PER_WEEK = 2.0
GROUP_SIZE = (4, 8)  # participants: Skolverket's recommendation
DATES_SHOWN = 3  # dates named in a leader-conflict message
