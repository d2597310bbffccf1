"""Free flaps with microvascular anastomosis (round 19), by what the flap carries: a muscle or
myocutaneous flap (rectus, latissimus, gracilis) 15756, a skin or fasciocutaneous flap (radial
forearm, anterolateral thigh) 15757, a fascial flap 15758, a fibula or other osteocutaneous
flap 20969. A craniotomy's free bone flap is no free tissue transfer, and a breast rebuilt with a
free flap stays 19364."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_rectus_free_flap_is_15756() -> None:
    note = """PROCEDURE: Reconstruction of a lateral skull base defect with a rectus abdominis
myocutaneous free flap.
DESCRIPTION: The rectus muscle with a small skin paddle was raised on the deep inferior
epigastric vessels and transferred to the neck. The artery was sewn end to end to the facial
artery and the vein to the external jugular vein with microvascular technique.
"""
    codes = _codes(note)
    assert codes[0] == "15756"
    assert "15757" not in codes


def test_radial_forearm_free_flap_is_15757() -> None:
    note = """PROCEDURE: Partial glossectomy defect reconstructed with a left radial forearm
free flap.
DESCRIPTION: A fasciocutaneous radial forearm flap was raised on the radial artery and cephalic
vein, inset into the tongue defect, and the vessels were anastomosed to the lingual artery and a
jugular branch under the microscope.
"""
    assert "15757" in _codes(note)


def test_fibula_free_flap_is_osteocutaneous() -> None:
    note = """PROCEDURE: Segmental mandibulectomy defect reconstructed with a fibula free flap.
DESCRIPTION: An osteocutaneous fibula flap was harvested from the right leg, osteotomized and
plated to the mandible, and the peroneal vessels were anastomosed to the facial vessels with
microvascular technique.
"""
    codes = _codes(note)
    assert "20969" in codes
    assert "15756" not in codes and "15757" not in codes


def test_craniotomy_bone_flap_is_not_a_free_tissue_transfer() -> None:
    note = """PROCEDURE: Right frontotemporal craniotomy for evacuation of subdural hematoma.
DESCRIPTION: Burr holes were made and a free flap was turned with the craniotome. The dura was
opened and the clot evacuated; the middle meningeal artery branches were coagulated and the bone
flap was replaced with plates.
"""
    codes = _codes(note)
    assert not {"15756", "15757", "15758", "20969"} & set(codes)


def test_breast_free_flap_stays_19364() -> None:
    note = """PROCEDURE: Left breast reconstruction with a free muscle-sparing TRAM flap.
DESCRIPTION: The lower abdominal skin and fat with a small cuff of rectus muscle were raised on
the deep inferior epigastric vessels, which were anastomosed to the internal mammary artery and
vein under the microscope, and the flap was shaped into a breast mound.
"""
    codes = _codes(note)
    assert "19364" in codes
    assert "15756" not in codes
