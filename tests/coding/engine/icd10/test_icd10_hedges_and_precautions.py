"""ICD-10-CM assertion: hedges, exclusions, watched-for conditions and return precautions are
no diagnoses; the condition the note does state stays. Synthetic notes written for these tests."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(assessment: str) -> list[str]:
    note = "HISTORY OF PRESENT ILLNESS: Seen in clinic today.\n\nASSESSMENT: " + assessment + "\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    "assessment",
    [
        "The CT shows a thickened terminal ileum, which suggest that this is Crohn's disease.",
        "This may well be early rheumatoid arthritis.",
        "It is unclear whether this represents pneumonia.",
        "A pulmonary embolism was excluded.",
        "Pneumonia, not likely.",
        "Monitor for hypokalemia while on the diuretic.",
        "Return to the emergency room for fever, chest pain or shortness of breath.",
        "Mother will call for feeding problems, breathing problems or fever.",
        "Impending compartment syndrome of the right forearm.",
        "Exercise was stopped due to leg fatigue and dyspnea.",
    ],
)
def test_what_the_note_only_suspects_or_watches_for_is_not_coded(assessment: str) -> None:
    assert codes(assessment) == []


def test_the_stated_condition_stays_beside_the_precautions() -> None:
    assert codes(
        "Acute otitis media, left ear. Amoxicillin for ten days. Return to clinic for fever "
        "or vomiting."
    ) == ["H66.92"]
    assert codes("Hypertension, she will monitor her blood pressure at home.") == ["I10"]
    assert codes("Large pericardial effusion with impending tamponade.") == ["I31.4"]
    assert codes("Threatened abortion.") == ["O20.0"]
    assert codes("Cardiac risk factors of hypertension and hyperlipidemia.") == ["I10", "E78.5"]
