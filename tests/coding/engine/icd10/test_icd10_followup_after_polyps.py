"""A surveillance colonoscopy after polyps were removed that finds none is the follow-up
examination after completed treatment (Z09) with the personal history code (guideline
I.C.21.c.8); a polyp found is coded in its place, and a visit that only recalls the polyps is
no follow-up examination. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_SCOPE = """PREOPERATIVE DIAGNOSIS: History of colon polyps.
POSTOPERATIVE DIAGNOSIS: {finding}
PROCEDURE: Colonoscopy.
DESCRIPTION: After sedation the colonoscope was inserted and advanced to the cecum. {detail}
The scope was withdrawn. The patient tolerated the procedure well.
"""


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_surveillance_finding_no_polyp_is_the_follow_up_examination() -> None:
    found = _codes(
        _SCOPE.format(finding="Sigmoid diverticulosis.", detail="Scattered sigmoid diverticula.")
    )
    assert "Z09" in found and any(c.startswith("Z86.010") for c in found)


def test_the_follow_up_examination_is_sequenced_first_then_the_history() -> None:
    # I.C.21.c.8: the follow-up code first, then the history code; an incidental finding after
    found = _codes(
        _SCOPE.format(finding="Internal hemorrhoids.", detail="Small internal hemorrhoids.")
    )
    assert found[0] == "Z09"
    assert found.index("Z09") < next(i for i, c in enumerate(found) if c.startswith("Z86.010"))
    assert "K64.8" in found


def test_a_polyp_found_is_coded_in_place_of_the_follow_up() -> None:
    found = _codes(
        _SCOPE.format(finding="Sigmoid colon polyp.", detail="A 5 mm sigmoid polyp was snared.")
    )
    assert "Z09" not in found and "K63.5" in found


def test_a_visit_recalling_polyps_is_no_follow_up_examination() -> None:
    note = """HISTORY OF PRESENT ILLNESS: Seen for blood pressure. Her colonoscopy is due next year.
ASSESSMENT:
1. Essential hypertension.
2. History of colon polyps.
PLAN: Continue lisinopril. Schedule the colonoscopy.
"""
    found = _codes(note)
    assert any(c.startswith("Z86.010") for c in found) and "Z09" not in found
