"""Fat taken by liposuction and injected as a graft is coded by where it goes: the face, lips,
eyelids, neck, hands or feet 15773, the breasts, trunk, scalp or limbs 15771; the harvest's
liposuction is part of it. Fat injected into a vocal fold, or cut out and laid over the dura,
is not this graft."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_fat_injected_into_the_cheeks_is_the_face_graft_and_takes_the_harvest() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Facial lipoatrophy.\n"
        "PROCEDURE: Autologous fat grafting to both cheeks.\n"
        "DESCRIPTION: Through a stab incision the lower abdomen was infiltrated and fat was "
        "harvested by liposuction with a blunt cannula. After centrifuging, 8 cc of fat was "
        "injected into each malar region in small aliquots. The stab incision was closed."
    )
    assert _codes(note) == ["15773"]


def test_fat_transfer_to_a_reconstructed_breast_is_the_trunk_graft() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Contour deformity of the reconstructed left breast.\n"
        "PROCEDURE: Fat transfer to the left breast with liposuction of the flanks.\n"
        "DESCRIPTION: The flanks were suctioned with a harvesting cannula and the lipoaspirate "
        "was decanted. Forty cc of fat was injected into the upper pole of the left breast."
    )
    assert _codes(note) == ["15771"]


def test_fat_injected_into_the_vocal_folds_is_not_a_skin_graft() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Glottic insufficiency.\n"
        "PROCEDURE: Micro-laryngoscopy with fat injection of the left vocal fold.\n"
        "DESCRIPTION: Fat was taken from the abdomen through a small incision and washed. "
        "With the larynx suspended, the fat was injected into the left vocal fold."
    )
    codes = _codes(note)
    assert "15773" not in codes and "15771" not in codes


def test_a_free_fat_graft_over_the_dura_is_not_injection_grafting() -> None:
    note = (
        "PROCEDURE: Left L5-S1 laminotomy and discectomy.\n"
        "DESCRIPTION: The disc fragment was removed. A free fat graft was taken from the "
        "subcutaneous tissue and laid over the dura and the nerve root. The wound was closed."
    )
    codes = _codes(note)
    assert "15773" not in codes and "15771" not in codes
