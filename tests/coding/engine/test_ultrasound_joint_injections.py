"""Joint and bursa injections or aspirations take the code of their joint size, with or without
ultrasound guidance (small 20600/20604, intermediate 20605/20606, major 20610/20611); the
guidance is part of the 20604/20606/20611 code."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine.coder import code_cpt


def _codes(procedure: str) -> list[str]:
    note = (
        "CHIEF COMPLAINT: Joint pain.\n"
        "HISTORY OF PRESENT ILLNESS: A 61-year-old man with longstanding osteoarthritis and"
        " flares of pain despite oral anti-inflammatories.\n"
        "PHYSICAL EXAMINATION: Swelling and tenderness of the joint, no warmth.\n"
        f"PROCEDURE: {procedure}\n"
        "ASSESSMENT: Osteoarthritis.\n"
        "PLAN: Recheck in two months.\n"
    )
    out: list[dict[str, Any]] = code_cpt(note)["procedures"]
    return [p["code"] for p in out]


def test_an_ultrasound_guided_wrist_injection_is_20606() -> None:
    codes = _codes(
        "With ultrasound guidance a 25-gauge needle was placed into the right wrist joint and"
        " 20 mg of triamcinolone was injected."
    )
    assert "20606" in codes and "20605" not in codes and "76942" not in codes


def test_an_ultrasound_guided_small_joint_injection_is_20604() -> None:
    codes = _codes(
        "Under ultrasound guidance the left thumb carpometacarpal joint was injected with"
        " 10 mg of Kenalog."
    )
    assert "20604" in codes and "20600" not in codes


def test_the_same_injections_without_guidance_keep_their_codes() -> None:
    assert "20605" in _codes("The right elbow joint was injected with 20 mg of Depo-Medrol.")
    assert "20600" in _codes("The left thumb carpometacarpal joint was injected with Kenalog.")
