"""A visit's total time told as its length ("this 40-minute appointment").

The 2021 office rules level a visit by total time on the date when that supports a higher
level than medical decision making; "Greater than 50% of this 40-minute appointment was
devoted to counseling" tells 40 minutes, 99215 for an established patient. A procedure's or a
session's minutes are not the visit's.
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit


def level(note: str) -> dict[str, object] | None:
    return level_visit(analyze(note), patient_status="established")


VISIT = (
    "I saw Mr. A in neurologic follow-up today. His fatigue is unchanged and he misses doses of"
    " his injections.\nEXAMINATION: Alert and oriented. Gait is narrow based.\n"
    "IMPRESSION: Relapsing multiple sclerosis, stable. We discussed taking the injections on a"
    " regular schedule; refills sent.\n"
)


def test_visit_length_told_as_an_n_minute_appointment() -> None:
    found = level(
        VISIT + "Greater than 50% of this 40-minute appointment was devoted to counseling.\n"
    )
    assert found is not None
    assert found["code"] == "99215"
    assert found["basis"] == "time"
    assert found["total_minutes"] == 40


def test_minutes_of_something_else_are_not_the_visit() -> None:
    found = level(VISIT + "He walks for a 40-minute session on the treadmill daily.\n")
    assert found is not None
    assert found["basis"] == "mdm"
