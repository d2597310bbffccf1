"""An office procedure told in its own paragraph after a visit's examination ("Colposcopy is
then performed ...") is done at the visit and coded; a procedure the visit's history tells
("she underwent a cone biopsy") neither documents nor rules out what is done today."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_VISIT = (
    "The patient is a 35-year-old G1 P1 referred for a Pap smear showing LSIL. She underwent"
    " a cone biopsy eight years ago for CIN 2.\n\n"
    "PAST MEDICAL HISTORY: Migraine.\n\n"
    "PHYSICAL EXAMINATION: General: Well appearing. Abdomen: Soft. Pelvic: Normal external"
    " genitalia; the cervix is nulliparous.\n\n"
    "{work}\n\n"
    "ASSESSMENT AND PLAN: LSIL Pap smear. Will follow up on the pathology in two weeks.\n"
)


def _codes(work: str) -> list[str]:
    return [p["code"] for p in code_cpt(_VISIT.format(work=work))["procedures"]]


def test_colposcopy_with_ecc_told_after_the_exam_is_coded() -> None:
    codes = _codes(
        "Colposcopy is then performed after applying acetic acid. The transformation zone is"
        " normal, so no biopsies are taken. An endocervical curettage is performed and sent to"
        " pathology."
    )
    assert "57456" in codes and "57454" not in codes


def test_colposcopy_with_a_cervical_biopsy() -> None:
    codes = _codes(
        "Colposcopy was performed with acetic acid. An acetowhite area at 3 o'clock was"
        " biopsied. An endocervical curettage was also performed."
    )
    assert "57454" in codes


def test_an_exam_finding_alone_is_no_procedure() -> None:
    codes = _codes("The colposcopy done last year was reviewed with the patient and was normal.")
    assert not any(c.startswith("574") for c in codes)
