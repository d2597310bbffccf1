"""Minor procedures told in office notes and short headerless narratives: nails counted from
a numbered list, nail borders removed, and an injection whose anesthetic is "without
epinephrine" (the additive, not a denial of the service)."""

from __future__ import annotations

from agentkit.coding.engine import analyze, assertion_of
from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, tuple[list[str], int]]:
    return {p["code"]: (p["modifiers"], p["units"]) for p in code_cpt(note)["procedures"]}


def test_without_epinephrine_does_not_deny_the_injection() -> None:
    note = "Then 3 mL of 1% lidocaine without epinephrine was injected into the left knee joint."
    doc = analyze(note)
    at = note.index("injected")
    assert assertion_of(doc, at, at + 8).status == "present"
    no_drain = "No drain was placed."
    doc = analyze(no_drain)
    assert assertion_of(doc, 3, 8).status == "negated"


def test_a_headerless_injection_note_is_coded() -> None:
    note = (
        "The risks were reviewed and the patient agreed. The skin was cleansed. Through a "
        "lateral approach 4 mL of 1% lidocaine without epinephrine was injected into the right "
        "knee joint, then 40 mg of Kenalog was injected. There were no complications."
    )
    assert _codes(note).get("20610") == (["RT"], 1)


def test_ten_numbered_nails_debrided_in_a_soap_plan_are_six_or_more() -> None:
    note = (
        "S: Painful thick toenails.\nO: Nails thick and yellow.\nA: Onychomycosis.\n"
        "P: Nails #1, #2, #3, #4, and #5 right and #1, #2, #3, #4, and #5 left were debrided.\n"
    )
    codes = _codes(note)
    assert "11721" in codes and "11720" not in codes
    two = "S: Thick nails.\nA: Onychomycosis.\nP: Nails #1 right and #1 left were debrided.\n"
    assert "11720" in _codes(two)


def test_two_nail_borders_removed_report_the_additional_nail() -> None:
    note = (
        "S: Ingrown great toenails.\nA: Ingrown nails.\n"
        "P: After a digital block, the medial border of the left great toenail was excised. "
        "The lateral border of the right great toenail was also excised. He will return.\n"
    )
    codes = _codes(note)
    assert codes.get("11730", ([], 0))[1] == 1
    assert codes.get("11732") == ([], 1)


def test_a_nail_plate_removed_is_not_hardware_removal() -> None:
    note = (
        "S: Ingrown nail.\nA: Onychocryptosis.\n"
        "P: After a digital block, the lateral border of the right great toenail was avulsed "
        "and the nail plate removed.\n"
    )
    assert not {"20680", "20670"} & set(_codes(note))


def test_a_treatment_told_with_its_history_is_historical() -> None:
    note = (
        "DESCRIPTION: He has a history of a right foot infection requiring a first ray "
        "resection. The second toe was disarticulated at the metatarsophalangeal joint."
    )
    doc = analyze(note)
    at = note.index("ray resection")
    assert assertion_of(doc, at, at + len("ray resection")).status == "historical"
