"""A vaginal delivery told in the passive after a vacuum or forceps was applied ("with two
pulls a viable female infant was delivered") is the delivery 59409; the same words in a
cesarean note stay the cesarean. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_vacuum_delivery_told_in_the_passive() -> None:
    note = (
        "DELIVERY NOTE: After a prolonged second stage under epidural anesthesia, a Kiwi vacuum"
        " was applied to the fetal head and, with three pulls over two contractions, a healthy"
        " male infant was delivered. A second-degree laceration was repaired with 3-0 Vicryl.\n"
    )
    assert _codes(note) == ["59409"]


def test_cesarean_infant_delivered_is_no_vaginal_delivery() -> None:
    # trap: the infant lifted out through the hysterotomy
    note = (
        "PROCEDURE: Primary low transverse cesarean section.\n"
        "DESCRIPTION: A Pfannenstiel incision was made and a low transverse hysterotomy was"
        " performed. A viable female infant was delivered from the vertex position and handed"
        " to the pediatrician.\n"
    )
    assert "59409" not in _codes(note)
