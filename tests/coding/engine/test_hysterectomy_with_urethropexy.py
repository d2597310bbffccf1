"""An abdominal hysterectomy with a retropubic urethropexy (Marshall-Marchetti-Krantz, Burch)
through the same laparotomy is the single code 58152, which replaces 58150 and 51840; a
posterior colpoperineoplasty is a posterior colporrhaphy (57250)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_tah_with_mmk_is_one_code() -> None:
    codes = _codes(
        "PREOPERATIVE DIAGNOSIS: Fibroid uterus; stress urinary incontinence.\n"
        "PROCEDURE PERFORMED:\n1. Total abdominal hysterectomy.\n"
        "2. Marshall-Marchetti-Krantz cystourethropexy.\n"
        "DESCRIPTION: Through a low midline incision the uterus was removed and the cuff"
        " closed. The space of Retzius was opened and the paraurethral tissue sutured to the"
        " back of the pubis. She had a laparoscopy last year for pelvic pain.\n"
    )
    assert codes == ["58152"]


def test_a_burch_after_a_laparoscopic_hysterectomy_keeps_its_own_code() -> None:
    codes = _codes(
        "PROCEDURE PERFORMED: Total laparoscopic hysterectomy and laparoscopic Burch"
        " colposuspension.\n"
        "DESCRIPTION: Through four ports the uterus was freed and removed vaginally; the"
        " paravaginal fascia was then sutured to Cooper's ligament on each side.\n"
    )
    assert "58152" not in codes


def test_posterior_colpoperineoplasty_is_a_posterior_repair() -> None:
    codes = _codes(
        "PREOPERATIVE DIAGNOSIS: Rectocele.\n"
        "PROCEDURE: Posterior colpoperineoplasty.\n"
        "DESCRIPTION: The posterior vaginal wall was opened, the rectovaginal fascia plicated"
        " and the perineal body rebuilt.\n"
    )
    assert codes == ["57250"]
