"""Two brain tumors taken out in one operation, one above the tentorium through a craniotomy and
one below it through a suboccipital craniectomy (two metastases): each is its own line, the
posterior fossa craniectomy (61518, the more valued) first and the supratentorial craniotomy
(61510) after it. A lone posterior fossa tumor stays 61518 alone, and a lone supratentorial
tumor 61510 alone."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_supratentorial_and_posterior_fossa_metastases_both_coded() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Metastatic breast cancer to the brain, a left frontal lesion "
        "of 3.5 cm and a right cerebellar lesion of 3 cm.\n"
        "TITLE OF THE OPERATION:\n"
        "1. Left frontal craniotomy and excision of frontal metastasis.\n"
        "2. Right suboccipital craniectomy and excision of tumor.\n"
        "PROCEDURE IN DETAIL: A left frontal bone flap was turned, the dura opened and the "
        "metastasis removed en bloc. The bone flap was replaced with plates. The patient was "
        "then turned and a right suboccipital craniectomy made; the cerebellar tumor was "
        "removed with the ultrasonic aspirator. Both wounds were closed in layers.\n"
    )
    got = lines(note)
    assert got[:2] == ["61518", "61510"]


def test_infratentorial_lesion_through_suboccipital_craniectomy_is_61518() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Infratentorial lesion, right, 2.5 cm.\n"
        "OPERATION: Right suboccipital craniectomy and excision of tumor.\n"
        "PROCEDURE: Through a paramedian incision a suboccipital craniectomy was made, the dura "
        "opened and the tumor removed piecemeal. The dura was closed watertight.\n"
    )
    got = lines(note)
    assert got == ["61518"]


def test_lone_supratentorial_tumor_stays_61510() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right temporal glioblastoma.\n"
        "OPERATION: Right temporal craniotomy and resection of tumor.\n"
        "PROCEDURE: A question-mark incision was made, a bone flap turned and the temporal "
        "tumor resected to a gross total resection. The flap was replaced.\n"
    )
    got = lines(note)
    assert "61510" in got
    assert "61518" not in got
