"""A PICC that cannot be advanced to the central veins and is left as a midline catheter is a
peripheral catheter placed by the physician (36410), not a PICC (36573); removing an old
midline before placing a PICC leaves the PICC code."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_picc_attempt_left_as_midline_is_36410() -> None:
    note = (
        "PROCEDURE: Attempted PICC placement, right arm.\n"
        "DESCRIPTION: The right arm was prepped. Under ultrasound guidance the basilic vein was "
        "punctured and a wire advanced, but it would not pass the axillary vein despite "
        "several tries. We therefore placed a midline catheter instead, trimmed to 18 cm, "
        "and sutured it in place. The patient is a 67-year-old man.\n"
    )
    got = codes(note)
    assert "36410" in got
    assert "36573" not in got


def test_old_midline_removed_before_picc_keeps_36573() -> None:
    note = (
        "PROCEDURE: PICC line placement, left arm.\n"
        "DESCRIPTION: The existing midline catheter was removed, and a 5 French PICC was "
        "placed through the left basilic vein under ultrasound guidance, its tip at the "
        "cavoatrial junction on chest x-ray. The patient is a 58-year-old woman.\n"
    )
    got = codes(note)
    assert "36573" in got
    assert "36410" not in got
