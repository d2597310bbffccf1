"""A bladder (or urethra) torn during a delivery is obstetric trauma, O71.5 (inclusion terms:
obstetric injury to bladder, to urethra), not the injury code S37.2-. A cesarean told as past
does not make a later bladder injury obstetric. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_bladder_torn_at_cesarean_is_obstetric_trauma() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Bladder laceration.\n"
        "FINDINGS: We were asked to come in during her repeat cesarean section after a tear "
        "of the bladder dome was noticed.\n"
        "PROCEDURE: Two-layer closure of the bladder.\n"
    )
    codes = _codes(note)
    assert codes[0] == "O71.5"
    assert not any(c.startswith("S37") for c in codes)


def test_bladder_torn_at_forceps_delivery() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSES: Bladder laceration. Forceps delivery.\n"
        "PROCEDURE: Repair of the bladder.\n"
    )
    assert _codes(note)[0] == "O71.5"


def test_past_cesareans_do_not_make_it_obstetric() -> None:
    # trap: the cesareans are history; the bladder was entered at a hysterectomy
    note = (
        "POSTOPERATIVE DIAGNOSIS: Bladder laceration.\n"
        "INDICATIONS: She has had three prior cesarean sections. The bladder was entered "
        "during an abdominal hysterectomy for fibroids.\n"
        "PROCEDURE: Closure of the bladder.\n"
    )
    assert _codes(note) == ["S37.23XA"]


def test_injury_bladder_stays_an_injury() -> None:
    note = "DIAGNOSIS: Bladder laceration from a pelvic fracture in a car crash.\n"
    assert _codes(note)[0] == "S37.23XA"
