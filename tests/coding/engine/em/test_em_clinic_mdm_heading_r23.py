"""A MEDICAL DECISION MAKING heading is the emergency physician's layout, but some primary
care templates head their review of results that way too: a note whose history tells the
patient came to the clinic or office for this visit stays an office visit; an emergency record
whose discharge advice books a follow-up with the family doctor stays the ED's."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import level_visit, visit_setting

CLINIC = """SUBJECTIVE: A 61-year-old man comes in today, four months after his last
check of hypertension and type 2 diabetes. Home sugars run 110 to 130. No chest pain.
MEDICATIONS: Lisinopril 20 mg daily, metformin 1000 mg twice daily.
OBJECTIVE: Blood pressure 128/78. Lungs clear. Heart regular.
MEDICAL DECISION MAKING: His last hemoglobin A1c was 6.8% in the spring.
ASSESSMENT:
1. Hypertension.
2. Type 2 diabetes mellitus.
PLAN: Hemoglobin A1c, BMP and a lipid panel today. Continue lisinopril and metformin.
Follow up in four months.
"""

ED = """CHIEF COMPLAINT: Wrist pain after a fall.
HISTORY OF PRESENT ILLNESS: A 15-year-old girl fell on her outstretched hand at soccer this
afternoon. No other injury.
PHYSICAL EXAMINATION: Mild swelling over the distal radius, no deformity, neurovascularly
intact.
MEDICAL DECISION MAKING: X-ray of the wrist shows no fracture. Likely sprain.
ASSESSMENT: Left wrist sprain.
PLAN: Wrist splint, ibuprofen. Follow up with her doctor in one week if still sore.
"""


def test_clinic_recheck_with_mdm_heading_is_an_office_visit() -> None:
    doc = analyze(CLINIC)
    assert visit_setting(doc) == "office"
    level = level_visit(doc, patient_status="established")
    assert level is not None
    assert level["code"] == "99214"
    assert [p["code"] for p in code_cpt(CLINIC)["procedures"]] == ["99214"]


def test_emergency_record_with_mdm_heading_stays_emergency() -> None:
    # the follow-up with her own doctor sits in the plan: discharge advice, no clinic cue
    doc = analyze(ED)
    assert visit_setting(doc) == "emergency"
    level = level_visit(doc)
    assert level is not None
    assert level["code"].startswith("9928")
