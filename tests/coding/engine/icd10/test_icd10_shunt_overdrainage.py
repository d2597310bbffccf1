"""A ventricular shunt that drains too much (slit ventricle syndrome, shunt overdrainage) is a
mechanical complication of the shunt, T85.09XA, like an obstructed one; the headache it gives
is not coded beside it. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_slit_ventricle_syndrome_is_the_shunt_complication() -> None:
    note = """INDICATIONS: Intermittent severe headaches relieved by lying flat.
PREOPERATIVE DIAGNOSIS: Slit ventricle syndrome.
POSTOPERATIVE DIAGNOSIS: Slit ventricle syndrome.
PROCEDURE: Revision of the ventricular catheter and valve upgrade.
"""
    assert _codes(note) == ["T85.09XA"]


def test_overdrainage_said_otherwise() -> None:
    note = """POSTOPERATIVE DIAGNOSIS: Overdrainage of ventriculoperitoneal shunt.
PROCEDURE: Replacement of the shunt valve with a higher pressure valve.
"""
    assert _codes(note) == ["T85.09XA"]
