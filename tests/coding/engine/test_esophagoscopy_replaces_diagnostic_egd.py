"""A therapeutic flexible esophagoscopy (foreign body removal, dilation, biopsy) replaces a
diagnostic EGD of the same session: the look is part of the therapeutic endoscopy (43215, not
43215 + 43235-52)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def test_esophageal_foreign_body_removal_drops_the_diagnostic_egd() -> None:
    note = (
        "PROCEDURE: Flexible esophagoscopy with removal of foreign body.\n"
        "DESCRIPTION: Under general anesthesia a flexible EGD was done. A swallowed marble "
        "was seen in the mid esophagus, caught in a retrieval basket and removed. "
        "No mucosal tear was seen.\n"
    )
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert "43215" in codes
    assert "43235" not in codes


def test_a_full_diagnostic_egd_alone_is_unchanged() -> None:
    note = (
        "PROCEDURE: Esophagogastroduodenoscopy.\n"
        "DESCRIPTION: The gastroscope was passed into the esophagus, which was normal. The "
        "stomach and the duodenal bulb and second portion of the duodenum were normal.\n"
    )
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert codes == ["43235"]
