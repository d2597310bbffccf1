"""A diagnostic laparoscopy is a CPT separate procedure: whatever family's rule reports the
laparoscopic operation, the look around the abdomen is part of it."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

PYELOPLASTY = """PREOPERATIVE DIAGNOSIS: Right ureteropelvic junction obstruction.
PROCEDURE: Robotic-assisted laparoscopic dismembered pyeloplasty, right.
DESCRIPTION: Ports were placed and diagnostic laparoscopy showed no other abnormality. The
renal pelvis was divided, the narrow segment excised and the ureter spatulated, and the
anastomosis was completed over a double-J stent.
"""

DIAGNOSTIC_ONLY = """PREOPERATIVE DIAGNOSIS: Chronic pelvic pain.
PROCEDURE: Diagnostic laparoscopy.
DESCRIPTION: Ports were placed under direct vision and the pelvis and upper abdomen were
inspected. No endometriosis or adhesions were seen. The ports were removed.
"""


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_laparoscopic_operation_includes_the_diagnostic_laparoscopy() -> None:
    assert _codes(PYELOPLASTY) == ["50544"]


def test_a_diagnostic_laparoscopy_alone_is_reported() -> None:
    assert _codes(DIAGNOSTIC_ONLY) == ["49320"]
