"""Two readings of a bronchoscopy's diagnosis list: 'question' dictated for a question mark
makes what follows uncertain ("question varicosities"), and an eye-chapter title matched by
words that say nothing of the eye ("venous engorgement" of the airways) is no eye diagnosis
(H34.82- is the retinal venous engorgement)."""

from __future__ import annotations

from agentkit.coding.engine import analyze, assertion_of
from agentkit.coding.engine.coder import code_cpt


def _status(note: str, mention: str) -> str:
    doc = analyze(note)
    i = note.index(mention)
    return assertion_of(doc, i, i + len(mention)).status


NOTE = (
    "POSTOPERATIVE DIAGNOSES:\n"
    "1. Diffuse tracheobronchitis.\n"
    "2. Moderate venous engorgement with question pulmonary hypertension.\n"
    "PROCEDURE PERFORMED: Flexible bronchoscopy with bronchoalveolar lavage of the right "
    "middle lobe.\n"
    "INDICATIONS: Recurrent hemoptysis.\n"
    "DESCRIPTION: The scope was passed through the nose. The airway mucosa was red and "
    "swollen with engorged veins throughout. A lavage of the right middle lobe was sent for "
    "cultures and cytology.\n"
)


def test_question_before_a_diagnosis_makes_it_uncertain() -> None:
    assert _status(NOTE, "pulmonary hypertension") == "uncertain"


def test_airway_venous_engorgement_is_not_a_retinal_code() -> None:
    codes = [d["code"] for d in code_cpt(NOTE)["diagnoses"]]
    assert not any(c.startswith("H34") for c in codes)
    assert "I27.20" not in codes


def test_an_eye_title_with_an_eye_word_is_still_coded() -> None:
    note = (
        "CHIEF COMPLAINT: Double vision.\n"
        "HISTORY OF PRESENT ILLNESS: A 64-year-old woman has had binocular diplopia for three "
        "days without headache or weakness.\n"
        "ASSESSMENT: Diplopia.\n"
        "PLAN: MRI of the brain and orbits.\n"
    )
    assert "H53.2" in [d["code"] for d in code_cpt(note)["diagnoses"]]
