"""An age told of a relative ("born to a 24-year-old mother") is not the patient's: a newborn's
well check is coded by the baby's age, and a checkup named by the child's age ("her one week
well-child check") states that age."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_WELL_CHECK = """SUBJECTIVE: First office visit for his {when} well-child check. Feeding every three
hours, six wet diapers a day.
BIRTH HISTORY: Term vaginal delivery to a 24-year-old G2P2 mother, birth weight 3400 g.
SOCIAL HISTORY: Lives with his mother and his 27-year-old father.
OBJECTIVE: Weight up 200 g from birth. Anterior fontanelle soft, normal red reflexes.
ASSESSMENT: Healthy newborn.
PLAN: Anticipatory guidance, back-to-sleep, return at two months for immunizations.
"""


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_the_mothers_age_is_not_the_babys() -> None:
    assert _codes(_WELL_CHECK.format(when="two week")) == ["99381"]


def test_a_well_check_named_by_a_digit_age() -> None:
    assert _codes(_WELL_CHECK.format(when="2 week")) == ["99381"]


def test_the_patients_own_age_still_counts_before_a_relative_later() -> None:
    note = """SUBJECTIVE: A 45-year-old woman whose mother had breast cancer comes for her annual
physical. She exercises three times a week and has no complaints.
OBJECTIVE: Blood pressure 118/76. Normal examination.
ASSESSMENT: Well adult examination.
PLAN: Screening mammogram ordered, lipid panel, return in one year.
"""
    assert _codes(note)[0] in ("99386", "99396")


def test_an_adult_patient_beside_an_aged_relative() -> None:
    # trap: the relative's age comes first, the patient's own age after it
    note = """SUBJECTIVE: Brought by her 58-year-old husband. This is a 66-year-old woman for her
yearly preventive examination. No new complaints; walks daily.
OBJECTIVE: Normal examination.
ASSESSMENT: Routine adult health examination.
PLAN: Colonoscopy referral, return in one year.
"""
    assert _codes(note)[0] in ("99387", "99397")
