"""Straightening of chordee (54300) is a plastic operation on the penis: degloving, an
artificial erection, plication of the tunica, the urethra mobilized. A band of ventral skin
nicked with the knife while the foreskin is excised is part of the circumcision (54161). The
redundant foreskin excised at a first circumcision is that circumcision; only skin left by an
earlier circumcision makes a revision (54163)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_degloving_chordee_release_is_54300() -> None:
    note = (
        "PROCEDURES: Release of ventral chordee; circumcision.\n"
        "DESCRIPTION: Under general anesthesia a circumferential incision was made below the "
        "corona and the penis was degloved to its base. An artificial erection showed the "
        "curve was corrected. The excess prepuce was then excised and the skin sutured.\n"
    )
    got = codes(note)
    assert "54300" in got


def test_skin_tether_cut_at_a_circumcision_is_part_of_it() -> None:
    note = (
        "PROCEDURES PERFORMED: Circumcision and release of ventral chordee.\n"
        "DESCRIPTION: A penile block was given. The mild ventral chordee was released with a "
        "knife, the excess foreskin was removed, and the skin was closed with interrupted "
        "sutures. The patient is a 35-year-old man.\n"
    )
    got = codes(note)
    assert "54161" in got and "54300" not in got


def test_redundant_foreskin_at_a_first_circumcision_is_no_revision() -> None:
    note = (
        "PROCEDURES PERFORMED: Circumcision.\n"
        "POSTOPERATIVE DIAGNOSIS: Phimosis.\n"
        "DESCRIPTION: A penile block was given. The redundant foreskin was excised and the "
        "edges were approximated with interrupted sutures.\n"
    )
    got = codes(note)
    assert "54163" not in got and "54161" in got


def test_redundant_skin_of_a_newborn_circumcision_is_a_revision() -> None:
    note = (
        "PROCEDURES PERFORMED: Penile skin revision.\n"
        "HISTORY: He had a newborn circumcision and now has a large cuff of skin.\n"
        "DESCRIPTION: A penile block was given. The redundant foreskin was excised and the "
        "edges were approximated with interrupted sutures.\n"
    )
    assert codes(note) == ["54163"]
