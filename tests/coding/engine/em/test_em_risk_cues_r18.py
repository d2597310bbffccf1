"""Risk of management (round 18): a bare "given" or "of ... for" is no prescription drug
management (the drug-sample cue needs the word sample); medicines reviewed and kept, an
anticoagulation decision, a cytotoxic drug decided on, surgery wanted or prepared for, and a
PRESCRIPTIONS heading are. An emergency visit's own results work its presenting symptom up."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em.cues import cues
from agentkit.coding.engine.em.elements import risk_element


def _risk(text: str) -> str:
    return risk_element(analyze(text), cues()).name


def test_a_handout_given_is_no_drug_management() -> None:
    note = """ASSESSMENT: Sprained left ankle.
PLAN: Ice and elevation. She was given a handout on ankle exercises and a note for school.
"""
    assert _risk(note) == "minimal"


def test_drug_samples_given_are_drug_management() -> None:
    note = """ASSESSMENT: Seasonal allergic rhinitis.
PLAN: She was given samples of a nasal steroid spray to use daily.
"""
    assert _risk(note) == "moderate"


def test_medicines_reviewed_and_kept_are_drug_management() -> None:
    note = """IMPRESSION: 1. Hypertension controlled. 2. Urinary incontinence.
PLAN: I made no changes in her medications. See me back in two months.
"""
    assert _risk(note) == "moderate"


def test_anticoagulation_weighed_is_drug_management() -> None:
    note = """IMPRESSION AND PLAN: Acute limb ischemia, possibly a small clot. He would benefit
from an angiogram and anticoagulation in the meantime.
"""
    assert _risk(note) in ("moderate", "high")


def test_a_cytotoxic_drug_held_is_high_risk_but_a_past_course_is_not() -> None:
    held = """IMPRESSION AND PLAN: Glioblastoma. I will hold Temodar today and consider
restarting it tomorrow.
"""
    past = """DIAGNOSIS: Nasopharyngeal cancer, status post 2 cycles of high dose cisplatin
with radiation, completed in June.
PLAN: Return in three months.
"""
    assert _risk(held) == "high"
    assert _risk(past) != "high"


def test_surgery_wanted_or_prepared_for_is_a_decision_for_surgery() -> None:
    note = """ASSESSMENT: Morbid obesity.
PLAN: The risks of gastric bypass were reviewed with her. She wants to go to surgery. In
preparation for surgery she will follow a very low-calorie diet.
"""
    assert _risk(note) == "moderate"


def test_a_prescriptions_heading_is_the_visits_management() -> None:
    note = """CHIEF COMPLAINT: Hip pain.
HISTORY OF PRESENT ILLNESS: A 52-year-old woman is seen for the first time for left hip pain.
IMPRESSION: Entrapment of the superior gluteal nerve, left.
MEDICATIONS PRESCRIBED:
Baclofen 10 mg at bedtime #30.
"""
    assert _risk(note) == "moderate"


ED_CHEST_PAIN = """CHIEF COMPLAINT: Chest pain.
HISTORY OF PRESENT ILLNESS: A 44-year-old man had a few seconds of burning midsternal pain
this evening and came to the emergency department. He is now pain free.
PHYSICAL EXAMINATION: Comfortable. Heart regular. Lungs clear. Chest wall nontender.
EMERGENCY DEPARTMENT LABS: CBC, chemistry and cardiac enzymes were within normal limits.
Electrocardiogram, as read by me, showed sinus rhythm without acute changes.
EMERGENCY DEPARTMENT COURSE: He received an antacid with relief.
DISPOSITION: Discharged home to follow up with his doctor in two days.
FINAL DIAGNOSIS: Chest pain.
"""


def test_emergency_results_work_the_presenting_symptom_up() -> None:
    out = code_cpt(ED_CHEST_PAIN)
    assert out["procedures"][0]["code"] == "99284"


def test_a_finding_dictated_after_the_radiographs_is_the_clinicians_reading() -> None:
    from agentkit.coding.engine.em.elements import data_element

    read = "PHYSICAL EXAMINATION: Radiographs: nondisplaced fracture of the left distal fibula.\n"
    ordered = "PLAN: Radiographs of the left ankle will be obtained.\n"
    assert "interpretation" in data_element(analyze(read), cues()).detail
    assert "interpretation" not in data_element(analyze(ordered), cues()).detail
