"""A buccal (or canine) space abscess drained through the mouth - no skin incision told - is
the oral vestibule's drainage (40800 simple, 40801 with drains or packing), not a skin abscess
(10060/10061). Drained through a skin incision it stays a skin-approach drainage."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_buccal_space_drained_through_the_mouth() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Left buccal space abscess.\n"
        "PROCEDURE: Incision and drainage of left buccal space abscess.\n"
        "DESCRIPTION: Under general anesthesia a throat pack was placed. An incision was made "
        "in the upper buccal mucosa and a hemostat was spread into the buccal space, "
        "releasing 4 mL of pus. A Penrose drain was placed and sutured to the mucosa.\n"
    )
    got = codes(note)
    assert "40801" in got
    assert not {"10060", "10061"} & set(got)


def test_buccal_space_drained_through_the_skin_is_not_intraoral() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right buccal space abscess.\n"
        "PROCEDURE: Extraoral incision and drainage of right buccal space abscess.\n"
        "DESCRIPTION: A skin incision was made over the cheek and the abscess cavity was "
        "opened and drained of pus. The cavity was packed with iodoform gauze.\n"
    )
    got = codes(note)
    assert not {"40800", "40801"} & set(got)
