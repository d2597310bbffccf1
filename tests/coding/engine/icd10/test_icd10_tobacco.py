"""ICD-10-CM tobacco: a current smoker told in a diagnosis statement is nicotine dependence
(index: Smoker - see Dependence, drug, nicotine: F17.200, cigarettes F17.210), a former one a
history of nicotine dependence (Z87.891). Smoking told only in the social history is left
uncoded, as the labelled gold leaves it. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

HPI = (
    "HISTORY OF PRESENT ILLNESS: A 61-year-old woman comes to the clinic today to follow up "
    "her blood pressure and her breathing.\n"
)


def codes(rest: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(HPI + rest))]


def test_a_current_smoker_in_the_assessment_is_nicotine_dependence() -> None:
    for told in ("She smokes 1 ppd.", "Smokes half a pack of cigarettes a day."):
        assert codes(f"ASSESSMENT:\n1. Essential hypertension.\n2. {told}\n") == [
            "I10",
            "F17.210",
        ], told
    # a smoker with nothing said of what is smoked: Dependence, drug, nicotine F17.200
    assert codes("ASSESSMENT:\n1. Essential hypertension.\n2. Active smoker.\n") == [
        "I10",
        "F17.200",
    ]


def test_a_former_smoker_is_a_history_of_nicotine_dependence() -> None:
    assert codes("ASSESSMENT:\n1. Essential hypertension.\n2. Former smoker.\n") == [
        "I10",
        "Z87.891",
    ]
    # a past habit told with its amount is no current smoking
    assert codes(
        "ASSESSMENT:\n1. Essential hypertension.\n"
        "2. She smoked 2 packs a day for 20 years and quit in 2015.\n"
    ) == ["I10"]


def test_smoking_told_only_in_the_social_history_is_not_coded() -> None:
    assert codes(
        "SOCIAL HISTORY: She smokes 1 ppd and drinks wine on weekends.\n"
        "ASSESSMENT: Essential hypertension.\n"
    ) == ["I10"]
