"""An emergency physician who admits the patient for a flare of a chronic illness or an acute
illness with systemic symptoms addresses a problem that needs escalation to hospital care: a
severe exacerbation / threat to bodily function (high problems). A flare treated and sent home
stays moderate, and an admission the patient declines does not raise the problem."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

ADMITTED = """HISTORY OF PRESENT ILLNESS: A 22-year-old woman with sickle cell disease comes to
the emergency room with two days of pain in her legs and low back, like her usual crises.
PHYSICAL EXAMINATION: Uncomfortable. Afebrile. Lungs clear.
ER COURSE: CBC and a reticulocyte count were drawn. She was given IV fluids and two doses of
morphine with little relief. I discussed her with the hematologist on call and we decided to
admit her for pain control and hydration.
IMPRESSION: Sickle cell pain crisis.
"""

SENT_HOME = """HISTORY OF PRESENT ILLNESS: A 22-year-old woman with sickle cell disease comes to
the emergency room with two days of pain in her legs and low back, like her usual crises.
PHYSICAL EXAMINATION: Uncomfortable. Afebrile. Lungs clear.
ER COURSE: CBC and a reticulocyte count were drawn. She was given IV fluids and oral
oxycodone with good relief and was discharged home with a prescription for oxycodone.
IMPRESSION: Sickle cell pain crisis.
"""

DECLINED = """HISTORY OF PRESENT ILLNESS: A 22-year-old woman with sickle cell disease comes to
the emergency room with two days of pain in her legs and low back, like her usual crises.
PHYSICAL EXAMINATION: Uncomfortable. Afebrile. Lungs clear.
ER COURSE: CBC and a reticulocyte count were drawn. She was given IV fluids and oral
oxycodone with good relief. I offered admission, which she declined, and she went home with a
prescription for oxycodone.
IMPRESSION: Sickle cell pain crisis.
"""


def test_crisis_admitted_from_the_ed_is_high() -> None:
    level = level_visit(analyze(ADMITTED))
    assert level is not None
    assert level["mdm"]["problems"] == "high"
    assert level["code"] == "99285"


def test_crisis_sent_home_stays_moderate() -> None:
    level = level_visit(analyze(SENT_HOME))
    assert level is not None
    assert level["mdm"]["problems"] == "moderate"
    assert level["code"] == "99284"


def test_declined_admission_does_not_raise_the_problem() -> None:
    level = level_visit(analyze(DECLINED))
    assert level is not None
    assert level["mdm"]["problems"] == "moderate"


INJURY_OBSERVED = """HISTORY OF PRESENT ILLNESS: A 14-year-old boy is brought to the emergency room
after he fell from his skateboard without a
helmet and was briefly knocked out. He has a headache and does not remember the fall.
PHYSICAL EXAMINATION: Alert and oriented. Scalp hematoma. Neurologically intact.
LABORATORY DATA: CT of the head and a cervical spine x-ray were reviewed and are normal.
DIAGNOSES: 1. Concussion with brief loss of consciousness. 2. Scalp contusion.
PLAN: Admitted for observation overnight.
"""


def test_injury_kept_for_observation_stays_moderate() -> None:
    # an acute complicated injury (moderate) whatever the disposition
    level = level_visit(analyze(INJURY_OBSERVED))
    assert level is not None
    assert level["mdm"]["problems"] == "moderate"
    assert level["code"] == "99284"
