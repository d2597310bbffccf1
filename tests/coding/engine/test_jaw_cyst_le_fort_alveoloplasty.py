"""Oral and maxillofacial operations with CPT codes of their own: a benign mandible cyst
enucleated or curetted (21040; the impacted tooth taken with it stays on the dental claim), a
cyst cleaned out of an extraction socket is part of the extraction; alveoloplasty per quadrant
(41874, "all four quadrants" = 4 units, the extractions beside it left to the dental claim);
Le Fort I osteotomy by pieces and bone graft (21141-21147)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, int]]:
    return [(p["code"], p["units"]) for p in code_cpt(note)["procedures"]]


def test_a_dentigerous_cyst_of_the_mandible_enucleated_is_21040() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Dentigerous cyst, right mandible, impacted tooth #32.
PROCEDURE: Enucleation of mandibular cyst and removal of impacted tooth #32.
DESCRIPTION: Under general anesthesia a mucoperiosteal flap was raised over the right
mandibular body. Bone was removed with a bur, the tooth was sectioned and delivered, and the
cyst was enucleated from the bony cavity and curetted. The site was irrigated and closed.
"""
    assert _lines(note) == [("21040", 1)]


def test_a_cyst_curetted_from_an_extraction_socket_is_part_of_the_extraction() -> None:
    note = """PROCEDURE: Extraction of teeth #18 and #19 under general anesthesia.
DESCRIPTION: The mandibular teeth were elevated and delivered. A small periapical cyst was
curetted from the socket of #19 and the extraction sites were closed with chromic gut.
"""
    assert "21040" not in {c for c, _ in _lines(note)}


def test_alveoloplasty_in_four_quadrants_is_four_units_without_the_extractions() -> None:
    note = """PROCEDURE: Extraction of all remaining teeth and alveoloplasty in all four quadrants.
DESCRIPTION: Under general anesthesia mucoperiosteal flaps were reflected in each arch, the
teeth were elevated and delivered, and the bony ridges were smoothed with rongeurs and a bone
file. The flaps were closed with running chromic sutures.
"""
    assert _lines(note) == [("41874", 4)]


def test_le_fort_i_by_pieces_and_graft() -> None:
    one = """PROCEDURE: Le Fort I osteotomy with maxillary advancement.
DESCRIPTION: A maxillary vestibular incision was made, the Le Fort I osteotomy was completed and
the maxilla down-fractured, advanced 5 mm and fixed with four plates.
"""
    assert _lines(one) == [("21141", 1)]
    two = one.replace(
        "advanced 5 mm", "split in the midline into two pieces, expanded, advanced 5 mm"
    )
    assert _lines(two) == [("21142", 1)]
    grafted = one.replace(
        "fixed with four plates", "fixed with plates; iliac bone graft was placed"
    )
    assert _lines(grafted) == [("21145", 1)]
    le_fort_iii = one.replace("Le Fort I osteotomy with", "Le Fort III osteotomy with").replace(
        "the Le Fort I osteotomy was completed", "the osteotomies were completed"
    )
    assert not {"21141", "21142", "21145"} & {c for c, _ in _lines(le_fort_iii)}
