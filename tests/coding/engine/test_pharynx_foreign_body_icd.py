"""A foreign body seen in the pharynx (the vallecula, the base of the tongue, the piriform
sinus) is T17.2-, food when a bone or food is named in its statement; a foreign body
sensation alone stays the symptom R09.A2. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_a_vallecular_foreign_body_is_t17_2() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Foreign body, left vallecula.\n"
        "PROCEDURE PERFORMED: Flexible laryngoscopy.\n"
        "PROCEDURE: The scope showed a white object in the left vallecula.\n"
    )
    codes = _icd(note)
    assert "T17.208A" in codes and "R09.A2" not in codes


def test_a_fish_bone_in_the_pharynx_is_food() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Fish bone foreign body at the base of the tongue.\n"
        "PROCEDURE PERFORMED: Flexible laryngoscopy.\n"
        "PROCEDURE: A fish bone was seen at the base of the tongue.\n"
    )
    assert "T17.228A" in _icd(note)


def test_a_foreign_body_sensation_is_the_symptom() -> None:
    note = (
        "CHIEF COMPLAINT: Foreign body sensation in the throat.\n"
        "ASSESSMENT: Foreign body sensation of the pharynx, no foreign body seen.\n"
        "PLAN: Reflux precautions.\n"
    )
    codes = _icd(note)
    assert not any(c.startswith("T17") for c in codes)
