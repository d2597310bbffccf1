"""An abscess opened and drained, and suture or foreign material removed, in the wound that is
then excisionally debrided are part of the debridement: 11042-11044 (with their add-ons)
replace 10060/10061 and the foreign-body removal codes. An I&D with no excisional
debridement keeps its own code. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> set[str]:
    return {p["code"] for p in code_cpt(note)["procedures"]}


def test_abscess_drained_then_fascia_debrided() -> None:
    note = (
        "PROCEDURE: Incision and drainage of abdominal wall abscess, excisional debridement of "
        "skin, subcutaneous tissue and fascia, removal of foreign body.\n"
        "TECHNIQUE: The abscess was opened with cautery and drained; loculations were broken up "
        "and a drain track noted. Necrotic fascia was excised with cautery and old braided "
        "suture fragments in the muscle were removed. The wound measured 4 x 3 cm and was packed.\n"
    )
    codes = _codes(note)
    assert "11043" in codes
    assert not codes & {"10060", "10061", "20520", "10120"}


def test_drainage_alone_keeps_the_id_code() -> None:
    note = (
        "PROCEDURE: Incision and drainage of a complicated back abscess.\n"
        "TECHNIQUE: A cruciate incision was made, purulent material expressed, loculations broken "
        "up with a hemostat and the cavity packed with iodoform gauze.\n"
    )
    codes = _codes(note)
    assert "10061" in codes
    assert not codes & {"11042", "11043"}
