"""Arteries named by the disease a report or a diagnosis list finds in them.

Plaque in a named coronary artery is coronary atherosclerosis (I25.10), calcified plaque adds
the calcified lesion (I25.84). A narrowed or blocked leg artery is atherosclerosis of the
native leg arteries with its side (I70.20-), with claudication I70.21-; peripheral arterial
disease told beside it is not coded again (I73.9 excludes I70.2-).
"""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_plaque_in_a_named_coronary_artery() -> None:
    calcified = (
        "EXAM: CT angiography of the coronary arteries.\n"
        "IMPRESSION: Dense calcific plaque within the proximal left anterior descending artery"
        " without a flow-limiting stenosis.\n"
    )
    # the tabular says to code the atherosclerosis first
    assert _icd(calcified) == ["I25.10", "I25.84"]
    soft = (
        "EXAM: CT angiography of the coronary arteries.\n"
        "IMPRESSION: Mild noncalcified plaque in the proximal right coronary artery.\n"
    )
    assert _icd(soft) == ["I25.10"]
    clean = (
        "EXAM: CT angiography of the coronary arteries.\n"
        "IMPRESSION: No plaque in the left main or left anterior descending artery.\n"
    )
    assert "I25.10" not in _icd(clean)


def test_leg_artery_stenosis_by_side() -> None:
    left = (
        "POSTOPERATIVE DIAGNOSIS: Left superficial femoral artery stenosis.\n"
        "PROCEDURE: Left superficial femoral artery balloon angioplasty.\n"
    )
    assert _icd(left) == ["I70.202"]
    claudication = (
        "DIAGNOSIS: Peripheral arterial disease with right popliteal artery occlusion and"
        " claudication.\nPROCEDURE: Right lower extremity angiogram.\n"
    )
    assert _icd(claudication) == ["I70.211"]


def test_plaque_under_the_artery_heading() -> None:
    note = (
        "EXAM: Coronary CT angiography.\n"
        "IMPRESSION:\n"
        "Single vessel analysis:\n"
        "LM: There is mixed calcific and noncalcified plaque within the LM without a"
        " high-grade stenosis.\n"
    )
    assert "I25.10" in _icd(note)
