"""Radiofrequency lesioning of a sympathetic ganglion or chain has no CPT code of its own: it is
reported with the unlisted nervous system code 64999, never as a facet joint nerve ablation
(64633-64636 name the paravertebral facet joint nerves) nor as the anesthetic sympathetic block
(64510, 64520) that precedes the lesion."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_lumbar_sympathetic_chain_rf_is_unlisted_not_facet_ablation() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Sympathetically maintained pain of both legs.\n"
        "PROCEDURE: Radiofrequency lesioning of the lumbar sympathetic chain on both sides.\n"
        "DETAILS: Prone position. Under fluoroscopy an insulated needle was walked off the L3 "
        "vertebral body on each side to its anterolateral border. Motor testing was negative. "
        "Bupivacaine was given and a lesion was made at 80 degrees for 90 seconds on each side.\n"
    )
    got = codes(note)
    assert got == ["64999"]


def test_stellate_ganglion_rftc_drops_the_block_and_the_cervical_facet_code() -> None:
    note = (
        "DIAGNOSIS: Complex regional pain syndrome of the right arm.\n"
        "PROCEDURE: Right stellate ganglion RFTC under fluoroscopy.\n"
        "DETAILS: The needle was guided to the C7 transverse process root. After a test dose "
        "of lidocaine the stellate ganglion block was completed and a thermal lesion was made "
        "at 80 degrees for 60 seconds.\n"
    )
    got = codes(note)
    assert "64999" in got
    assert not {"64510", "64633", "64634"} & set(got)


def test_plain_sympathetic_block_and_medial_branch_rf_keep_their_codes() -> None:
    block = (
        "PROCEDURE: Left lumbar sympathetic block.\n"
        "DETAILS: Under fluoroscopy a needle was placed at the anterolateral L2 vertebral body "
        "and 15 mL of bupivacaine was injected. The leg warmed.\n"
    )
    # the block code includes no imaging: its fluoroscopy is reported beside it
    assert codes(block) == ["64520", "77003"]
    rf = (
        "PROCEDURE: Radiofrequency ablation of the right L4 and L5 medial branches.\n"
        "DETAILS: Under fluoroscopy the cannulas were placed at the transverse process "
        "junctions and lesions were made at 80 degrees for 90 seconds.\n"
    )
    assert "64635" in codes(rf)
