"""At an admission the first assessment item is the illness the patient is admitted for: a
chronic illness that needs the hospital is not at its goal and threatens bodily function
(high problems, so 99223 beside the admission's high risk), unless the item says it is stable.
A consultation, or a note that does not decide the admission, keeps the item as it reads."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

ADMISSION = """REASON FOR ADMISSION: Confusion.
HISTORY OF PRESENT ILLNESS: A 60-year-old man with cirrhosis from alcohol is brought by his
wife for two days of confusion and sleepiness. He stopped his lactulose a week ago.
PHYSICAL EXAMINATION: Drowsy but arousable. Asterixis. Abdomen soft, mild ascites.
ASSESSMENT AND PLAN:
1. Cirrhosis of the liver{told}.
2. Type 2 diabetes.
Admit to the medical floor. Lactulose 30 mL every 6 hours and rifaximin 550 mg twice daily.
"""


def _problems(note: str) -> str:
    found = level_visit(analyze(note))
    assert found is not None
    return f"{found['code']} {found['mdm']['problems']}"


def test_the_chronic_illness_admitted_for_is_high_problems() -> None:
    assert _problems(ADMISSION.format(told="")) == "99223 high"


def test_an_item_told_stable_stays_a_stable_chronic_illness() -> None:
    assert _problems(ADMISSION.format(told=", stable")) == "99222 moderate"


def test_a_consultation_does_not_read_its_first_item_as_the_admission() -> None:
    consult = ADMISSION.format(told="").replace("REASON FOR ADMISSION", "REASON FOR CONSULTATION")
    consult = consult.replace("Admit to the medical floor. ", "")
    assert _problems(consult).endswith("moderate")
