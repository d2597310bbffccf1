"""An osteotomy of the proximal phalanx of the great toe is the Akin part of a bunion
correction whatever it is called: with a first metatarsal osteotomy it makes the double
osteotomy (28299); a hammertoe's phalanx of a lesser toe does not count."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_phalanx_osteotomy_of_the_hallux_with_a_chevron_is_double() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Hallux valgus with hallux interphalangeus, left foot.\n"
        "PROCEDURES: 1. Chevron bunionectomy with screw fixation, left foot. 2. Closing wedge "
        "osteotomy with staple fixation, proximal phalanx, left hallux.\n"
        "DESCRIPTION: The medial eminence was resected and a chevron osteotomy of the first "
        "metatarsal head was made, shifted laterally and fixed with a screw. A medially based "
        "wedge was then removed from the proximal phalanx of the hallux and closed with a staple."
    )
    assert _codes(note) == ["28299"]


def test_lesser_toe_phalanx_cut_is_not_an_akin() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Hammertoe, right second toe.\n"
        "PROCEDURE: Arthroplasty of the right second toe.\n"
        "DESCRIPTION: The head of the proximal phalanx of the second toe was exposed and "
        "resected with a sagittal saw osteotomy. The extensor tendon was repaired."
    )
    codes = _codes(note)
    assert "28298" not in codes and "28299" not in codes
