"""An atrioventricular block of no stated degree is I44.30 (Index: Block, atrioventricular);
a stated degree keeps its own code, and "history of" one in an assessment is current (a
pacemaker treats it for life). Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_av_block_of_no_degree() -> None:
    assert _icd("ASSESSMENT:\n1. AV block.\n2. Hypertension.\n") == ["I44.30", "I10"]
    found = _icd("ASSESSMENT:\n1. History of atrial fibrillation.\n2. History of AV block.\n")
    assert found == ["I48.91", "I44.30"]
    # a stated degree keeps its own code; a drug class and a denial are no block
    assert _icd("ASSESSMENT:\n1. First-degree AV block.\n") == ["I44.0"]
    assert _icd("ASSESSMENT:\n1. Atrial fibrillation on AV nodal blocking agents.\n") == ["I48.91"]
    assert "I44.30" not in _icd("ASSESSMENT:\n1. Sinus bradycardia without AV block.\n")
