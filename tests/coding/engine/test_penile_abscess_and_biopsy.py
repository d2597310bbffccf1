"""A penile (or penoscrotal) abscess drained through the penis is the deep incision and
drainage of the penis (54015), not a scrotal space (54700); a cystoscopy note that also
biopsies the penis reads a narrative biopsy told with no site as that penile biopsy, so the
urethral dilation it lists (52281) is not replaced by a cystoscopic biopsy. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_penile_abscess_opened_through_the_shaft_is_54015() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Abscess of the penile shaft.\n"
        "PROCEDURE: Incision and drainage of penile abscess.\n"
        "DESCRIPTION: The fluctuant area on the dorsal shaft was incised and a large amount of "
        "pus drained. The cavity was irrigated and packed.\n"
    )
    codes = _codes(note)
    assert "54015" in codes and "54700" not in codes and "10060" not in codes


def test_a_scrotal_abscess_stays_54700() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Left scrotal abscess.\n"
        "PROCEDURE: Incision and drainage of left scrotal abscess.\n"
        "DESCRIPTION: The left hemiscrotum was incised and the abscess cavity drained of pus "
        "and irrigated. The penis was normal.\n"
    )
    codes = _codes(note)
    assert "54700" in codes and "54015" not in codes


CYSTO = (
    "POSTOPERATIVE DIAGNOSIS: Penile mass and urethral stricture.\n"
    "PROCEDURE: Penile biopsy, cystoscopy and urethral dilation.\n"
    "DESCRIPTION: A fungating mass of the glans was biopsied deeply. The urethra was dilated "
    "and the cystoscope passed; the bladder was normal. {extra}\n"
)


def test_an_unsited_narrative_biopsy_is_the_listed_penile_biopsy() -> None:
    codes = _codes(CYSTO.format(extra="Again biopsies were sent for pathology."))
    assert "54105" in codes and "52281" in codes and "52204" not in codes


def test_a_bladder_biopsy_told_with_its_site_is_still_52204() -> None:
    codes = _codes(CYSTO.format(extra="A red patch of the bladder dome was biopsied."))
    assert "54105" in codes and "52204" in codes
