"""A note that is only a review of systems or an examination (a normal-findings template,
vital signs left blank) has no presenting problem and no assessment: no encounter, so no E/M
code. The same examination under a chief complaint and an assessment is a visit."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

TEMPLATE = """GENERAL: Well-developed, well-nourished, in no distress.
VITAL SIGNS: Blood pressure XX, pulse XX, respirations XX.
HEENT: Pupils equal and reactive. Oropharynx clear.
NECK: Supple without adenopathy.
LUNGS: Clear to auscultation.
HEART: Regular rate and rhythm without murmur.
ABDOMEN: Soft, nontender, no organomegaly.
NEUROLOGIC: Grossly intact.
"""

VISIT = """CHIEF COMPLAINT: Sore throat for three days.
{exam}ASSESSMENT: Viral pharyngitis. Salt-water gargles and acetaminophen as needed.
"""


def test_exam_template_is_no_visit() -> None:
    assert code_cpt(TEMPLATE)["procedures"] == []


def test_ros_template_is_no_visit() -> None:
    note = """REVIEW OF SYSTEMS
CARDIOVASCULAR: The patient denies chest pain or palpitations.
RESPIRATORY: The patient denies cough or wheezing.
GASTROINTESTINAL: The patient denies nausea or abdominal pain.
NEUROLOGIC: The patient denies headache or dizziness.
"""
    assert code_cpt(note)["procedures"] == []


def test_same_exam_in_a_visit_is_leveled() -> None:
    found = [line["code"] for line in code_cpt(VISIT.format(exam=TEMPLATE))["procedures"]]
    assert found and found[0].startswith("992"), found
