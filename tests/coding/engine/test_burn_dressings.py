"""Dressing or debridement of a partial-thickness burn at an emergency or office visit, told in the
visit's course, by the burn's extent (CPT: small under 5% of the body surface 16020; medium a
whole face or extremity or 5-10% 16025; large more than one extremity or over 10% 16030)."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine.coder import code_cpt


def _codes(exam: str, assessment: str) -> list[str]:
    note = (
        "CHIEF COMPLAINT: Burn.\n"
        "HISTORY OF PRESENT ILLNESS: A 29-year-old woman was splashed with boiling water from"
        " a pot an hour ago.\n"
        f"PHYSICAL EXAMINATION: {exam}\n"
        "ED COURSE: The intact blisters were unroofed and debrided, and the area was covered"
        " with silver sulfadiazine and a bulky burn dressing was applied.\n"
        f"ASSESSMENT: {assessment}\n"
        "PLAN: Burn clinic follow-up in two days.\n"
    )
    out: list[dict[str, Any]] = code_cpt(note, patient={"age": 29})["procedures"]
    return [p["code"] for p in out]


def test_a_small_burn_dressed_in_the_ed_course_is_16020() -> None:
    codes = _codes(
        "Blistered partial-thickness burn of the back of the left hand, about 1% of the body"
        " surface.",
        "Second-degree burn of the left hand, 1% TBSA.",
    )
    assert "16020" in codes and codes[0].startswith("9928")


def test_a_burn_of_7_percent_is_medium() -> None:
    codes = _codes(
        "Partial-thickness burns of the left forearm and upper arm.",
        "Second-degree scald burns of the left arm, 7% TBSA.",
    )
    assert "16025" in codes and "16020" not in codes


def test_a_burn_over_10_percent_is_large() -> None:
    codes = _codes(
        "Partial-thickness burns of both legs.",
        "Second-degree scald burns of both lower extremities, 14% total body surface area.",
    )
    assert "16030" in codes and "16020" not in codes and "16025" not in codes
