"""A pleural-based mass cut off the chest wall with its parietal pleura under the thoracoscope
is a thoracoscopic partial pleurectomy (32656), not a diagnostic thoracoscopy (32601); a
thoracoscopy that only biopsies the pleura stays 32609."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_pleural_mass_resected_through_the_thoracoscope() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right pleural-based nodule.\n"
        "PROCEDURES PERFORMED:\n1. Right thoracoscopy.\n"
        "2. Resection of right pleural-based mass through a small utility incision.\n"
        "DESCRIPTION: A 10 mm thoracoscope was placed. A pedunculated pleural mass was seen on the "
        "lateral chest wall. A 3 cm utility incision was made without spreading the ribs. The "
        "parietal pleura around its stalk was resected with cautery scissors and the mass was "
        "removed in a bag. A chest tube was placed."
    )
    assert _codes(note) == ["32656"]


def test_pleural_biopsy_only_stays_32609() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right pleural effusion.\n"
        "PROCEDURE PERFORMED: Right video-assisted thoracoscopy with pleural biopsies.\n"
        "DESCRIPTION: The thoracoscope was placed, the effusion drained and several biopsies of "
        "the parietal pleura were taken. A chest tube was placed."
    )
    assert "32656" not in _codes(note)
    assert _codes(note)[0] == "32609"
