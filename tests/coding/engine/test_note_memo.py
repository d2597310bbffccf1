"""What the coder remembers about one analysed note (contexts, statements read, assertion
statuses, the coding knowledge) is only reuse: any order of questions about one Document gives
what fresh Documents give, and the note is freed as soon as the caller drops it."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import pytest

from agentkit.coding.engine.coder import code_cpt, code_icd10cm, level_em
from agentkit.coding.engine.text.document import analyze
from agentkit.errors import UnsupportedSpec

VISIT = """CHIEF COMPLAINT: Follow-up of blood pressure and sugars.

HISTORY OF PRESENT ILLNESS: The patient is a 58-year-old man seen today for follow-up of his
hypertension and type 2 diabetes. He reports a left knee pain for two weeks after gardening.
He denies chest pain. No history of stroke.

ASSESSMENT:
1. Essential hypertension, controlled.
2. Type 2 diabetes mellitus without complications.
3. Left knee osteoarthritis.
4. Possible gout of the left knee.

PLAN:
1. Hypertension. Continue lisinopril.
2. Diabetes. Hemoglobin A1c ordered today.
3. The left knee was injected with 40 mg of triamcinolone after sterile preparation.
Return in three months.
"""

REPORT = """PREOPERATIVE DIAGNOSIS: Right inguinal hernia.
POSTOPERATIVE DIAGNOSIS: Right inguinal hernia, indirect.
PROCEDURE: Open repair of right inguinal hernia with mesh.
DESCRIPTION OF PROCEDURE: The right groin was prepped and draped. An incision was made and the
indirect hernia sac was dissected free and reduced. A mesh was placed. There were no
complications. History of hypertension, on lisinopril.
"""

Ask = tuple[str, ...]


def _answers(note: str, order: Ask, shared: bool) -> dict[str, Any]:
    doc = analyze(note) if shared else None
    out: dict[str, Any] = {}
    for question in order:
        d = doc if shared else analyze(note)
        if question == "cpt":
            out[question] = code_cpt(note, doc=d)
        elif question == "icd":
            out[question] = code_icd10cm(note, doc=d)
        else:
            try:
                out[question] = level_em(note, doc=d)
            except UnsupportedSpec:  # not a visit
                out[question] = "no visit level"
    return out


@pytest.mark.parametrize("note", [VISIT, REPORT])
@pytest.mark.parametrize(
    "order", [("cpt", "icd", "em"), ("em", "icd", "cpt"), ("icd", "em", "cpt")]
)
def test_questions_about_one_document_answer_as_fresh_documents_do(note: str, order: Ask) -> None:
    assert _answers(note, order, shared=True) == _answers(note, order, shared=False)


def test_a_coded_document_is_freed_without_the_cycle_collector() -> None:
    doc = analyze(VISIT)
    code_cpt(VISIT, doc=doc)
    code_icd10cm(VISIT, doc=doc)
    level_em(VISIT, doc=doc)
    ref = weakref.ref(doc)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del doc
        assert ref() is None
    finally:
        if was_enabled:
            gc.enable()
