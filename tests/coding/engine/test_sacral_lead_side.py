"""A sacral neuromodulation lead takes the side of the foramen it goes into, told anywhere in
the narrative ("on the right side near the S3 foramen"), whatever buttock holds the generator;
a foramen named in another kind of note (an epidural injection) is no lead. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_the_lead_takes_the_foramen_side() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Refractory overactive bladder.\n"
        "OPERATION: Stage I and II InterStim.\n"
        "DESCRIPTION: Under fluoroscopy the needle was passed on the left side into the S3 "
        "foramen with a good bellows response. A tined lead was placed over a wire. The lead "
        "was tunneled to a pocket in the upper buttock and connected to the generator.\n"
    )
    found = _codes(note)
    assert found.get("64561") == ["LT"]
    assert "64590" in found


def test_a_foramen_in_an_injection_note_is_no_lead() -> None:
    note = (
        "PROCEDURE: Right S1 transforaminal epidural steroid injection.\n"
        "DESCRIPTION: Under fluoroscopy a spinal needle was advanced to the right S1 foramen "
        "and the right S3 foramen was seen below it. Contrast outlined the nerve root and "
        "steroid was injected.\n"
    )
    assert "64561" not in _codes(note)
