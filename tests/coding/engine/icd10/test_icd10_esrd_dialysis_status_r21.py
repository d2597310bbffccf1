"""End-stage renal disease of a patient the note tells on dialysis (an access in use or
failing, a session given or missed, a dialysis schedule) is coded with the dialysis status
Z99.2 (N18.6: use additional code); an access made for dialysis still to come, a patient not
yet on dialysis and a kidney transplant are not. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(story: str) -> list[str]:
    note = (
        "PREOPERATIVE DIAGNOSIS: End-stage renal disease.\n"
        "POSTOPERATIVE DIAGNOSIS: End-stage renal disease.\n"
        "PROCEDURE: Creation of a left radiocephalic arteriovenous fistula.\n"
        f"INDICATIONS: {story}\n"
    )
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_dialysis_told_adds_the_status() -> None:
    for story in (
        "His tunneled dialysis catheter keeps clotting and he needs a permanent access.",
        "She missed dialysis twice this month because her catheter stopped working.",
        "He has been dialyzed through a right internal jugular catheter since spring.",
    ):
        codes = _codes(story)
        assert "N18.6" in codes and "Z99.2" in codes, (story, codes)


def test_dialysis_still_to_come_is_not_the_status() -> None:
    for story in (
        "She is not yet on dialysis; her nephrologist expects to start it within a year.",
        "He has need for a future hemodialysis access and will start dialysis after it matures.",
        "His creatinine is rising and he will need dialysis in the coming months.",
    ):
        codes = _codes(story)
        assert "N18.6" in codes and "Z99.2" not in codes, (story, codes)
