"""An aneurysm is coded by its artery: an intracranial artery named with the word "artery"
before the aneurysm ("posterior communicating artery aneurysm") or an intracranial part of the
carotid ("supraclinoid") is a cerebral aneurysm (I67.1); the carotid, limb, renal, iliac,
vertebral and visceral arteries take their I72 codes; an aneurysm told of the aorta is the
aorta's; a ventricular aneurysm is the heart's (I25.3). Synthetic notes written for these
tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(impression: str) -> list[str]:
    note = f"PROCEDURE: Angiogram.\nIMPRESSION: {impression}\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_named_intracranial_artery_aneurysm() -> None:
    assert codes("Right posterior communicating artery aneurysm, 4 mm, unruptured.") == ["I67.1"]
    assert codes("Left middle cerebral artery aneurysm.") == ["I67.1"]
    assert codes("Supraclinoid aneurysm of the left internal carotid artery.") == ["I67.1"]


def test_aneurysm_by_artery_outside_the_skull() -> None:
    assert codes("Left common carotid artery aneurysm.") == ["I72.0"]
    assert codes("Right popliteal artery aneurysm.") == ["I72.4"]
    assert codes("Splenic artery aneurysm.") == ["I72.8"]
    assert codes("Left ventricular aneurysm.") == ["I25.3"]


def test_unplaced_aneurysm_told_again_is_the_placed_one() -> None:
    assert codes("Aneurysm.") == ["I72.9"]
    # the second statement's bare "aneurysm" is the first one's, not a second aneurysm
    assert codes("1. Left renal artery aneurysm, 2.5 cm.\n2. The aneurysm is unchanged.") == [
        "I72.2"
    ]
    # a membranous septal aneurysm is no ventricular (post-infarction) aneurysm
    assert "I25.3" not in codes("Aneurysm of the membranous ventricular septum.")
