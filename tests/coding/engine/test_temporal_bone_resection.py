"""A temporal bone resected for an ear canal cancer is 69535 with its side (the mastoid drilling
and the parapharyngeal space freed on the way are part of it, no abscess drained); a craniotomy
that trims the temporal bone is not it."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_lateral_temporal_bone_resection_is_69535_with_its_side() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Squamous cell carcinoma of the left external auditory canal.\n"
        "PROCEDURE: Left lateral temporal bone resection.\n"
        "DESCRIPTION: A postauricular incision was made. A mastoidectomy was drilled and the "
        "facial recess opened; the ear canal, drum and tumor were removed in one piece. The "
        "parapharyngeal space was dissected to free the specimen. The wound was closed."
    )
    claim = code_cpt(note)
    line = claim["procedures"][0]
    assert (line["code"], line["modifiers"]) == ("69535", ["LT"])
    assert [p["code"] for p in claim["procedures"]] == ["69535"]


def test_a_craniotomy_trimming_the_temporal_bone_is_not_a_temporal_bone_resection() -> None:
    note = (
        "PROCEDURE: Right frontotemporal craniotomy for evacuation of a subdural hematoma.\n"
        "DESCRIPTION: The bone flap was elevated and more of the squamous temporal bone was "
        "resected with a rongeur to reach the middle fossa floor. The clot was evacuated."
    )
    assert "69535" not in _codes(note)
