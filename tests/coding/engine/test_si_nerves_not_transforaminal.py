"""A needle walked along the wall of a sacral foramen to block the posterior rami or lateral
branches that serve the sacroiliac joint is no transforaminal epidural injection (64483); a
true transforaminal injection at the same levels still is."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> set[str]:
    return {p["code"] for p in code_cpt(note)["procedures"]}


def test_posterior_rami_at_the_sacral_foramina_are_not_transforaminal() -> None:
    note = (
        "PROCEDURE: Right sacroiliac joint and sacral posterior rami injections under "
        "fluoroscopy.\n"
        "DETAILS: With the patient prone and under fluoroscopy, a 22-gauge spinal needle "
        "was placed into the lower right sacroiliac joint and, after negative aspiration,"
        " 3 mL of 0.25% bupivacaine with 40 mg of triamcinolone was injected. The same "
        "was repeated for the posterior primary rami at S2 and S3 along the superior "
        "lateral wall of the foramen; then the steroid mixture was injected. Band-aids "
        "were applied.\n"
    )
    got = codes(note)
    assert "64483" not in got
    assert "27096" in got


def test_transforaminal_injection_at_s1_stays_64483() -> None:
    note = (
        "PROCEDURE: Left S1 transforaminal epidural steroid injection with fluoroscopy.\n"
        "DETAILS: Under fluoroscopy a spinal needle was advanced into the left S1 foramen, "
        "contrast outlined the S1 nerve root and the epidural space, and 80 mg of "
        "methylprednisolone with 1 mL of lidocaine was injected.\n"
    )
    assert "64483" in codes(note)
