"""E/M leveling of synthetic visit notes: setting, new/established, the three MDM elements,
2-of-3, total time, and what is not a visit."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit
from agentkit.coding.engine.em.cues import load_cues
from agentkit.coding.engine.em.levels import code_for, mdm_level, time_level
from agentkit.errors import DataFileError

CHRONIC_FOLLOW_UP = """CHIEF COMPLAINT: Follow-up of blood pressure and diabetes.
HISTORY OF PRESENT ILLNESS: The patient returns for follow up. He checks his sugars at home.
PHYSICAL EXAMINATION: Blood pressure 128/76. Lungs clear. Heart regular.
ASSESSMENT:
1. Hypertension, stable.
2. Type 2 diabetes mellitus, well controlled.
PLAN: Continue lisinopril 10 mg daily and metformin 500 mg twice a day. Refills were sent.
Return in three months.
"""

NEW_ACUTE = """CHIEF COMPLAINT: Sore throat.
HISTORY OF PRESENT ILLNESS: This is a new patient with two days of sore throat and no fever.
PHYSICAL EXAMINATION: Mild pharyngeal erythema. No exudate.
ASSESSMENT: Viral pharyngitis.
PLAN: Salt water gargles, rest and fluids. Tylenol as needed.
"""

EXACERBATION = """CHIEF COMPLAINT: Shortness of breath.
HISTORY OF PRESENT ILLNESS: The patient is seen for follow up of COPD with two weeks of worse
dyspnea.
PHYSICAL EXAMINATION: Scattered wheezes.
ASSESSMENT: COPD exacerbation.
PLAN: Start prednisone 40 mg daily for five days and an albuterol inhaler. Chest x-ray and CBC
were ordered.
"""

ADMISSION = """CHIEF COMPLAINT: Chest pain.
HISTORY OF PRESENT ILLNESS: He came to the emergency department with crushing chest pain.
PHYSICAL EXAMINATION: Diaphoretic.
EMERGENCY DEPARTMENT COURSE: EKG shows ST elevation. Troponin and CBC were drawn. I discussed
the case with Dr. Smith, the cardiologist on call.
ASSESSMENT: Acute myocardial infarction.
PLAN: Heparin drip. He will be admitted to the intensive care unit.
"""

TIMED = """CHIEF COMPLAINT: Follow up of hypothyroidism.
HISTORY OF PRESENT ILLNESS: The patient returns for a recheck. She feels well.
PHYSICAL EXAMINATION: Normal thyroid.
ASSESSMENT: Hypothyroidism, stable.
PLAN: Continue levothyroxine 50 mcg daily.
Total time spent on the date of the encounter was 45 minutes, including counseling.
"""

OPERATIVE = """PREOPERATIVE DIAGNOSIS: Cholelithiasis.
POSTOPERATIVE DIAGNOSIS: Cholelithiasis.
PROCEDURE: Laparoscopic cholecystectomy.
ANESTHESIA: General.
DESCRIPTION OF PROCEDURE: The gallbladder was removed.
"""


def test_two_stable_chronic_illnesses_with_prescriptions_is_moderate() -> None:
    out = level_visit(analyze(CHRONIC_FOLLOW_UP))
    assert out is not None
    assert out["code"] == "99214"
    assert out["patient_status"] == "established"
    assert out["mdm"] == {
        "problems": "moderate",
        "data": "minimal",
        "risk": "moderate",
        "level": "moderate",
    }
    assert out["basis"] == "mdm" and out["total_minutes"] is None
    assert out["evidence"] in CHRONIC_FOLLOW_UP


def test_new_patient_acute_uncomplicated_illness_with_otc_care_is_low() -> None:
    out = level_visit(analyze(NEW_ACUTE))
    assert out is not None
    assert (out["code"], out["patient_status"]) == ("99203", "new")
    assert out["mdm"]["risk"] == "low" and out["mdm"]["level"] == "low"


def test_chronic_illness_with_exacerbation_and_prescription() -> None:
    out = level_visit(analyze(EXACERBATION))
    assert out is not None
    assert out["code"] == "99214"
    assert out["mdm"]["problems"] == "moderate"
    assert out["mdm"]["data"] == "limited"


def test_emergency_visit_with_admission_is_high() -> None:
    out = level_visit(analyze(ADMISSION))
    assert out is not None
    assert out["code"] == "99285"
    assert out["mdm"]["problems"] == "high" and out["mdm"]["risk"] == "high"
    assert out["mdm"]["data"] == "extensive"


def test_total_time_sets_a_higher_level() -> None:
    out = level_visit(analyze(TIMED))
    assert out is not None
    assert out["total_minutes"] == 45
    assert (out["code"], out["basis"]) == ("99215", "time")
    assert "45 minutes" in out["evidence"]


def test_status_from_the_caller_when_the_note_is_silent() -> None:
    note = NEW_ACUTE.replace("This is a new patient with", "The patient has")
    assert level_visit(analyze(note), patient_status="established")["code"] == "99213"  # type: ignore[index]
    assert level_visit(analyze(note), patient_status="new")["code"] == "99203"  # type: ignore[index]


def test_confidence_stays_modest() -> None:
    for note in (CHRONIC_FOLLOW_UP, NEW_ACUTE, EXACERBATION, ADMISSION, TIMED):
        out = level_visit(analyze(note))
        assert out is not None and 0.3 <= out["confidence"] <= 0.85


@pytest.mark.parametrize("note", [OPERATIVE, "", "qwerty " * 400, "Rezept: Ibuprofen. " * 40])
def test_not_a_visit_gives_none(note: str) -> None:
    assert level_visit(analyze(note)) is None


def test_one_megabyte_visit_note_finishes() -> None:
    note = (CHRONIC_FOLLOW_UP * (1_000_000 // len(CHRONIC_FOLLOW_UP)))[:1_000_000]
    out = level_visit(analyze(note))
    assert out is not None and out["evidence"] in note


def test_two_of_three_and_time_tables() -> None:
    assert mdm_level(3, 0, 2) == 2
    assert mdm_level(1, 1, 3) == 1
    assert mdm_level(0, 3, 3) == 3
    assert time_level("office", "new", 14) is None
    assert time_level("office", "new", 30) == 1
    assert time_level("office", "established", 39) == 2
    assert time_level("office", "established", 40) == 3
    assert time_level("emergency", "new", 90) is None
    assert code_for("office", "new", 3) == "99205"
    assert code_for("emergency", "established", 0) == "99282"
    assert code_for("hospital", "new", 2) == "99222"


def test_cue_file_errors_name_the_line(tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[4] / "agentkit/coding/engine/em/data/mdm.yaml"
    text = src.read_text(encoding="utf-8").replace("    - prescri*\n", "    - pre(scri\n", 1)
    bad = tmp_path / "mdm.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_cues(bad)
    expected = text.splitlines().index("    - pre(scri") + 1
    assert err.value.line == expected


SURGERY_WEIGHED = """CHIEF COMPLAINT: Left flank pain.
HISTORY OF PRESENT ILLNESS: A 44-year-old man referred with a 7 mm stone seen on CT two weeks
ago, still passing no fragments.
PHYSICAL EXAMINATION: Mild left costovertebral angle tenderness.
IMPRESSION: Left distal ureteral calculus.
PLAN: Left ureteroscopy with laser lithotripsy. The risks, benefits and alternatives were
discussed and he signed the consent.
"""

OTC_CARE = """SUBJECTIVE: Two days of loose stools after a daycare outbreak, drinking well.
OBJECTIVE: Moist mucous membranes, soft nontender abdomen.
ASSESSMENT: Viral gastroenteritis.
PLAN: Oral rehydration with small frequent sips. Kaopectate was not helping and may be stopped.
"""


def test_an_operation_weighed_with_the_patient_is_moderate_risk() -> None:
    out = level_visit(analyze(SURGERY_WEIGHED))
    assert out is not None
    assert out["mdm"]["risk"] == "moderate"  # decision for surgery: risks explained, consent


def test_over_the_counter_care_is_low_risk() -> None:
    out = level_visit(analyze(OTC_CARE))
    assert out is not None
    assert out["mdm"]["risk"] == "low"


TWO_LONG_TERM = """SUBJECTIVE: Routine follow up. No pain episodes since the last visit.
OBJECTIVE: Comfortable. Clear nasal discharge.
ASSESSMENT:
1. Sickle cell anemia without crisis.
2. Allergic rhinitis.
PLAN: Continue hydroxyurea and fluticasone nasal spray.
"""

SICKLE_CRISIS = """SUBJECTIVE: Two days of severe leg and back pain like her usual pain episodes.
OBJECTIVE: Afebrile. Diffuse tenderness of the thighs.
ASSESSMENT: Sickle cell crisis.
PLAN: Oxycodone 5 mg every 6 hours as needed, oral fluids. Recheck in two days.
"""


def test_long_term_conditions_known_by_their_codes_are_chronic_illnesses() -> None:
    out = level_visit(analyze(TWO_LONG_TERM))
    assert out is not None
    assert out["mdm"]["problems"] == "moderate"  # two chronic illnesses


def test_a_crisis_of_a_chronic_illness_is_an_exacerbation() -> None:
    out = level_visit(analyze(SICKLE_CRISIS))
    assert out is not None
    assert out["mdm"]["problems"] == "moderate"
    assert "exacerbation" in out["rationale"]


RECONSTRUCTION_PLANNED = """CHIEF COMPLAINT: Breast reconstruction consultation.
HISTORY OF PRESENT ILLNESS: A 48-year-old woman with right breast cancer who will have a right
mastectomy next month.
PHYSICAL EXAMINATION: Moderate ptosis of both breasts.
IMPRESSION: Right breast carcinoma.
PLAN: We discussed immediate reconstruction with a tissue expander, and she would like to proceed.
"""


def test_a_named_operation_planned_is_a_decision_for_surgery() -> None:
    out = level_visit(analyze(RECONSTRUCTION_PLANNED))
    assert out is not None
    assert out["mdm"]["risk"] in ("moderate", "high")


TWO_DEFORMITIES = """CHIEF COMPLAINT: Foot pain.
HISTORY OF PRESENT ILLNESS: Years of aching in both feet with long walks.
PHYSICAL EXAMINATION: Prominent first metatarsal heads; flattened arches when standing.
ASSESSMENT:
1. Bunion deformity of the right foot.
2. Pes planus, bilateral.
PLAN: Custom orthotics. Wider shoes.
"""


def test_acquired_deformities_are_chronic_conditions() -> None:
    out = level_visit(analyze(TWO_DEFORMITIES))
    assert out is not None
    assert out["mdm"]["problems"] == "moderate"
