"""A ruptured intracranial aneurysm of a named artery is the subarachnoid hemorrhage from that
artery (I60.0-I60.6, with the side where the category has one); an unruptured one, or one told
without bleeding, stays I67.1. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_ruptured_middle_cerebral_aneurysm_with_side() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Ruptured left middle cerebral artery aneurysm.\n"
        "PROCEDURE: Left pterional craniotomy and clip ligation of the aneurysm.\n"
    )
    assert _codes(note) == ["I60.12"]


def test_hemorrhage_from_anterior_communicating_aneurysm() -> None:
    note = (
        "DIAGNOSIS: Subarachnoid hemorrhage from a ruptured anterior communicating artery "
        "aneurysm.\n"
    )
    assert _codes(note) == ["I60.2"]


def test_aneurysm_told_as_ruptured_after_its_name() -> None:
    note = "IMPRESSION: Right PCOM aneurysm that has ruptured, with blood in the basal cisterns.\n"
    assert "I60.31" in _codes(note)


def test_aneurysm_without_bleeding_is_not_a_hemorrhage() -> None:
    # traps: the hemorrhage and the rupture are denied
    note = "IMPRESSION: Left MCA aneurysm measuring 5 mm without subarachnoid hemorrhage.\n"
    assert _codes(note) == ["I67.1"]
    note = "IMPRESSION: Unruptured 6 mm basilar tip aneurysm with no evidence of rupture.\n"
    assert _codes(note) == ["I67.1"]
