"""A finding dated by an earlier operation ("sperm were seen in the vasal fluid at the time of
the vasectomy reversal") tells that operation as the occasion of a past finding, not as a
service of this note: no vasovasostomy (55400) is coded from it. A reversal the note performs
is still coded."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_finding_at_the_time_of_an_earlier_reversal_is_history() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Azoospermia after a failed vasectomy reversal.\n"
        "PROCEDURE: Left scrotal exploration and testicular biopsy.\n"
        "FINDINGS: Sperm heads were noted in the left vas fluid at the time of the vasectomy "
        "reversal. The testis was normal in size today.\n"
        "DESCRIPTION: The left hemiscrotum was opened and a small wedge of testicular tissue "
        "was taken for cryopreservation. The tunica albuginea and skin were closed.\n"
    )
    assert "55400" not in codes(note)


def test_reversal_done_today_still_codes() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Desire for fertility after vasectomy.\n"
        "PROCEDURE: Bilateral vasectomy reversal (vasovasostomy).\n"
        "DESCRIPTION: Through scrotal incisions the vas ends were freed, clear fluid with sperm "
        "was seen in each, and a two-layer microscopic anastomosis of the vas was done on "
        "both sides.\n"
    )
    assert "55400" in codes(note)
