"""Gallstones without cholecystitis (K80.20) found on imaging do not explain the pain or the
vomiting that sent the patient to the scanner, so those symptoms stay coded; stones with
cholecystitis still take the symptoms in.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_CT = """CT ABDOMEN AND PELVIS WITH CONTRAST
REASON FOR EXAM: {reason}
TECHNIQUE: Axial images of the abdomen and pelvis were obtained after intravenous contrast.
FINDINGS: {findings}
IMPRESSION: {impression}
"""


def _codes(reason: str, findings: str, impression: str) -> list[str]:
    note = _CT.format(reason=reason, findings=findings, impression=impression)
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_simple_gallstones_leave_the_reason_for_the_scan_coded() -> None:
    codes = _codes(
        "Lower abdominal pain with nausea and vomiting.",
        "Several small stones lie in the gallbladder. The wall is not thickened.",
        "Cholelithiasis without evidence of cholecystitis.",
    )
    assert set(codes) == {"K80.20", "R10.30", "R11.2"}


def test_stones_with_acute_cholecystitis_take_the_symptoms_in() -> None:
    codes = _codes(
        "Right upper quadrant pain with nausea and vomiting.",
        "The gallbladder is distended with stones, a thickened wall and pericholecystic fluid.",
        "Acute calculous cholecystitis.",
    )
    assert codes == ["K80.00"]
