"""A visit that books an operation ('PROCEDURES SCHEDULED: Laparoscopic cholecystectomy on ...')
bills the visit only: a scheduled procedure is the plan, not a service of this encounter."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt

SURGICAL_CONSULT = """CHIEF COMPLAINT: Right upper quadrant pain after meals.
HISTORY OF PRESENT ILLNESS: A 45-year-old woman with three months of postprandial pain.
Ultrasound showed gallstones.
PHYSICAL EXAMINATION: Tender in the right upper quadrant. No jaundice.
IMPRESSION: Symptomatic cholelithiasis.
PLAN: Risks and benefits of surgery were discussed and she wishes to proceed.
PROCEDURES SCHEDULED: Laparoscopic cholecystectomy on 04/12 at the outpatient surgery center.
"""


def test_a_scheduled_operation_is_not_billed_at_the_visit() -> None:
    assert [s.kind for s in analyze(SURGICAL_CONSULT).sections][-1] == "plan"
    codes = [p["code"] for p in code_cpt(SURGICAL_CONSULT)["procedures"]]
    assert "47562" not in codes
    assert codes and codes[0].startswith("992")
