"""Claudication whose leg artery the note shows narrowed or blocked is atherosclerosis of the
native leg arteries with intermittent claudication (I70.21-), on the side the claudication is
told; with no such finding, or a finding denied, it stays I73.9. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_claudication_with_an_occluded_leg_artery() -> None:
    note = (
        "POSTPROCEDURE DIAGNOSIS: Right calf claudication.\n"
        "FINDINGS: The right superficial femoral artery is occluded at the adductor canal and "
        "the popliteal artery reconstitutes.\n"
    )
    assert _codes(note) == ["I70.211"]


def test_claudication_with_stenosis_of_the_iliac_artery_left() -> None:
    note = (
        "PREPROCEDURE DIAGNOSIS: Left buttock claudication.\n"
        "FINDINGS: Severe stenosis of the left common iliac artery.\n"
    )
    assert _codes(note)[0] == "I70.212"


def test_no_stenosis_keeps_the_symptom_code() -> None:
    # trap: the angiogram is normal
    note = (
        "POSTPROCEDURE DIAGNOSIS: Right calf claudication.\n"
        "FINDINGS: No significant stenosis of the iliac, femoral or popliteal arteries.\n"
    )
    assert _codes(note) == ["I73.9"]
    assert _codes("ASSESSMENT: Claudication of both legs.\n") == ["I73.9"]


def test_neurogenic_claudication_is_not_vascular() -> None:
    assert _codes("ASSESSMENT: Lumbar stenosis with neurogenic claudication.\n") == ["M48.062"]
