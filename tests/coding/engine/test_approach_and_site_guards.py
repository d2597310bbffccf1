"""A procedure named as the way in is not the procedure ("through an external rhinoplasty
approach"), and endometriosis implants ablated at a laparoscopy are no vaginal lesions."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_rhinoplasty_approach_is_no_rhinoplasty() -> None:
    note = (
        "PROCEDURE: Septoplasty with bilateral spreader grafts.\n"
        "DESCRIPTION: A 35-year-old. Through an external septorhinoplasty approach the skin "
        "was elevated off the tip. The deviated quadrangular cartilage was resected leaving an "
        "L-strut, and spreader grafts were sutured between the septum and upper laterals. The "
        "columella was closed.\n"
    )
    assert "30420" not in codes(note)


def test_rhinoplasty_listed_with_its_septum_stays() -> None:
    note = (
        "PROCEDURE: Septorhinoplasty.\n"
        "DESCRIPTION: A 35-year-old. The septum was straightened with resection of the "
        "deviated cartilage, lateral osteotomies were made and the dorsal hump was reduced.\n"
    )
    assert codes(note)[0] == "30420"


def test_endometriosis_ablation_at_laparoscopy_is_no_vaginal_destruction() -> None:
    note = (
        "PROCEDURES:\n1. Dilation and curettage.\n2. Operative laparoscopy.\n"
        "3. Ablation of lesion suspicious for endometriosis.\n"
        "DESCRIPTION: A weighted speculum was placed in the vagina and the cervix was dilated; "
        "the endometrium was curetted. The laparoscope was inserted at the umbilicus. A 3 mm "
        "lesion on the left uterosacral ligament was ablated with the harmonic scalpel.\n"
    )
    assert "57061" not in codes(note)


def test_open_cholecystectomy_listed_after_a_laparoscopic_one_was_thought_of() -> None:
    note = (
        "PROCEDURE PERFORMED: Open cholecystectomy.\n"
        "INDICATIONS: Acalculous cholecystitis in a 78-year-old with severe COPD.\n"
        "DESCRIPTION: A laparoscopic cholecystectomy was first considered, but because of his "
        "lungs an open cholecystectomy under epidural anesthesia was chosen. A right subcostal "
        "incision was made, the cystic artery and duct were ligated and the gallbladder was "
        "removed from the liver bed.\n"
    )
    assert codes(note) == ["47600"]


def test_laparoscopic_cholecystectomy_with_conversion_consent_stays_laparoscopic() -> None:
    note = (
        "PROCEDURE PERFORMED: Laparoscopic cholecystectomy.\n"
        "DESCRIPTION: Consent included the possibility of an open cholecystectomy. Four ports "
        "were placed, the cystic duct and artery were clipped and divided and the gallbladder "
        "was removed through the umbilical port.\n"
    )
    assert codes(note) == ["47562"]
