"""Dental work done in an operating room (extractions, restorations, a full mouth
rehabilitation) has no CPT code of its own: it is the unlisted dentoalveolar procedure 41899
when it is the session's operation. Beside an abscess drained the extractions are left to the
dental claim, and a letter about a planned extraction codes nothing."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_extractions_under_general_anesthesia_are_41899() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Nonrestorable carious teeth.\n"
        "PROCEDURE: Extraction of teeth #3, #14, #19 and #30.\n"
        "DESCRIPTION: Under general anesthesia with a throat pack in place, each tooth was "
        "luxated with an elevator and delivered with forceps. The sockets were curetted and "
        "irrigated. The oral cavity was suctioned and the throat pack removed."
    )
    assert _codes(note) == ["41899"]


def test_a_full_mouth_rehabilitation_is_41899() -> None:
    note = (
        "OPERATION PERFORMED: Full mouth dental rehabilitation under general anesthesia.\n"
        "DESCRIPTION: After nasal intubation a throat pack was placed. The molars were restored "
        "with stainless steel crowns and the incisors with composite. Two primary teeth were "
        "extracted."
    )
    assert _codes(note) == ["41899"]


def test_extractions_beside_an_abscess_drained_are_left_to_the_dental_claim() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right buccal space abscess from tooth #30.\n"
        "PROCEDURES: 1. Incision and drainage of right buccal space abscess. 2. Extraction of "
        "tooth #30.\n"
        "DESCRIPTION: An intraoral incision was made in the vestibule and pus was drained. "
        "Tooth #30 was then extracted."
    )
    assert "41899" not in _codes(note)


def test_a_letter_about_a_planned_extraction_codes_nothing() -> None:
    note = (
        "Dear Dr. Smith\n"
        "Thank you for referring Mr. Jones for evaluation regarding extraction of tooth #18. "
        "We will plan to remove the tooth and place an implant after healing.\n"
        "Sincerely,"
    )
    assert "41899" not in _codes(note)
