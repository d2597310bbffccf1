"""The diagnosis a writer sets aside for another ("X rather than Y", "as opposed to Y") is not
coded; the one kept is. A wrist mass found to be synovitis rather than a ganglion is excised as
a synovectomy, not as a soft-tissue tumour. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _out(note: str) -> tuple[list[str], list[str]]:
    o = code_cpt(note)
    return [p["code"] for p in o["procedures"]], [d["code"] for d in o["diagnoses"]]


def test_the_diagnosis_set_aside_is_not_coded() -> None:
    note = """ASSESSMENT: Lesion of the right shoulder, a seborrheic keratosis rather than a
melanoma on dermoscopy.
PLAN: Reassurance; no biopsy needed.
"""
    _, icd = _out(note)
    assert "L82.1" in icd
    assert not any(c.startswith(("C43", "D03")) for c in icd)


def test_as_opposed_to_sets_a_diagnosis_aside_too() -> None:
    note = "IMPRESSION: Cellulitis of the left leg as opposed to deep vein thrombosis.\n"
    _, icd = _out(note)
    assert any(c.startswith("L03.11") for c in icd)
    assert not any(c.startswith("I82") for c in icd)


def test_other_than_names_the_exception_which_stays() -> None:
    note = "ASSESSMENT: Healthy apart from hypertension; nothing other than hypertension.\n"
    _, icd = _out(note)
    assert "I10" in icd


def test_a_wrist_mass_found_to_be_synovitis_is_no_tumour_excision() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Dorsal right wrist mass, suspected ganglion.
POSTOPERATIVE DIAGNOSIS: Dorsal right wrist mass of inflamed synovium bulging from the wrist
joint rather than a ganglion cyst.
PROCEDURE: Excision of right dorsal wrist mass with synovectomy of the wrist joint.
PROCEDURE DETAIL: Through a transverse dorsal incision the mass was found to be synovitis
protruding through the capsule; it was excised with the inflamed synovium of the radiocarpal
joint. The capsule and skin were closed.
"""
    cpt, icd = _out(note)
    assert "25075" not in cpt and "25071" not in cpt
    assert "M67.431" not in icd
