"""Treatment options a consultation goes over with the patient ("we went over transurethral
resection, its risks ...") are planned or hypothetical, not done: a short unheaded
consultation note gets its visit line and no procedure code from them. A resection the note
performs is still coded."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_options_gone_over_at_a_consultation() -> None:
    note = (
        "UROLOGY CONSULTATION\n\n"
        "The patient returned for consultation regarding his newly found bladder tumor. We "
        "went over transurethral resection, its risks of bleeding, infection and perforation, "
        "and the option of surveillance. His questions were answered and he wishes to "
        "proceed with the resection next month.\n"
    )
    got = codes(note)
    assert not [c for c in got if c.startswith("522")]
    assert got and got[0].startswith("992")


def test_bladder_tumor_resected_today_still_codes() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Bladder tumor.\n"
        "PROCEDURE: Cystoscopy and transurethral resection of a 3 cm bladder tumor.\n"
        "DESCRIPTION: The resectoscope was passed and the 3 cm papillary tumor on the left "
        "lateral wall was resected to its base. We went over the bladder for other lesions "
        "and found none.\n"
    )
    assert "52235" in codes(note)
