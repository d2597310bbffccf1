"""A pathologist's report laid out as CLINICAL HISTORY / SPECIMEN / FINAL DIAGNOSIS (no
microscopic or gross headings) names the parts the surgeon sent ("lymph node, biopsy level
7"): it bills none of the surgeon's procedures. An operative note with a specimens line and a
final diagnosis keeps its codes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_specimen_and_final_diagnosis_report_codes_no_procedure() -> None:
    note = (
        "CLINICAL HISTORY: A 61-year-old with a left lower lobe mass.\n\n"
        "SPECIMEN:\nA. Lung, left lower lobectomy\nB. Lymph node, biopsy station 7\n\n"
        "FINAL DIAGNOSIS:\nA. Left lower lobe lobectomy: squamous cell carcinoma, 3 cm, "
        "margins free.\nB. Station 7 lymph node biopsy: four nodes, no tumor.\n\n"
        "COMMENT: The tumor does not reach the pleura.\n"
    )
    assert codes(note) == []


def test_operative_note_with_specimen_and_final_diagnosis_keeps_its_code() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Left axillary mass.\n"
        "PROCEDURE: Excisional biopsy of left axillary lymph node.\n"
        "DESCRIPTION: Through a small incision the node was dissected free and removed.\n"
        "SPECIMEN: Left axillary lymph node.\n"
        "FINAL DIAGNOSIS: Pending pathology.\n"
    )
    assert codes(note) != []
