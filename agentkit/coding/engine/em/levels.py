"""From MDM elements or total time to the E/M code (2021+ office rules, 2023 ED, hospital and
nursing facility).

The MDM level is the level met or exceeded by two of the three elements. When total time on the
date of the encounter is documented, the level it supports is used instead if it is higher.
"""

from __future__ import annotations

__all__ = ["MDM_NAMES", "code_for", "mdm_level", "time_level"]

MDM_NAMES = ("straightforward", "low", "moderate", "high")

_CODES = {
    ("office", "new"): ("99202", "99203", "99204", "99205"),
    ("office", "established"): ("99212", "99213", "99214", "99215"),
    ("emergency", "new"): ("99282", "99283", "99284", "99285"),
    ("emergency", "established"): ("99282", "99283", "99284", "99285"),
    ("hospital", "new"): ("99221", "99221", "99222", "99223"),
    ("hospital", "established"): ("99221", "99221", "99222", "99223"),
    ("subsequent", "new"): ("99231", "99231", "99232", "99233"),
    ("subsequent", "established"): ("99231", "99231", "99232", "99233"),
    # nursing facility: initial care (the admission to the facility) and subsequent visits
    ("nursing_initial", "new"): ("99304", "99304", "99305", "99306"),
    ("nursing_initial", "established"): ("99304", "99304", "99305", "99306"),
    ("nursing", "new"): ("99307", "99308", "99309", "99310"),
    ("nursing", "established"): ("99307", "99308", "99309", "99310"),
}
# lowest total minutes for each level (straightforward, low, moderate, high)
_TIME = {
    ("office", "new"): (15, 30, 45, 60),
    ("office", "established"): (10, 20, 30, 40),
    ("hospital", "new"): (40, 40, 55, 75),
    ("hospital", "established"): (40, 40, 55, 75),
    ("subsequent", "new"): (25, 25, 35, 50),
    ("subsequent", "established"): (25, 25, 35, 50),
    ("nursing_initial", "new"): (25, 25, 35, 50),
    ("nursing_initial", "established"): (25, 25, 35, 50),
    ("nursing", "new"): (10, 15, 30, 45),
    ("nursing", "established"): (10, 15, 30, 45),
}


def mdm_level(problems: int, data: int, risk: int) -> int:
    """The level (0-3) met or exceeded by two of the three elements."""
    return sorted((problems, data, risk), reverse=True)[1]


def time_level(setting: str, status: str, minutes: int | None) -> int | None:
    """The level total time supports, or None (no time, too little, or a setting without
    time-based codes such as the emergency department)."""
    table = _TIME.get((setting, status))
    if table is None or minutes is None or minutes < table[0]:
        return None
    return max(i for i, floor in enumerate(table) if minutes >= floor)


def code_for(setting: str, status: str, level: int) -> str:
    return _CODES[(setting, status)][max(0, min(3, level))]
