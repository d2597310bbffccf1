"""Two foot bones partly excised and listed one by one, with the diagnosis placing a benign
bone tumor (osteochondroma, enchondroma, bone cyst) on the metatarsal: the partial
metatarsectomy is the tumor's excision (28104) beside the partial tarsectomy (28122), even
when the narrative resects "these prominences" in a sentence without the tumor's name. A
single partial metatarsectomy stays 28122 alone."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_metatarsal_osteochondroma_beside_navicular_ostectomy() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSES:\n1. Prominent navicular, left foot.\n"
        "2. Osteochondroma of left fourth metatarsal.\n"
        "PROCEDURE PERFORMED:\n1. Partial tarsectomy, navicular, left foot.\n"
        "2. Partial metatarsectomy, left foot.\n"
        "DESCRIPTION: The medial navicular prominence was resected with a saw. Through a "
        "dorsal incision a bony growth was seen at the neck of the fourth metatarsal. It was "
        "resected flush with an osteotome and the edges were rasped smooth.\n"
    )
    got = codes(note)
    assert "28122" in got
    assert "28104" in got


def test_single_partial_metatarsectomy_is_28122_alone() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Osteochondroma of right fifth metatarsal.\n"
        "PROCEDURE PERFORMED: Partial metatarsectomy, right foot.\n"
        "DESCRIPTION: The prominence at the fifth metatarsal neck was resected with a saw.\n"
    )
    got = codes(note)
    assert "28122" in got
    assert "28104" not in got
