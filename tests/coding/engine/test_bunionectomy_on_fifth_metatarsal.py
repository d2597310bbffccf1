"""A bunionectomy listed without saying which bunion, whose story works on the fifth
metatarsal's prominence and never names the great toe or the first metatarsal, is the tailor's
bunion (bunionette) excision 28110 - whatever word the dictation garbled in front of it. A
hallux bunionectomy that also touches the fifth metatarsal is not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_bunionectomy_told_on_the_fifth_metatarsal_is_28110() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Painful bunion deformity, left foot.\n"
        "PROCEDURE PERFORMED: Bunionectomy, left foot.\n"
        "PROCEDURE IN DETAIL: Ankle block, prep and drape. We turned to the left fifth "
        "metatarsal, cut down 3 cm over its lateral bump and opened the capsule. The enlarged "
        "lateral eminence came off with the saw; edges rasped. Capsule and skin closed, "
        "dressing on.\n"
    )
    got = codes(note)
    assert "28110" in got
    assert not {"28292", "28296"} & set(got)


def test_hallux_bunionectomy_is_not_a_tailor_bunion_excision() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Hallux valgus, left foot.\n"
        "PROCEDURE PERFORMED: Bunionectomy with Austin osteotomy of the first metatarsal, "
        "left foot.\n"
        "PROCEDURE IN DETAIL: A dorsomedial incision was made over the first metatarsophalangeal "
        "joint and the medial eminence resected. A chevron osteotomy of the first metatarsal head "
        "was made, shifted laterally and fixed with a screw. The fifth metatarsal was not "
        "touched. The wound was closed.\n"
    )
    assert "28110" not in codes(note)
