"""Neurosurgery: a shunt revised at its ventricular end alone is the ventricular catheter
replacement 62225, with the valve or distal catheter replaced too it is 62230 and 62225, and a
new shunt's catheter is no replacement; an intracranial arteriovenous malformation resected
through a craniotomy is 61680-61692 by site and complexity; a retained catheter fragment
taken out of the thecal sac through a laminectomy is the intradural non-tumor lesion code of
its region (63270-63273). Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> set[str]:
    return {p["code"] for p in code_cpt(note)["procedures"]}


def test_proximal_revision_with_the_valve_kept_is_62225() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Obstructed ventriculoatrial shunt.\n"
        "PROCEDURE: Proximal shunt revision.\n"
        "DESCRIPTION: The frontal incision was reopened and the ventricular catheter separated "
        "from the valve; it barely dripped. The distal system was tested and ran freely. The old "
        "catheter was withdrawn and a new Bactiseal catheter was placed into the frontal horn "
        "through the same burr hole with brisk flow and tied to the valve.\n"
    )
    got = _codes(note)
    assert "62225" in got
    assert "62230" not in got


def test_valve_and_ventricular_catheter_replaced_are_both_coded() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Shunt malfunction.\n"
        "PROCEDURE: Revision of ventriculoperitoneal shunt with new valve.\n"
        "DESCRIPTION: The obstructed proximal catheter was withdrawn and a new ventricular "
        "catheter passed into the frontal horn. The valve was replaced with a new programmable "
        "valve connected to the patent distal catheter.\n"
    )
    assert {"62230", "62225"} <= _codes(note)


def test_a_valve_replaced_alone_is_62230_only() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Shunt malfunction from a failed valve.\n"
        "PROCEDURE: Revision of ventriculoperitoneal shunt, valve replacement.\n"
        "DESCRIPTION: The ventricular catheter flowed briskly and was kept. The old valve was "
        "removed and replaced with a new programmable valve connected to both catheters.\n"
    )
    got = _codes(note)
    assert "62230" in got
    assert "62225" not in got


def test_a_new_shunt_is_not_a_catheter_replacement() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Hydrocephalus.\n"
        "TITLE OF OPERATION: Placement of a new right ventriculoperitoneal shunt.\n"
        "DESCRIPTION: A burr hole was made and a new Bactiseal catheter was inserted into the "
        "right lateral ventricle, connected to a programmable valve, and the peritoneal "
        "catheter was tunneled to the abdomen.\n"
    )
    got = _codes(note)
    assert "62223" in got
    assert "62225" not in got


_AVM = (
    "PREOPERATIVE DIAGNOSIS: Ruptured {site} arteriovenous malformation.\n"
    "OPERATION: {approach} craniotomy with resection of arteriovenous malformation.\n"
    "DESCRIPTION: A bone flap was raised and the dura opened. Under the operating microscope the "
    "feeding arteries were coagulated and divided, the nidus was dissected circumferentially and "
    "the malformation was removed in one piece. {extra}The dura was closed and the flap replaced.\n"
)


def test_a_superficial_supratentorial_avm_is_simple() -> None:
    got = _codes(_AVM.format(site="right parietal", approach="Right parietal", extra=""))
    assert "61680" in got
    assert "61682" not in got


def test_an_avm_with_a_feeder_aneurysm_is_complex() -> None:
    note = _AVM.format(
        site="left frontal",
        approach="Left frontal",
        extra="An associated aneurysm on the main feeder was excised with it. ",
    )
    got = _codes(note)
    assert "61682" in got
    assert "61680" not in got


def test_a_cerebellar_avm_is_infratentorial() -> None:
    got = _codes(_AVM.format(site="cerebellar", approach="Suboccipital", extra=""))
    assert "61684" in got


def test_an_embolized_avm_is_not_a_craniotomy_code() -> None:
    note = (
        "PROCEDURE: Cerebral angiography and transarterial embolization of a left temporal "
        "arteriovenous malformation.\n"
        "DESCRIPTION: A microcatheter was navigated into the feeding pedicle and Onyx was "
        "injected until the AVM was obliterated.\n"
    )
    got = _codes(note)
    assert not got & {"61680", "61682", "61684", "61686"}


def test_a_retained_catheter_removed_from_the_thecal_sac_is_63272() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Broken lumbar drain catheter retained in the thecal sac.\n"
        "PROCEDURES: L2 laminectomy and retrieval of the retained catheter fragment.\n"
        "DESCRIPTION: The L2 lamina was removed with a drill and rongeurs. The dura was opened in "
        "the midline under the microscope, the roots of the cauda equina were gently separated, "
        "and the fragment was found and withdrawn with microforceps. The dura was closed with "
        "running suture.\n"
    )
    got = _codes(note)
    assert "63272" in got
    assert "69990" in got


def test_an_intradural_tumor_is_not_the_non_tumor_code() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Intradural schwannoma at L2.\n"
        "PROCEDURE: L2 laminectomy and removal of intradural tumor.\n"
        "DESCRIPTION: The dura was opened and the schwannoma removed; a broken suction tip "
        "fragment was retrieved from the field. The dura was closed.\n"
    )
    assert "63272" not in _codes(note)
