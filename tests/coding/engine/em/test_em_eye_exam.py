"""An eye doctor's office visit is reported with the ophthalmological examination codes:
comprehensive (92004/92014) with a dilated fundus examination of the whole visual system,
intermediate (92002/92012) without one; a general examination that only looks at the pupils
or fundi keeps the office E/M code. A consultation told without headings is still a visit."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em.eye import eye_exam_code
from agentkit.coding.engine.note_type import note_type, unheaded_visit

INTERMEDIATE = """SUBJECTIVE: Follow-up of allergic conjunctivitis; itching is better on the drops.
OBJECTIVE: Visual acuity is 20/20 in each eye. Intraocular pressure 14 mmHg in both eyes.
Slit lamp examination shows mild papillae of both lower lids and a clear cornea.
ASSESSMENT: Allergic conjunctivitis of both eyes, improving.
PLAN: Continue olopatadine drops twice a day. Return as needed.
"""

GENERAL_EXAM = """SUBJECTIVE: Headaches for two weeks.
OBJECTIVE: Blood pressure 128/80. Pupils equal and reactive. Fundi benign. Neck supple.
ASSESSMENT: Tension headache.
PLAN: Ibuprofen as needed. Return if worse.
"""

LETTER = """Dear Dr. Smith,
Thank you for referring Mrs. Roe for evaluation of her blurred vision. She has had type 2
diabetes for ten years. On examination her visual acuity was 20/30 in the right eye and 20/25
in the left eye. Intraocular pressures were 16 mmHg by applanation. Slit lamp examination
showed early cataracts. On dilated fundus examination there were no signs of diabetic
retinopathy in either eye. I have asked her to return for a dilated examination in one year.
"""

OPERATIVE_UNHEADED = """The patient was brought to the operating room and placed supine. After
general anesthesia the right groin was prepped and draped. An inguinal incision was made and
the hernia sac was dissected and ligated. The floor was repaired with mesh. The wound was closed.
"""


def test_an_eye_exam_without_dilation_is_intermediate() -> None:
    doc = analyze(INTERMEDIATE)
    assert eye_exam_code(doc, "established") == "92012"
    assert eye_exam_code(doc, "new") == "92002"
    assert code_cpt(INTERMEDIATE)["procedures"][0]["code"] == "92012"


def test_a_general_exam_of_pupils_and_fundi_keeps_the_office_code() -> None:
    assert eye_exam_code(analyze(GENERAL_EXAM), "established") is None
    assert code_cpt(GENERAL_EXAM)["procedures"][0]["code"].startswith("9921")


def test_an_unheaded_consultation_letter_is_a_visit() -> None:
    doc = analyze(LETTER)
    assert note_type(doc) == "other" and unheaded_visit(doc)
    assert [p["code"] for p in code_cpt(LETTER)["procedures"]] == ["92004"]


def test_an_unheaded_operative_narrative_is_not_a_visit() -> None:
    assert not unheaded_visit(analyze(OPERATIVE_UNHEADED))
