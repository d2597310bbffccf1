"""A pus collection in the deep spaces of the sole drained in the operating room (between the
metatarsal heads, in a plantar or web space, or tracking from the sole through to the dorsum) is
the deep foot abscess drainage 28002, even when the diagnosis calls it cellulitis with abscess;
a superficial abscess of the foot's skin is not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [
        p["code"] + "".join("-" + m for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


def test_pus_between_the_metatarsal_heads_drained_is_28002() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Cellulitis with abscess, left foot.
PROCEDURE: Irrigation and debridement, left foot.
FINDINGS: Pus in the sole between the fourth and fifth metatarsal heads.
DESCRIPTION: A 3 cm incision was made on the plantar foot over the fluctuance and purulent fluid
drained from the incision. The cavity was explored, loculations were broken up, and the wound
was irrigated with 3 liters and packed open.
"""
    assert _codes(note) == ["28002-LT"]


def test_a_superficial_heel_abscess_opened_at_the_bedside_is_not_deep() -> None:
    note = """PROCEDURE: Incision and drainage of a superficial abscess of the right heel.
DESCRIPTION: The 1 cm subcutaneous abscess of the heel skin was opened with a blade, a small
amount of pus expressed, and the cavity packed.
"""
    assert "28002" not in {c.split("-")[0] for c in _codes(note)}
