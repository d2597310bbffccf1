"""A lumbar paravertebral sympathetic block (64520) does not include imaging: fluoroscopic
guidance of its needle is reported beside it (77003). The epidural, transforaminal and facet
codes include their imaging, so no 77003 there, and a block done without imaging has none."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_fluoroscopy_for_lumbar_sympathetic_block_is_77003() -> None:
    note = (
        "PROCEDURE: Left lumbar sympathetic block.\n"
        "DESCRIPTION: The patient lay prone and the skin was prepped. Under AP and lateral "
        "fluoroscopic guidance a 22-gauge needle was advanced to the anterolateral body of L3. "
        "Contrast spread along the vertebral body, and 15 mL of 0.25% bupivacaine was injected. "
        "The patient tolerated it well.\n"
    )
    got = codes(note)
    assert "64520" in got and "77003" in got


def test_lumbar_sympathetic_block_without_imaging_has_no_77003() -> None:
    note = (
        "PROCEDURE: Right lumbar sympathetic block.\n"
        "DESCRIPTION: Landmarks were palpated and a needle advanced to the body of L2, where "
        "10 mL of 0.25% bupivacaine was injected after negative aspiration.\n"
    )
    got = codes(note)
    assert "64520" in got and "77003" not in got


def test_fluoroscopy_shared_with_a_transforaminal_injection_is_not_77003() -> None:
    note = (
        "PROCEDURES: Left L4-L5 transforaminal epidural steroid injection; left lumbar "
        "sympathetic block.\n"
        "DESCRIPTION: Under fluoroscopic guidance a spinal needle was placed in the left L4-L5 "
        "foramen and 40 mg of Kenalog was injected. A second needle was then advanced to the "
        "anterolateral body of L3 and 10 mL of 0.25% bupivacaine was injected.\n"
    )
    assert "77003" not in codes(note)
