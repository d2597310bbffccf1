"""Starting dialysis for kidney failure escalates hospital-level care (high risk), also when
the plan tells it by the access placed for it now ("consult surgery for a temporary
hemodialysis catheter") or as "after he starts his dialysis"; a patient long on maintenance
dialysis whose sessions simply go on is no such decision."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

STARTING = """REASON FOR CONSULTATION: Oliguric kidney failure.
HISTORY OF PRESENT ILLNESS: A 52-year-old man admitted two days ago with vomiting. His
creatinine has risen from 4.1 to 6.8 despite IV fluids and he makes little urine.
LABORATORY DATA: Potassium 6.0, BUN 120, creatinine 6.8, bicarbonate 15.
IMPRESSION: 1. Acute kidney injury, oliguric. 2. Hyperkalemia. 3. Metabolic acidosis.
PLAN: Kayexalate 30 g now. Surgery is asked to place a temporary hemodialysis catheter in the
morning. Renal ultrasound, urine electrolytes and a BMP in the morning.
"""

MAINTENANCE = """REASON FOR CONSULTATION: End-stage renal disease on hemodialysis.
HISTORY OF PRESENT ILLNESS: A 66-year-old woman on hemodialysis for six years, admitted with
a hip fracture. Her last session was yesterday.
LABORATORY DATA: Potassium 4.6, BUN 40, creatinine 6.1.
IMPRESSION: 1. End-stage renal disease. 2. Hip fracture.
PLAN: Her usual hemodialysis schedule will continue on Tuesday, Thursday and Saturday.
Renal diet. BMP in the morning.
"""


def test_temporary_dialysis_catheter_is_dialysis_started() -> None:
    level = level_visit(analyze(STARTING))
    assert level is not None
    assert level["mdm"]["risk"] == "high"
    assert level["code"] == "99223"


def test_maintenance_dialysis_going_on_is_no_escalation() -> None:
    level = level_visit(analyze(MAINTENANCE))
    assert level is not None
    assert level["mdm"]["risk"] != "high"
