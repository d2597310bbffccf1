"""A return to the operating room to stop bleeding from an earlier transanal excision, the
wound exposed with an anal retractor and cauterized, is the anoscopic control of bleeding
(46614), not a destruction of an anal lesion (46910); a lesion destroyed with cautery is
still 46910."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_bleeding_after_transanal_excision_is_controlled_not_destroyed() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Bleeding after transanal excision of a rectal polyp.\n"
        "PROCEDURE: Control of bleeding with cautery, examination under anesthesia.\n"
        "FINDINGS: The bed where the lesion had been excised was open, with two oozing spots.\n"
        "TECHNIQUE: In prone jackknife position the wound was exposed with a Parks anal "
        "retractor. The oozing edges were cauterized and one suture placed. No further "
        "bleeding was seen."
    )
    assert _codes(note) == ["46614"]


def test_perianal_condyloma_fulgurated_stays_46910() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Perianal condyloma.\n"
        "PROCEDURE: Fulguration of perianal condyloma.\n"
        "DESCRIPTION: Three small perianal lesions were fulgurated with the Bovie. Hemostasis "
        "was good."
    )
    assert _codes(note) == ["46910"]
