"""Pelvic adhesions found at the operation for a tubal pregnancy are coded beside it: the
N70-N77 Excludes1 ("inflammatory diseases ... complicating ectopic or molar pregnancy
(O00-O07, O08.0)") is about the infection that complicates it (O08.0), and an ectopic code
O00.- carries no complication of its own. A pelvic infection after an ectopic is still not
coded twice. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.edits.icd10cm_edits import may_be_unrelated
from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses
from agentkit.coding.knowledge import knowledge

_NOTE = """PREOPERATIVE DIAGNOSIS: Suspected ectopic pregnancy.
POSTOPERATIVE DIAGNOSES:
1. Right isthmic tubal pregnancy, ruptured.
2. {second}
PROCEDURE: Laparoscopic right salpingectomy.
"""


def _codes(second: str) -> list[str]:
    note = _NOTE.format(second=second)
    return [d["code"] for d in code_diagnoses(analyze(note), patient={"sex": "female"})]


def test_adhesions_beside_a_tubal_pregnancy_are_coded() -> None:
    found = _codes("Dense pelvic adhesions.")
    assert found[0].startswith("O00.1")
    assert "N73.6" in found


def test_the_pair_may_be_unrelated_but_a_postpartum_one_is_not() -> None:
    icd = knowledge(None).icd10cm
    assert may_be_unrelated(icd, "O00.101", "N73.6")
    # a pregnancy code that is the same condition in pregnancy is never unrelated
    assert not may_be_unrelated(icd, "O23.91", "N39.0")
