"""Type 2 diabetes treated with an oral agent named by a brand or a less common generic
(DiaBeta, Prandin, Onglyza, Invokana, acarbose) takes Z79.84, with Z79.4 beside it when
insulin is taken too (guideline I.C.4.a.3)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> set[str]:
    return {d["code"] for d in code_cpt(note)["diagnoses"]}


_NOTE = (
    "ASSESSMENT: Type 2 diabetes mellitus.\n"
    "MEDICATIONS: {drugs}.\n"
    "PLAN: Continue the current regimen and recheck the hemoglobin A1c in 3 months.\n"
)


def test_diabeta_with_insulin_takes_both_codes() -> None:
    assert {"E11.9", "Z79.4", "Z79.84"} <= codes(
        _NOTE.format(drugs="DiaBeta 5 mg daily, Lantus 20 units at bedtime")
    )


def test_a_gliflozin_brand_alone_is_z79_84() -> None:
    found = codes(_NOTE.format(drugs="Invokana 100 mg daily"))
    assert "Z79.84" in found and "Z79.4" not in found


def test_no_oral_agent_no_z79_84() -> None:
    assert "Z79.84" not in codes(_NOTE.format(drugs="Lisinopril 10 mg daily"))
