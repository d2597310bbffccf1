"""A posterior cervical laminectomy or laminotomy-foraminotomy done with a posterior cervical
fusion is reported beside the fusion (the decompression is its own work; only an anterior
discectomy and fusion takes the decompression into it). Spinous processes wired together over
the fusion (a Songer or Rogers wiring) are non-segmental instrumentation, 22840. A cervical
laminectomy's foraminotomies are part of it (no 63020 beside 63045)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_posterior_cervical_laminectomy_beside_posterior_fusion() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Cervical stenosis with myelopathy C4-C5.\n"
        "PROCEDURES:\n"
        "1. Cervical laminectomy C4 with foraminotomies.\n"
        "2. Posterior cervical fusion C4-C5 with spinous process wiring.\n"
        "DESCRIPTION: Prone in pins, the C4 and C5 laminae were exposed. A laminectomy of C4 was "
        "done with a burr and Kerrison rongeurs and the C5 roots were unroofed. The facets were "
        "decorticated, a cable was passed through the base of the C4 and C5 spinous processes "
        "and tightened over bone graft.\n"
    )
    got = codes(note)
    assert got[:3] == ["22600", "63045", "22840"]
    assert "63020" not in got  # the foraminotomies are part of the laminectomy


def test_anterior_cervical_fusion_still_takes_the_decompression() -> None:
    note = (
        "PROCEDURE: Anterior cervical discectomy and fusion C5-C6 with foraminotomy.\n"
        "DESCRIPTION: Through a right anterior cervical approach the disc was removed, the "
        "foramina opened and an allograft spacer placed with a plate.\n"
    )
    got = codes(note)
    assert "22551" in got
    assert not {"63045", "63020", "22840"} & set(got)


def test_wiring_without_fusion_is_no_instrumentation() -> None:
    note = (
        "PROCEDURE: Cervical laminotomy and foraminotomy, left C5-C6.\n"
        "DESCRIPTION: Through a small midline incision a left C5-C6 laminotomy and "
        "foraminotomy were done and the C6 root freed. Closure in layers.\n"
    )
    got = codes(note)
    assert "22840" not in got
    assert got[0] == "63020"
