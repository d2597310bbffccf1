"""Two over-broad readings: a study named only as an example of further work-up weighed ("no
need to go on to further testing, such as a stress study") is not done, and a follow-up
ultrasound of something other than a pregnancy is no obstetric follow-up scan (76816)."""

from __future__ import annotations

from agentkit.coding.engine import analyze, assertion_of
from agentkit.coding.engine.coder import code_cpt


def _status(note: str, mention: str) -> str:
    doc = analyze(note)
    i = note.index(mention)
    return assertion_of(doc, i, i + len(mention)).status


def test_a_study_given_as_an_example_of_further_testing_is_not_done() -> None:
    note = (
        "I see no reason at present to go on to further testing, such as coronary "
        "angiography, since he has no symptoms."
    )
    assert _status(note, "coronary angiography") == "hypothetical"


def test_a_study_done_is_still_present() -> None:
    note = "Coronary angiography was performed through the right radial artery."
    assert _status(note, "Coronary angiography") == "present"


def test_letter_weighing_angiography_bills_no_angiography() -> None:
    note = (
        "Dear colleague,\nThank you for asking me to see this 70-year-old man with "
        "hypertension. He has no chest pain or shortness of breath. His examination is normal. "
        "I do not think there is any indication to proceed to further testing, such as "
        "coronary angiography, while he remains free of symptoms. I have adjusted his "
        "lisinopril.\nSincerely,\n"
    )
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert not any(c.startswith("9345") for c in codes)


def test_follow_up_ultrasound_of_a_stent_is_not_an_obstetric_scan() -> None:
    note = (
        "Dear colleague,\nYour patient is now six months out from a right carotid stent. "
        "A follow-up ultrasound done today shows the stent widely patent. He has had no "
        "neurologic symptoms.\nSincerely,\n"
    )
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert "76816" not in codes


def test_follow_up_growth_ultrasound_in_pregnancy_still_codes_76816() -> None:
    note = (
        "EXAM: Follow-up obstetric ultrasound for fetal growth.\n"
        "FINDINGS: Single live intrauterine pregnancy at 32 weeks gestation in cephalic "
        "presentation. Biparietal diameter, head circumference, abdominal circumference and "
        "femur length give an estimated fetal weight at the 40th percentile. Amniotic fluid "
        "index is normal. The placenta is posterior.\n"
        "IMPRESSION: Appropriate interval growth.\n"
    )
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert "76816" in codes
