"""An intracranial aneurysm whose bleeding around the brain the note tells (a subarachnoid
hemorrhage, a rupture), also in its history, is the ruptured aneurysm I60.- rather than the
nonruptured I67.1; a denied or a traumatic subarachnoid hemorrhage leaves it I67.1.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_aneurysm_with_a_subarachnoid_hemorrhage_in_the_history() -> None:
    note = (
        "IMPRESSION: Posterior communicating artery aneurysm, 7 mm.\n"
        "HISTORY: Worst headache of her life yesterday; CT showed a subarachnoid hemorrhage.\n"
    )
    assert _codes(note) == ["I60.9"]


def test_denied_hemorrhage_keeps_the_unruptured_code() -> None:
    # trap: the CT shows no bleeding
    note = (
        "IMPRESSION: Posterior communicating artery aneurysm, 7 mm.\n"
        "HISTORY: Headaches. CT showed no subarachnoid hemorrhage.\n"
    )
    assert _codes(note) == ["I67.1"]
    assert _codes("IMPRESSION: Small left MCA aneurysm, found incidentally.\n") == ["I67.1"]


def test_traumatic_subarachnoid_hemorrhage_is_not_the_aneurysm_s() -> None:
    note = (
        "IMPRESSION: Basilar tip aneurysm.\n"
        "HISTORY: Fell down the stairs; CT showed a traumatic subarachnoid hemorrhage.\n"
    )
    assert "I60.9" not in _codes(note)
