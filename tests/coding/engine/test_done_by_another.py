"""A service told as another clinician's part of a shared operation ("rigid sigmoidoscopy by
Dr. X", "tube placement by Dr. Y from ENT", "please see his dictation") is that clinician's
claim, not this note's; "requested by" or "assisted by" names no other performer."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_colleagues_part_told_with_by_doctor_is_not_billed() -> None:
    note = (
        "PROCEDURES PERFORMED: Diagnostic laparoscopy. Rigid sigmoidoscopy by Dr. Brown.\n"
        "DESCRIPTION: The abdomen was insufflated and the peritoneum inspected; no implants.\n"
    )
    assert codes(note) == ["49320"]


def test_a_colleagues_part_written_up_in_his_own_dictation_is_not_billed() -> None:
    note = (
        "PROCEDURES PERFORMED: Diagnostic laparoscopy. Rigid sigmoidoscopy (please see Dr. "
        "Brown's dictation).\n"
        "DESCRIPTION: The abdomen was insufflated and the peritoneum inspected; no implants.\n"
    )
    assert codes(note) == ["49320"]


def test_a_service_named_with_another_department_is_not_billed() -> None:
    note = (
        "PROCEDURE: Repair of cleft lip.\n"
        "DESCRIPTION: The lip was repaired in layers. The child then had bilateral "
        "myringotomy with tube placement by Dr. Lee of Otolaryngology.\n"
    )
    assert "69436" not in codes(note)


def test_the_same_service_told_as_done_by_this_author_is_billed() -> None:
    note = (
        "PROCEDURE: Bilateral myringotomy with tube placement.\n"
        "DESCRIPTION: Under mask anesthesia the tympanic membranes were incised and "
        "tympanostomy tubes were placed in both ears, assisted by Dr. Lee.\n"
    )
    assert codes(note) == ["69436"]


def test_a_study_requested_by_a_doctor_is_still_the_readers_study() -> None:
    note = (
        "EXAM: CT of the head without contrast requested by Dr. Patel.\n"
        "FINDINGS: No hemorrhage, mass or midline shift.\n"
        "IMPRESSION: Normal noncontrast CT of the head.\n"
    )
    assert codes(note) == ["70450"]


def test_an_excision_after_a_radiologists_wire_localization_is_the_marked_lesion_code() -> None:
    note = (
        "PROCEDURE: Excisional biopsy of the left breast mass.\n"
        "DESCRIPTION: Earlier today the patient underwent a wire localization by Dr. Reed. "
        "The left breast mass around the wire was excised with a margin and sent to pathology.\n"
    )
    assert codes(note) == ["19125"]
