"""A flap another surgeon will do later ("a repeat debridement before Plastics does a local
flap") is that surgeon's future service, not a flap done at this operation; a flap the
operating surgeon raises before another step of his own operation is still coded."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_flap_plastics_will_do_later_is_not_coded() -> None:
    note = (
        "PROCEDURE: Excisional debridement of the left heel wound including bone.\n"
        "DESCRIPTION: The wound over the calcaneus broke down after fixation. He is back for "
        "one more washout and VAC change prior to Plastics doing a local flap for coverage. "
        "The wound was debrided of necrotic bone "
        "with a rongeur and curette to bleeding bone and irrigated, and a dressing applied."
    )
    codes = _codes(note)
    assert "11044" in codes
    assert not any(c.startswith("140") or c.startswith("1573") for c in codes)


def test_own_flap_told_before_another_step_is_still_coded() -> None:
    note = (
        "PROCEDURE: Excision of basal cell carcinoma of the right cheek, 1.2 cm, with "
        "adjacent tissue transfer, defect 8 sq cm.\n"
        "DESCRIPTION: The lesion was excised with 3 mm margins. Prior to performing the "
        "rotation flap the defect was measured at 8 sq cm; the cheek rotation flap was then "
        "raised and inset and the skin closed."
    )
    assert "14040" in _codes(note)
