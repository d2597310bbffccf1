"""An inguinal hernia repaired with an orchiopexy (CPT: the note under 54640 sends an inguinal
hernia repair done with an inguinal orchiopexy to 49495-49525). The hernia code is added when the
hernia is an operative diagnosis, its repair is listed as a procedure of its own and the groin
was opened; a sac freed through a scrotal incision, or one met on the way and not diagnosed,
stays part of the orchiopexy. The orchiopexy stays the principal procedure."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _claim(dx: str, listed: str, approach: str, age: int) -> list[tuple[str, list[str]]]:
    note = (
        f"PREOPERATIVE DIAGNOSIS: {dx}\n"
        f"POSTOPERATIVE DIAGNOSIS: {dx}\n"
        f"PROCEDURES: {listed}\n"
        "ANESTHESIA: General.\n"
        f"INDICATIONS: A {age}-year-old boy whose right testis has never been in the scrotum.\n"
        f"DESCRIPTION OF OPERATION: {approach} The testis lay at the external ring. The hernia"
        " sac was separated from the cord structures, twisted and ligated at the internal ring."
        " The testis was brought down into a subdartos pouch and fixed. The wounds were closed"
        " with absorbable sutures.\n"
    )
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


_GROIN = (
    "A right groin skin-crease incision was made and the external oblique aponeurosis was opened"
    " along its fibers."
)
_SCROTUM = "A high right scrotal incision was made and the tunica vaginalis was freed."


def test_a_diagnosed_hernia_repaired_through_the_groin_is_coded_after_the_orchiopexy() -> None:
    claim = _claim(
        "Right undescended testis and right inguinal hernia.",
        "Right orchiopexy and right inguinal hernia repair.",
        _GROIN,
        9,
    )
    assert claim == [("54640", ["RT"]), ("49505", ["RT"])]


def test_a_young_child_takes_the_under_five_hernia_code() -> None:
    claim = _claim(
        "Right undescended testis and right inguinal hernia.",
        "Right inguinal herniorrhaphy and right orchiopexy.",
        _GROIN,
        3,
    )
    assert claim == [("54640", ["RT"]), ("49500", ["RT"])]


def test_a_scrotal_orchiopexy_keeps_the_sac_in_the_orchiopexy() -> None:
    claim = _claim(
        "Right undescended testis and right inguinal hernia.",
        "Right orchiopexy and right inguinal hernia repair.",
        _SCROTUM,
        9,
    )
    assert claim == [("54640", ["RT"])]


def test_a_sac_that_is_no_operative_diagnosis_stays_in_the_orchiopexy() -> None:
    claim = _claim(
        "Right undescended testis.",
        "Right orchiopexy and right inguinal hernia repair.",
        _GROIN,
        9,
    )
    assert claim == [("54640", ["RT"])]


def test_an_unlisted_repair_stays_in_the_orchiopexy() -> None:
    claim = _claim(
        "Right undescended testis and right inguinal hernia.",
        "Right orchiopexy.",
        _GROIN,
        9,
    )
    assert claim == [("54640", ["RT"])]


def test_a_hernia_repair_without_an_orchiopexy_is_unchanged() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Left inguinal hernia.\n"
        "POSTOPERATIVE DIAGNOSIS: Left indirect inguinal hernia.\n"
        "PROCEDURE: Left inguinal hernia repair with mesh.\n"
        "DESCRIPTION: A 54-year-old man. A left groin incision was made and the external oblique"
        " opened. The indirect sac was dissected off the cord and reduced, and a mesh was sewn to"
        " the floor.\n"
    )
    assert [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]] == [
        ("49505", ["LT"])
    ]
