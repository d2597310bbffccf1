"""A teaching write-up's EXAM section is the physical examination: "Lungs: CTA" (clear to
auscultation) is no CT angiography and a head circumference no fetal ultrasound; the study the
write-up features is read from its course."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

NOTE = (
    "CC: Leg weakness.\n"
    "HX: A 58-year-old man with lung cancer noticed three weeks of progressive leg weakness "
    "and numbness below the nipples.\n"
    "PMH: Lung adenocarcinoma.\nSHX: Smoker.\nFHX: Noncontributory.\n"
    "EXAM: BP 142/80, HR 96.\nCV: Regular rate.\nLungs: CTA with shallow breathing.\n"
    "Head circumference 56 cm.\n"
    "Motor: 3/5 strength in both legs.\n"
    "COURSE: MRI of the thoracic spine revealed an epidural mass at T6 compressing the cord. "
    "He was given dexamethasone and referred for radiation.\n"
)


def test_a_physical_exam_line_is_no_study() -> None:
    codes = [p["code"] for p in code_cpt(NOTE)["procedures"]]
    assert "71275" not in codes
    assert "76805" not in codes
    assert codes == ["72146"]


def test_a_review_of_systems_by_organ_tells_no_study() -> None:
    note = (
        "HEENT: No headaches, vision changes or hearing loss.\n"
        "RESPIRATORY: No cough or wheezing.\n"
        "CARDIOVASCULAR: No chest pain or palpitations, no prior exercise stress test or "
        "other cardiac tests.\n"
        "GASTROINTESTINAL: No nausea or vomiting.\n"
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == []
