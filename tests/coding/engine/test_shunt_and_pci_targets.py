"""Rule words that name other things in other specialties: a cardiac or carotid "shunt" is no
cerebrospinal fluid shunt, and a balloon or stent in a pulmonary artery or a coarctation is no
coronary intervention."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_the_carotid_shunt_of_an_endarterectomy_is_no_csf_shunt() -> None:
    note = (
        "PROCEDURE: Right carotid endarterectomy with shunt placement and patch angioplasty.\n"
        "DESCRIPTION: The carotid artery was opened. An Argyle shunt was then inserted and "
        "held with Rummel tourniquets. The plaque was removed and the arteriotomy closed.\n"
    )
    assert "62223" not in codes(note)


def test_a_ventriculoperitoneal_shunt_is_still_coded() -> None:
    note = (
        "PROCEDURE: Placement of right ventriculoperitoneal shunt.\n"
        "INDICATION: Communicating hydrocephalus.\n"
        "DESCRIPTION: A burr hole was made and the ventricular catheter passed into the right "
        "lateral ventricle with clear CSF return. A programmable valve was connected and the "
        "peritoneal catheter tunneled and placed in the abdomen.\n"
    )
    assert codes(note) == ["62223"]


def test_balloon_angioplasty_of_a_coarctation_is_no_coronary_angioplasty() -> None:
    note = (
        "PROCEDURE: Cardiac catheterization with balloon angioplasty of coarctation of the "
        "aorta.\n"
        "DESCRIPTION: Cineangiograms were obtained with injection in the descending aorta. "
        "Balloon angioplasty of the coarctation of the aorta was performed with a 10 mm "
        "balloon inflated to 6 atmospheres with a fall in the gradient.\n"
    )
    assert "92920" not in codes(note)
