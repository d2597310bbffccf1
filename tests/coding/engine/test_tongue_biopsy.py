"""A biopsy of the tongue: the base (posterior third) is 41105, the mobile tongue 41100. A
biopsy told without its site belongs to the site named in its sentence, else to the one named
just before it ("the left tongue base felt full. It was biopsied several times"), so a
tongue-base biopsy taken after the vocal cords were stripped at a laryngoscopy is its own line.
An excisional biopsy is the lesion's excision (41110-41114), and a biopsy of the vocal cord is
the laryngoscopy's."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


LARYNX = (
    "PREOPERATIVE DIAGNOSIS: Leukoplakia of the left vocal cord.\n"
    "PROCEDURE PERFORMED: Suspension microlaryngoscopy with stripping of the left vocal cord.\n"
    "DESCRIPTION: A Dedo laryngoscope was placed and suspended and the operating microscope "
    "brought in. The left vocal cord was stripped from back to front with cup forceps and "
    "sent to pathology. "
)


def test_tongue_base_biopsy_told_after_its_site_beside_cord_stripping() -> None:
    note = LARYNX + (
        "On withdrawing the scope, the left tongue base felt full and firm. This area was "
        "biopsied several times with cup forceps and sent to pathology.\n"
    )
    got = codes(note)
    assert "31541" in got
    assert "41105" in got
    assert "41100" not in got


def test_vocal_cord_biopsy_alone_is_not_a_tongue_biopsy() -> None:
    note = LARYNX + "The tongue base and vallecula looked normal and were not biopsied.\n"
    got = codes(note)
    assert "41105" not in got and "41100" not in got


def test_biopsy_of_the_lateral_tongue_is_41100() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Ulcer of the right lateral tongue.\n"
        "PROCEDURE PERFORMED: Biopsy of right lateral tongue.\n"
        "DESCRIPTION: After local infiltration a wedge of the ulcer edge was taken with a "
        "scalpel and the site closed with chromic.\n"
    )
    got = codes(note)
    assert "41100" in got
    assert "41105" not in got


def test_excisional_biopsy_of_a_tongue_lesion_is_its_excision() -> None:
    note = (
        "PROCEDURE PERFORMED: Excisional biopsy of left lateral tongue lesion.\n"
        "DESCRIPTION: The 6 mm lesion was excised with a margin and the defect closed "
        "with chromic sutures.\n"
    )
    got = codes(note)
    assert "41100" not in got
    assert "41112" in got
