"""Myelography by lumbar injection, the contrast injected and the films read by the same
physician (a surgeon's myelogram on the table before a discectomy, a radiologist's myelogram),
is 62302-62305 by the regions imaged; a CT after the myelogram, a myelogram told as an earlier
study or a finding read off one is none."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_surgeons_myelogram_before_a_discectomy() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Herniated disc L4-L5 on the right.\n"
        "PROCEDURE PERFORMED:\n1. Injection for myelogram.\n"
        "2. Right L4-L5 microdiscectomy.\n"
        "DESCRIPTION: With the patient prone a 22 gauge spinal needle was placed at L2-L3 into "
        "the thecal sac and 10 mL of contrast injected; AP and lateral fluoroscopic views showed "
        "a filling defect at L4-L5 on the right. A laminotomy was then made and the extruded "
        "disc herniation removed, freeing the L5 root."
    )
    codes = _codes(note)
    assert codes[0] == "63030"
    assert "62304" in codes


def test_cervical_myelogram_report() -> None:
    note = (
        "PROCEDURE: Cervical myelogram.\n"
        "TECHNIQUE: A lumbar puncture was performed at L3-L4 and 10 mL of contrast injected; "
        "the contrast was run up to the cervical region and images of the cervical spine "
        "obtained.\nIMPRESSION: Cord compression at C5-C6."
    )
    codes = _codes(note)
    assert "62302" in codes
    assert "62304" not in codes
    assert "62270" not in codes


def test_earlier_or_ct_myelogram_is_not_coded() -> None:
    note = (
        "PROCEDURE PERFORMED: Left L5-S1 microdiscectomy.\n"
        "INDICATIONS: A CT myelogram performed last month showed a herniated disc at L5-S1.\n"
        "DESCRIPTION: A laminotomy was made and the herniated disc removed."
    )
    codes = _codes(note)
    assert not {"62302", "62303", "62304", "62305"} & set(codes)


def test_a_finding_read_off_a_contrast_spread_is_not_a_myelogram() -> None:
    note = (
        "PROCEDURE: Lumbar epidural catheter placement under fluoroscopy.\n"
        "DESCRIPTION: The catheter was advanced to L4-L5; contrast showed an epidural spread "
        "and no myelogram pattern was seen."
    )
    assert not {"62302", "62303", "62304", "62305"} & set(_codes(note))


def test_earlier_studies_told_in_the_technique_are_not_coded() -> None:
    note = (
        "OPERATIVE PROCEDURES\n1. Posterior cervical fusion C4-C5.\n"
        "TECHNIQUE: The patient was brought to the operating room. Repeat studies including "
        "myelogram and post myelogram CTs revealed blunting of the C5 root. The lamina were "
        "decorticated and an iliac crest bone graft was placed."
    )
    assert not {"62302", "62303", "62304", "62305"} & set(_codes(note))
