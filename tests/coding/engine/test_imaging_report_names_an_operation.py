"""An imaging report bills its study and the procedures its reader does under imaging. A major
operation (90-day global) it names, such as a joint prosthesis that causes artifact or a graft
repair being followed up, is the patient's anatomy, never the radiologist's service: it is left
to the alternatives. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.cpt.coder import code_procedures


def _codes(note: str) -> set[str]:
    return {p["code"] for p in code_cpt(note)["procedures"]}


_CT = (
    "EXAM: CT of the pelvis with contrast.\n"
    "REASON FOR EXAM: Pelvic pain.\n"
    "TECHNIQUE: Axial images of the pelvis were obtained after intravenous contrast. "
    "Streak artifact from the right total hip arthroplasty limits the view of the bladder base. "
    "No free fluid. The sigmoid colon has scattered diverticula without inflammation.\n"
    "IMPRESSION: No acute pelvic process.\n"
)


def test_a_hip_prosthesis_causing_artifact_is_not_a_hip_arthroplasty() -> None:
    found = _codes(_CT)
    assert "27130" not in found
    assert "72193" in found


def test_the_operation_stays_among_the_alternatives_with_its_reason() -> None:
    result = code_procedures(analyze(_CT))
    alt = {a["code"]: a["why"] for a in result.alternatives}
    assert "27130" in alt
    assert "anatomy" in alt["27130"]


def test_an_operative_note_keeps_its_hip_arthroplasty() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Osteoarthritis of the right hip.\n"
        "PROCEDURE: Right total hip arthroplasty.\n"
        "DESCRIPTION: Through a posterior approach the femoral head was resected, the acetabulum "
        "reamed and a cup impacted, and the femoral canal broached and a stem seated. The hip "
        "was reduced and the wound closed in layers.\n"
    )
    assert "27130" in _codes(note)


def test_an_image_guided_procedure_of_the_reader_is_still_coded() -> None:
    note = (
        "EXAM: CT-guided biopsy of a left kidney mass.\n"
        "HISTORY: Left renal mass.\n"
        "TECHNIQUE: After consent, local anesthesia was given and an 18-gauge needle was "
        "advanced into the left renal mass under CT guidance. Two core biopsies were obtained.\n"
        "IMPRESSION: Successful biopsy.\n"
    )
    assert "50200" in _codes(note)
