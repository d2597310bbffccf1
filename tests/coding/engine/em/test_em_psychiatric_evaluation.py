"""A psychiatrist's diagnostic evaluation (psychiatric history and mental status examination)
is reported with 90792 (with medical services: medication managed) or 90791, in place of the
first encounter's E/M code; a medical history and physical on a psychiatric unit keeps its E/M
code."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt, level_em

PSYCHIATRIC_CONSULT = """REASON FOR CONSULTATION: Depressed mood after a hip fracture.
HISTORY OF PRESENT ILLNESS: A 74-year-old widow admitted after a fall, tearful since surgery,
sleeping poorly and eating little. She denies suicidal thoughts.
PAST PSYCHIATRIC HISTORY: One episode of depression in her fifties treated by her doctor.
PAST MEDICAL HISTORY: Hypertension. Osteoporosis.
SOCIAL HISTORY: Lives alone. No alcohol.
MENTAL STATUS EXAMINATION: Alert, oriented. Mood sad, affect constricted. Thought process
linear. No hallucinations. Insight and judgment fair.
IMPRESSION: Major depressive disorder, single episode, moderate.
PLAN: Start sertraline 25 mg daily. Supportive therapy. We will follow.
"""

MEDICAL_HP_ON_PSYCHIATRIC_UNIT = """REASON FOR ADMISSION: Admitted to the psychiatric unit for
worsening psychosis.
PAST MEDICAL HISTORY: Hyperlipidemia.
PHYSICAL EXAMINATION: Blood pressure 128/80. Heart regular. Lungs clear. Abdomen soft.
ASSESSMENT: Hyperlipidemia. Continue gemfibrozil 600 mg twice a day.
"""


def test_a_psychiatric_consultation_is_a_diagnostic_evaluation_with_medical_services() -> None:
    codes = [p["code"] for p in code_cpt(PSYCHIATRIC_CONSULT)["procedures"]]
    assert codes == ["90792"]
    # the em_level task still answers with the E/M level of the same encounter
    assert level_em(PSYCHIATRIC_CONSULT)["code"].startswith("992")


def test_a_medical_history_and_physical_on_a_psychiatric_unit_keeps_its_em_code() -> None:
    codes = [p["code"] for p in code_cpt(MEDICAL_HP_ON_PSYCHIATRIC_UNIT)["procedures"]]
    assert codes and codes[0].startswith("992")
