"""A foreign body of the esophagus removed through a rigid esophagoscope is 43194, not also a
laryngoscopic foreign body removal (31530) because a direct laryngoscopy opened the case for
the airway; a foreign body taken from the larynx keeps 31530."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_esophageal_coin_after_a_direct_laryngoscopy_is_not_31530() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Esophageal foreign body.\n"
        "PROCEDURES PERFORMED:\n1. Direct laryngoscopy.\n"
        "2. Rigid esophagoscopy with removal of foreign body.\n"
        "DESCRIPTION: A direct laryngoscopy showed a normal larynx, and the child was "
        "intubated. A rigid esophagoscope was passed to the cricopharyngeus, where a coin was "
        "seen. The coin was grasped and removed with the scope.\n"
    )
    codes = _codes(note)
    assert "43194" in codes
    assert "31530" not in codes


def test_a_laryngeal_foreign_body_keeps_31530() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Foreign body of the larynx.\n"
        "PROCEDURE: Direct laryngoscopy with removal of foreign body.\n"
        "DESCRIPTION: Direct laryngoscopy showed a plastic fragment lodged at the glottis. It "
        "was grasped with cup forceps and removed.\n"
    )
    assert "31530" in _codes(note)
