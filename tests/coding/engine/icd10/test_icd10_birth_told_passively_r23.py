"""A delivery note that tells the birth only in the passive ("a healthy male infant was
delivered"), with no placenta, Apgar or cord sentence, still tells a birth in this note: the
complications of its story are coded (a perineal laceration repaired). A laceration denied is
not, and a forceps or vacuum delivery is never the uncomplicated delivery O80. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


_NOTE = (
    "DELIVERY NOTE: Low forceps were applied to the fetal head and a healthy male infant was"
    " delivered. {}\n"
)


def test_laceration_of_a_delivery_told_in_the_passive() -> None:
    codes = _codes(_NOTE.format("A fourth-degree laceration was repaired in layers."))
    assert "O70.3" in codes and "Z37.0" in codes


def test_no_laceration_codes_none_and_forceps_is_not_o80() -> None:
    # trap: the perineum was intact; the forceps make it no uncomplicated delivery
    codes = _codes(_NOTE.format("There were no perineal lacerations."))
    assert not any(c.startswith(("O70", "O80")) for c in codes)


def test_spontaneous_delivery_without_complication_is_o80() -> None:
    note = (
        "DELIVERY NOTE: A healthy female infant was delivered spontaneously over an intact"
        " perineum. The placenta delivered intact.\n"
    )
    assert "O80" in _codes(note)
