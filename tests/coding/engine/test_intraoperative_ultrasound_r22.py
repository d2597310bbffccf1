"""The surgeon's own ultrasound during an open or laparoscopic operation, used to find or
measure what is being removed, is 76998 beside the operation; imaging that is part of the
service (an ablation, a line placed under ultrasound), a heart echo in the operating room and
an ultrasonic cutting device are not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_laparoscopic_ultrasound_of_a_kidney_mass_is_reported() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Left renal mass.\n"
        "PROCEDURE PERFORMED: Laparoscopic left partial nephrectomy.\n"
        "DESCRIPTION: Trocars were placed and the colon reflected medially. The kidney was "
        "exposed within Gerota fascia. Laparoscopic ultrasound was performed to map the depth "
        "of the upper pole mass before the hilum was clamped. The mass was excised with a "
        "margin of normal parenchyma and the collecting system closed."
    )
    codes = _codes(note)
    assert codes[0] == "50543"
    assert "76998" in codes


def test_ultrasound_localizing_a_brain_tumor_at_craniotomy() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right frontal metastasis.\n"
        "PROCEDURE: Right frontal craniotomy for resection of tumor.\n"
        "DESCRIPTION: A bone flap was turned and the dura opened. Intraoperative ultrasound "
        "was used to localize the tumor beneath the cortex. A corticectomy was made and the "
        "tumor was removed in gross total fashion. The dura was closed."
    )
    assert "76998" in _codes(note)


def test_tee_in_the_operating_room_is_not_intraoperative_ultrasound_guidance() -> None:
    note = (
        "PROCEDURE PERFORMED: Coronary artery bypass grafting times three.\n"
        "DESCRIPTION: A median sternotomy incision was made. Intraoperative transesophageal "
        "echocardiogram showed preserved function. The saphenous vein was harvested and the "
        "grafts were sewn to the LAD, diagonal and right coronary artery."
    )
    assert "76998" not in _codes(note)


def test_ultrasonic_dissector_and_ultrasound_guided_line_are_not_76998() -> None:
    note = (
        "PROCEDURE PERFORMED: Laparoscopic cholecystectomy.\n"
        "DESCRIPTION: Trocars were placed. The gallbladder was dissected from the liver bed "
        "with the ultrasonic shears and removed in a bag. A right internal jugular central "
        "line was then placed under ultrasound guidance by anesthesia."
    )
    assert "76998" not in _codes(note)


def test_ablation_includes_its_ultrasound() -> None:
    note = (
        "PROCEDURE PERFORMED: Laparoscopic radiofrequency ablation of a liver tumor.\n"
        "DESCRIPTION: Trocars were placed. Intraoperative ultrasound identified the 2 cm "
        "lesion in segment six and the probe was placed into it under ultrasound guidance; "
        "the tumor was ablated for twelve minutes."
    )
    assert "76998" not in _codes(note)
