"""A tracheoesophageal puncture for a voice prosthesis is 31611, at the laryngectomy or later;
the direct laryngoscopy that opens a laryngectomy, and the frozen-section biopsies of its
margins, are part of the open resection (no 31525/31535)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_laryngectomy_with_primary_puncture() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Squamous cell carcinoma of the glottic larynx.\n"
        "PROCEDURE: Total laryngectomy and primary tracheoesophageal puncture.\n"
        "DESCRIPTION: Direct laryngoscopy was performed first and photographs taken of the "
        "tumor. An apron incision was made and the larynx removed from the hyoid to the "
        "second tracheal ring. A frozen section biopsy of the tracheal margin was negative. "
        "A tracheoesophageal puncture was made with a right-angle clamp and a catheter "
        "placed. The pharynx was closed and the stoma matured."
    )
    codes = _codes(note)
    assert "31360" in codes
    assert "31611" in codes
    assert not {"31525", "31526", "31535", "31536"} & set(codes)


def test_a_fistula_seen_or_closed_is_no_puncture() -> None:
    note = (
        "PROCEDURE: Rigid bronchoscopy and esophagoscopy.\n"
        "FINDINGS: An acquired tracheoesophageal fistula was seen 3 cm above the carina.\n"
        "DESCRIPTION: The fistula was measured and photographed; no intervention was done."
    )
    assert "31611" not in _codes(note)


def test_prosthesis_exchange_is_not_a_new_puncture() -> None:
    note = (
        "PROCEDURE: Exchange of tracheoesophageal voice prosthesis.\n"
        "DESCRIPTION: The leaking voice prosthesis was removed and a new 16 French prosthesis "
        "was inserted through the existing puncture."
    )
    assert "31611" not in _codes(note)
