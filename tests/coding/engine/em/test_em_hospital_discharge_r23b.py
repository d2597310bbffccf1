"""Round 23 (second E/M helper): a first inpatient note that sends the patient home decides no
hospitalization, and drugs held for a danger they pose are prescription drug management."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit


def _level(note: str, status: str = "unknown") -> dict[str, Any]:
    found = level_visit(analyze(note), patient_status=status)
    assert found is not None
    return found


SENT_HOME = """HISTORY OF PRESENT ILLNESS: A 44-year-old man was admitted to the telemetry unit
overnight with left chest tightness after a stressful day at work. Troponins are negative three
times and the EKG shows sinus rhythm without ST changes.
PAST MEDICAL HISTORY: Migraine.
SOCIAL HISTORY: Smokes half a pack a day.
FAMILY HISTORY: Father with a stroke at 70.
ASSESSMENT AND PLAN:
1. Chest tightness, noncardiac by the work-up so far.
2. Tobacco use, counseled.
Discharge him home today; his own doctor will see him next week.
"""


def test_a_first_inpatient_note_that_sends_the_patient_home_decides_no_admission() -> None:
    found = _level(SENT_HOME)
    assert found["mdm"]["risk"] != "high"
    assert found["code"] in ("99221", "99222")


def test_a_discharge_kept_for_a_negative_test_leaves_the_admission_decision() -> None:
    kept = SENT_HOME.replace(
        "Discharge him home today; his own doctor will see him next week.",
        "If the morning stress test is normal, we will discharge him home.",
    )
    assert _level(kept)["mdm"]["risk"] == "high"


HELD = """HISTORY OF PRESENT ILLNESS: A 29-year-old woman was admitted with palpitations. A
pregnancy test came back weakly positive.
PAST MEDICAL HISTORY: Seizure disorder on valproate.
SOCIAL HISTORY: Lives with her partner.
FAMILY HISTORY: Noncontributory.
ASSESSMENT AND PLAN:
1. Palpitations, sinus tachycardia only on telemetry.
2. Possible early pregnancy. Several of her home medications are to be held until the obstetrician
sees her. She can go home today.
"""


def test_drugs_held_for_a_possible_pregnancy_are_drug_management() -> None:
    assert _level(HELD)["mdm"]["risk"] == "moderate"


def test_drugs_not_held_are_no_management() -> None:
    plain = HELD.replace(
        "Several of her home medications are to be held until the obstetrician\nsees her.",
        "The obstetrician will see her.",
    )
    assert _level(plain)["mdm"]["risk"] != "moderate"
