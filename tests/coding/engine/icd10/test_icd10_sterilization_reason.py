"""'Family planning' told in the note of a sterilization done is the reason for the operation
(index: Sterilization, admission for Z30.2), not contraceptive counseling (Z30.09), which a
visit that only counsels keeps. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_VASECTOMY = """PREOPERATIVE DIAGNOSIS: Family planning.
POSTOPERATIVE DIAGNOSIS: Family planning.
PROCEDURE: Bilateral vasectomy.
DESCRIPTION: Each vas was isolated through a small scrotal opening, a segment was removed and
the ends were cauterized and tied. The skin was closed with chromic sutures.
"""

_VISIT = """ASSESSMENT:
1. Family planning.
PLAN: Options reviewed; she will start an oral contraceptive and return in three months.
"""


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_family_planning_at_a_vasectomy_is_the_sterilization() -> None:
    found = _codes(_VASECTOMY)
    assert "Z30.2" in found and "Z30.09" not in found


def test_family_planning_at_a_visit_stays_counseling() -> None:
    found = _codes(_VISIT)
    assert "Z30.09" in found and "Z30.2" not in found
