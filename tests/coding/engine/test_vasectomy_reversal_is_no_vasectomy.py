"""A vasectomy reversal (vasovasostomy, 55400) is the opposite operation of a vasectomy: the word
"vasectomy" inside "vasectomy reversal" never codes a vasectomy (55250), whether the reversal is
the operation of the note or one told about in a letter. A vasectomy still codes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_letter_about_a_reversal_codes_no_vasectomy() -> None:
    note = (
        "Dear Doctor:\n"
        "Your patient was seen in my office about infertility. The report of his outside "
        "surgery describes motile sperm in the left vas fluid at the time of the vasectomy "
        "reversal. He would like sperm retrieval with cryopreservation, which we will "
        "schedule.\n"
        "Sincerely,\n"
    )
    assert "55250" not in codes(note)


def test_reversal_operation_is_vasovasostomy_only() -> None:
    note = (
        "PROCEDURE: Bilateral vasectomy reversal (vasovasostomy) under the microscope.\n"
        "DESCRIPTION: Through small scrotal incisions the cut ends of each vas were freed, "
        "the scarred segments excised and the ends reanastomosed in two layers on each side.\n"
    )
    got = codes(note)
    assert "55400" in got
    assert "55250" not in got


def test_vasectomy_still_codes() -> None:
    note = (
        "PROCEDURE: Bilateral vasectomy for sterilization.\n"
        "DESCRIPTION: Under local anesthesia each vas was isolated, a segment excised and the "
        "ends cauterized and ligated.\n"
    )
    assert codes(note)[0] == "55250"
