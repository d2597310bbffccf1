"""A brain arteriovenous malformation removed through a craniotomy is coded by site and
complexity: supratentorial simple 61680, complex 61682 (an associated aneurysm, a deep site,
a high grade); cerebellar 61684/61686; dural 61690/61692. Embolization or radiosurgery of a
malformation is not the open operation."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_small_parietal_avm_resected_is_the_simple_supratentorial_code() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Left parietal arteriovenous malformation, Spetzler-Martin "
        "grade I.\n"
        "OPERATION: Left parietal craniotomy and resection of arteriovenous malformation.\n"
        "DESCRIPTION: A bone flap was turned. Under the microscope the feeding arteries were "
        "coagulated and divided, the nidus was dissected free and the draining vein divided "
        "last. The malformation was removed in one piece."
    )
    assert _codes(note)[0] == "61680"


def test_an_avm_with_a_feeding_aneurysm_is_complex() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right frontal arteriovenous malformation with an associated "
        "feeding artery aneurysm.\n"
        "OPERATION: Right frontal craniotomy with excision of the arteriovenous malformation.\n"
        "DESCRIPTION: The bone flap was removed and the nidus dissected circumferentially "
        "under the microscope and removed."
    )
    assert _codes(note)[0] == "61682"


def test_a_cerebellar_avm_is_the_infratentorial_code() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right cerebellar arteriovenous malformation.\n"
        "OPERATION: Suboccipital craniectomy and excision of cerebellar AVM.\n"
        "DESCRIPTION: The nidus was dissected from the cerebellar hemisphere and removed."
    )
    assert _codes(note)[0] == "61684"


def test_radiosurgery_of_an_avm_is_not_its_excision() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right occipital arteriovenous malformation.\n"
        "PROCEDURE: Stereotactic radiosurgery of the arteriovenous malformation.\n"
        "DESCRIPTION: The nidus was targeted with a single fraction aimed at obliteration of "
        "the AVM over the next years. There was no craniotomy."
    )
    codes = _codes(note)
    assert not {"61680", "61682", "61684", "61686"} & set(codes)
