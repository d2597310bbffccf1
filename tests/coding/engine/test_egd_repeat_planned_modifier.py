"""CPT: an EGD whose duodenum was not examined is reported with 52 when no repeat examination
is planned and with 53 when one is planned ("repeat EGD tomorrow morning", "second look").
A complete EGD with a later follow-up EGD planned takes neither. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


_CLOT = (
    "PROCEDURE PERFORMED: Esophagogastroduodenoscopy.\n"
    "DETAILS: The scope was passed into the esophagus. The stomach was full of clot and the "
    "view was poor, so the scope was withdrawn.\n"
)


def test_repeat_planned_is_53() -> None:
    note = _CLOT + "PLAN: Repeat EGD in the morning after resuscitation.\n"
    assert _lines(note)["43235"] == ["53"]


def test_no_repeat_planned_is_52() -> None:
    note = _CLOT + "PLAN: Proton-pump inhibitor drip and surgical consultation.\n"
    assert _lines(note)["43235"] == ["52"]


def test_complete_exam_with_later_repeat_has_no_modifier() -> None:
    note = (
        "PROCEDURE PERFORMED: Esophagogastroduodenoscopy.\n"
        "DETAILS: The esophagus, stomach and the second portion of the duodenum were examined. "
        "A clean-based gastric ulcer was seen.\n"
        "PLAN: Repeat EGD in 8 weeks to document healing.\n"
    )
    assert _lines(note)["43235"] == []
