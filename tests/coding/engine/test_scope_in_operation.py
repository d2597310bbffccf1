"""A diagnostic endoscopy done at the session of a major operation on its own organs guides or
checks that operation and is part of it; one beside an unrelated or minor procedure stays."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_the_cystoscopy_of_a_prostate_cryoablation_is_part_of_it() -> None:
    note = (
        "PROCEDURE: Cystoscopy and cryosurgical ablation of the prostate.\n"
        "DESCRIPTION: Under transrectal ultrasound guidance six cryoprobes were placed in the "
        "prostate and two freeze-thaw cycles were completed with a urethral warming catheter. "
        "Flexible cystoscopy showed no probe in the bladder or urethra.\n"
    )
    assert "52000" not in codes(note)
    assert "55873" in codes(note)


def test_the_endoscope_guiding_an_open_gastrostomy_is_part_of_it() -> None:
    note = (
        "PROCEDURE: Open Stamm gastrostomy with upper endoscopy.\n"
        "DESCRIPTION: An upper midline incision was made. The endoscope was passed into the "
        "stomach to choose the site on the anterior wall. A gastrotomy was made, the tube "
        "placed and secured with two purse-string sutures, and the stomach tacked to the "
        "abdominal wall.\n"
    )
    assert codes(note) == ["43830"]


def test_a_cystoscopy_beside_a_minor_procedure_is_reported() -> None:
    note = (
        "PROCEDURES: Cystoscopy. Meatotomy.\n"
        "DESCRIPTION: The urethral meatus was incised ventrally and sutured. Cystoscopy "
        "showed a normal urethra and bladder without tumor or stones.\n"
    )
    assert "52000" in codes(note)
