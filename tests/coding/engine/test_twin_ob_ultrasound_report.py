"""A physician's own second-trimester ultrasound of twins, told as biometry for each twin (a
twin anatomy survey written as a consult letter), is the obstetric ultrasound after the first
trimester for the first fetus (76805) with the add-on for the second (76810). A twin cesarean
whose note gives each baby's weight is no ultrasound."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_twin_anatomy_survey_report_is_76805_with_76810() -> None:
    note = (
        "The patient is a 31-year-old at 21 weeks with a twin gestation, seen for her "
        "anatomy survey.\n"
        "DETAILS: I performed a transabdominal ultrasound today. Twin A: the biparietal "
        "diameter is 5.0 cm, the femur length is 3.4 cm and the estimated fetal weight is "
        "410 g. Twin B: the biparietal diameter is 4.9 cm, the femur length is 3.3 cm and the "
        "estimated fetal weight is 395 g. The placentas are posterior and fluid is normal "
        "around both twins. The four-chamber view, spine, kidneys and stomach are normal for "
        "each.\n"
        "I reviewed these findings with the patient and will see her again in four weeks.\n"
    )
    got = codes(note)
    assert got[:2] == ["76805", "76810"]


def test_twin_cesarean_with_birth_weights_is_no_ultrasound() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Twin gestation at 37 weeks, breech presentation of twin A.\n"
        "PROCEDURE: Primary low transverse cesarean section.\n"
        "FINDINGS: Delivery of a viable female twin A and a viable male twin B; the estimated "
        "fetal weight by the prior ultrasound was 2,600 g each.\n"
        "DESCRIPTION: Through a Pfannenstiel incision the lower segment was opened and both "
        "twins were delivered. The hysterotomy was closed in two layers.\n"
    )
    got = codes(note)
    assert "76805" not in got
    assert "76810" not in got
