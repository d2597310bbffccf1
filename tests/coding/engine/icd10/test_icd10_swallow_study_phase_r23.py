"""A swallow study that finds one phase of the swallow weak or delayed is dysphagia of that
phase (R13.11 oral, R13.12 oropharyngeal, R13.13 pharyngeal, R13.14 pharyngoesophageal), not
generalized weakness R53.1; the pharyngoesophageal phase is R13.14 (it had been given the
pharyngeal phase's R13.13). Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def _report(impression: str) -> str:
    return (
        "EXAM: Modified barium swallow.\n"
        "HISTORY: Trouble swallowing after a stroke.\n"
        "FINDINGS: Thin and thick liquids, puree and a cracker were given in the lateral "
        "position. No aspiration was seen.\n"
        f"IMPRESSION: {impression}\n"
    )


def test_weak_oral_phase_is_oral_phase_dysphagia() -> None:
    codes = _icd(
        _report("Weakness of the oral phase of swallowing with penetration of thin liquids.")
    )
    assert codes == ["R13.11"]


def test_delayed_pharyngeal_phase() -> None:
    assert _icd(_report("Delayed pharyngeal phase with mild vallecular residue.")) == ["R13.13"]


def test_pharyngoesophageal_phase_dysphagia_is_r13_14() -> None:
    assert _icd(_report("Pharyngoesophageal phase dysphagia.")) == ["R13.14"]


def test_generalized_weakness_stays_r53_1() -> None:
    note = (
        "CHIEF COMPLAINT: Generalized weakness.\n"
        "ASSESSMENT: Generalized weakness, likely from deconditioning.\n"
        "PLAN: Physical therapy.\n"
    )
    assert "R53.1" in _icd(note)
