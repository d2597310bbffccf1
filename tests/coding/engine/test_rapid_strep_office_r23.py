"""A rapid antigen test for group A streptococcus (87880) read at the office visit and told with
its result is billed beside the visit; a test from another time or place, a throat culture sent
to the laboratory, a test only considered, or an emergency department's test is not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


VISIT = (
    "CHIEF COMPLAINT: Sore throat for two days.\n"
    "HISTORY OF PRESENT ILLNESS: This 9-year-old girl has had a sore throat and fever since "
    "yesterday. No cough.\n"
    "PHYSICAL EXAMINATION: Tonsils enlarged with exudate. Tender anterior cervical nodes.\n"
    "{labs}\n"
    "ASSESSMENT: Pharyngitis.\n"
    "PLAN: Fluids, ibuprofen as needed, and return if not better.\n"
)


def test_rapid_strep_result_in_the_office_is_87880() -> None:
    got = codes(VISIT.format(labs="LABORATORY: Rapid strep test in the office is positive."))
    assert "87880" in got
    assert any(c.startswith("992") for c in got)


def test_strep_test_told_negative_is_87880() -> None:
    got = codes(VISIT.format(labs="LABS: Strep screen is negative."))
    assert "87880" in got


def test_negative_test_at_urgent_care_yesterday_is_not_billed() -> None:
    got = codes(VISIT.format(labs="LABORATORY: Rapid strep was negative at urgent care yesterday."))
    assert "87880" not in got


def test_throat_culture_alone_is_not_the_rapid_test() -> None:
    got = codes(VISIT.format(labs="LABORATORY: Throat culture for strep is negative."))
    assert "87880" not in got


def test_result_only_supposed_in_the_plan_is_not_billed() -> None:
    labs = "LABORATORY: None today."
    note = VISIT.format(labs=labs).replace(
        "return if not better", "amoxicillin if the rapid strep test is positive"
    )
    assert "87880" not in codes(note)


def test_emergency_department_strep_test_is_the_facility_lab() -> None:
    note = (
        "EMERGENCY DEPARTMENT VISIT\n"
        "HISTORY OF PRESENT ILLNESS: A 20-year-old man with sore throat and fever.\n"
        "PHYSICAL EXAMINATION: Exudative tonsils.\n"
        "LABORATORY: Rapid strep test is positive.\n"
        "ED COURSE: Given penicillin and discharged home.\n"
        "ASSESSMENT: Streptococcal pharyngitis.\n"
    )
    assert "87880" not in codes(note)
