"""OD, OS and OU are the right, left and both eyes - only when the text is about the eyes.

'os' is also a bone ("os calcis", "os trigonum"), an opening ("cervical os") and the mouth
("per os"); 'OD' is also an overdose.
"""

from __future__ import annotations

from agentkit.coding.engine import analyze, sides, sides_summary
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.icd10 import code_diagnoses


def side_of(text: str) -> str | None:
    return sides_summary(sides(analyze(text)))


def test_eye_abbreviations_are_sides_in_a_sentence_about_the_eyes() -> None:
    assert side_of("Visual acuity without correction is 20/40 OD.") == "right"
    assert side_of("Dense posterior subcapsular cataract OS.") == "left"
    assert side_of("Intraocular pressure 18 mmHg OU.") == "bilateral"


def test_os_and_od_outside_the_eyes_are_not_sides() -> None:
    assert side_of("The endoscope was passed per os into the esophagus.") is None
    assert side_of("Speculum exam: the cervical os is closed.") is None
    assert side_of("Lateral radiograph shows an os trigonum and a small os calcis spur.") is None
    assert side_of("Impingement from an os acromiale; an os odontoideum at C2.") is None
    assert side_of("Brought in after an intentional OD of pills.") is None
    # an eye word in the same sentence does not make the bone or the mouth a side
    assert side_of("Pupils equal, painful os trigonum, lens clear.") is None
    assert side_of("Eye drops were given per os by mistake.") is None


def test_an_eye_clinic_note_reads_a_bare_abbreviation_as_a_side() -> None:
    note = (
        "CHIEF COMPLAINT: Scratchy eye.\n"
        "HISTORY OF PRESENT ILLNESS: Metal grinding yesterday. Vision is blurred.\n"
        "EXAMINATION: Slit lamp shows a fleck in the corneal epithelium. Pupils reactive.\n"
        "DIAGNOSIS: Corneal foreign body OS.\n"
        "PLAN: Removed with a needle under topical anesthesia.\n"
    )
    assert [d["code"] for d in code_diagnoses(analyze(note))] == ["T15.02XA"]


def test_cataract_surgery_side_from_os() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Nuclear sclerotic cataract OS.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Phacoemulsification with intraocular lens implant OS.\n"
        "DESCRIPTION: The eye was prepped and draped. The nucleus was removed by "
        "phacoemulsification and the lens placed in the capsular bag.\n"
    )
    claim = code_cpt(note)
    assert [(p["code"], p["modifiers"]) for p in claim["procedures"]] == [("66984", ["LT"])]
    assert [d["code"] for d in code_diagnoses(analyze(note))] == ["H25.12"]


def test_lid_surgery_repeated_on_the_fellow_eyelid_is_bilateral() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Dermatochalasis obstructing the superior visual field.\n"
        "PROCEDURE: Functional upper lid blepharoplasty.\n"
        "DESCRIPTION: The excess skin of the upper lid was marked, excised with a strip of "
        "orbicularis and the wound closed with running 6-0 suture. The whole procedure was then "
        "repeated on the fellow eyelid."
    )
    lines = [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]
    assert lines == [("15823", ["50"])]


def test_one_eyelid_stays_one_sided_without_a_second_side() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Dermatochalasis of the right upper lid obstructing vision.\n"
        "PROCEDURE: Functional right upper lid blepharoplasty.\n"
        "DESCRIPTION: The excess skin was marked, excised and the wound closed with 6-0 suture."
    )
    lines = [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]
    assert lines == [("15823", ["RT"])]
