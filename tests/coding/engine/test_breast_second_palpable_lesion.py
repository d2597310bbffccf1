"""Beside a wire-localized breast excision (19125), a further nodule found by palpation and
excised on its own is the open excision of another lesion, 19120 with 59 and the side; a second
lesion localized with its own wire is not (that is the add-on for each further localized
lesion), nor is a localized excision alone. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


_BASE = (
    "PREOPERATIVE DIAGNOSIS: Nonpalpable mass of the left breast.\n"
    "PROCEDURE PERFORMED: Wire-localized excision of left breast mass.\n"
    "DESCRIPTION: The localization wire placed in radiology was brought out through a "
    "periareolar incision and the tissue around it was excised and oriented with sutures; "
    "specimen radiography showed the clip and the mass. {extra}The wound was closed in two "
    "layers.\n"
)


def test_a_second_palpable_nodule_excised_separately_is_19120_59() -> None:
    note = _BASE.format(
        extra="A second firm nodule was then felt at the medial edge of the cavity and was "
        "excised separately and sent as its own specimen. "
    )
    found = _lines(note)
    assert found.get("19125") == ["LT"]
    assert found.get("19120") == ["59", "LT"]


def test_a_localized_excision_alone_has_no_19120() -> None:
    found = _lines(_BASE.format(extra=""))
    assert "19125" in found
    assert "19120" not in found


def test_a_second_wire_localized_lesion_is_not_19120() -> None:
    note = _BASE.format(
        extra="A second wire marked another lesion laterally, and that second lesion was "
        "excised around its wire as well. "
    )
    assert "19120" not in _lines(note)
