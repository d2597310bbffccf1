"""ICD-10-CM R63.4 (abnormal weight loss) is weight the patient has lost; weight loss that is
advised, discussed, counseled, set as a goal or sought on purpose is a plan, not a finding.
Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_weight_loss_advised_or_discussed_is_not_abnormal_weight_loss() -> None:
    for plan in (
        "We talked about his weight and weight loss was discussed in detail.",
        "I counseled her on weight loss and portion control.",
        "Weight loss strongly recommended.",
        "We stressed the importance of gradual weight loss.",
        "Her goal is a weight loss of 25 pounds by summer.",
        "Weight loss would help his knee pain.",
        "She needs weight loss before the hernia repair.",
        "Referred to the weight loss clinic.",
    ):
        got = codes(f"ASSESSMENT: Obesity. {plan}\n")
        assert "R63.4" not in got, plan
        assert "E66.9" in got


def test_weight_lost_through_an_operation_or_a_drug_for_it_is_not_a_symptom() -> None:
    assert "R63.4" not in codes(
        "ASSESSMENT: Remote sleeve gastrectomy to achieve weight loss. Iron deficiency anemia.\n"
    )
    assert "R63.4" not in codes("ASSESSMENT: Obesity, started on a medication for weight loss.\n")


def test_weight_the_patient_has_lost_is_coded() -> None:
    assert codes("ASSESSMENT: Weight loss of 12 pounds over three months.\n") == ["R63.4"]
    # said to be unintended, it stays the symptom though a test is recommended beside it
    assert "R63.4" in codes(
        "ASSESSMENT: Unintentional weight loss; recommend a CT of the abdomen and pelvis.\n"
    )
    # a work-up of the weight loss is no plan to lose weight
    assert "R63.4" in codes(
        "ASSESSMENT: Anemia and weight loss. Needs evaluation for weight loss with colonoscopy.\n"
    )


def test_weight_loss_listed_with_positive_airway_pressure_is_sleep_apnea_advice() -> None:
    assert codes(
        "IMPRESSION: Obstructive sleep apnea.\n"
        "SUMMARY: Weight loss, an ENT opinion if not already obtained, and APAP at home.\n"
    ) == ["G47.33"]
