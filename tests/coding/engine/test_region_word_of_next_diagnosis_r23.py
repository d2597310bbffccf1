"""A spine region word that opens the next diagnosis of a list belongs to that diagnosis
("herniated disc, lumbosacral facet arthropathy": the arthropathy is lumbosacral); the disc
then takes its region from the level the note treats (an injection at L4-L5: lumbar). A region
word that follows the diagnosis alone ("herniated disc, lumbar") is still the disc's."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def dx(note: str) -> list[str]:
    return sorted(d["code"] for d in code_cpt(note)["diagnoses"])


def test_region_word_of_the_next_item_leaves_the_disc_to_the_treated_level() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSES: Low back pain, herniated disc, lumbosacral facet arthropathy.\n"
        "PROCEDURE: Epidural steroid injection at L4-L5 under fluoroscopy.\n"
    )
    assert dx(note) == ["M47.817", "M51.26"]


def test_region_word_after_the_disc_alone_is_the_disc_region() -> None:
    assert dx("DIAGNOSIS: Herniated disc, lumbosacral.\n") == ["M51.27"]


def test_region_word_before_each_diagnosis_stays_with_it() -> None:
    note = "DIAGNOSIS: Lumbosacral radiculopathy secondary to lumbar spondylolysis.\n"
    assert dx(note) == ["M43.06", "M54.17"]
