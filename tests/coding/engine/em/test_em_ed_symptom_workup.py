"""In the emergency department a presenting symptom worked up with tests (a headache with a CT
of the head, abdominal pain with labs) is an undiagnosed new problem with uncertain prognosis
(moderate problems); the same symptom without a work-up stays an acute uncomplicated problem,
and an office visit keeps the symptom as it is."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

ED_HEADACHE_WORKED_UP = """CHIEF COMPLAINT: Headache.
HISTORY OF PRESENT ILLNESS: A 48-year-old woman with a headache since this morning.
PHYSICAL EXAMINATION: Alert. Neurologic examination nonfocal.
ED COURSE: A CT of the head was ordered and is normal. CBC and basic metabolic panel normal.
ASSESSMENT: Headache.
PLAN: Tylenol. Follow up with her doctor in two days.
"""

ED_HEADACHE_NO_WORKUP = """CHIEF COMPLAINT: Headache.
HISTORY OF PRESENT ILLNESS: A 48-year-old woman with a headache since this morning.
PHYSICAL EXAMINATION: Alert. Neurologic examination nonfocal.
ED COURSE: She was given Tylenol and felt better.
ASSESSMENT: Headache.
PLAN: Follow up with her doctor in two days.
"""

OFFICE_HEADACHE_WORKED_UP = """CHIEF COMPLAINT: Headache.
HISTORY OF PRESENT ILLNESS: A 48-year-old woman with headaches for two weeks. She returns today.
PHYSICAL EXAMINATION: Neurologic examination nonfocal.
ASSESSMENT: Headache.
PLAN: CBC and basic metabolic panel ordered. Tylenol as needed.
"""


def _problems(note: str) -> str:
    level = level_visit(analyze(note))
    assert level is not None
    return str(level["mdm"]["problems"])


def test_an_ed_symptom_worked_up_is_an_undiagnosed_new_problem() -> None:
    assert _problems(ED_HEADACHE_WORKED_UP) == "moderate"


def test_an_ed_symptom_without_a_work_up_stays_low() -> None:
    assert _problems(ED_HEADACHE_NO_WORKUP) == "low"


def test_an_office_symptom_worked_up_keeps_its_level() -> None:
    assert _problems(OFFICE_HEADACHE_WORKED_UP) == "low"
