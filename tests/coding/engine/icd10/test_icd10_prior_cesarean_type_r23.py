"""A previous cesarean named with its incision between the words ("one prior low transverse
cesarean section", "a previous classical cesarean") is the maternal care for the uterine scar
O34.21-, with the type of scar: low transverse O34.211, classical O34.212. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def _vbac(scar: str) -> str:
    return (
        f"DELIVERY NOTE: A 30-year-old G2 P1 with one prior {scar} cesarean section labored"
        " spontaneously and had a successful vaginal birth after cesarean. A live male infant"
        " was delivered over an intact perineum. The placenta delivered spontaneously.\n"
    )


def test_prior_low_transverse_cesarean() -> None:
    assert "O34.211" in _codes(_vbac("low transverse"))


def test_prior_classical_cesarean() -> None:
    assert "O34.212" in _codes(_vbac("classical"))


def test_no_prior_cesarean_no_scar_code() -> None:
    # trap: a first delivery names no scar
    note = (
        "DELIVERY NOTE: A 24-year-old G1 P0 delivered a live male infant over an intact"
        " perineum. The placenta delivered spontaneously.\n"
    )
    assert not any(c.startswith("O34.2") for c in _codes(note))


def test_vaginal_delivery_after_a_prior_cesarean_is_59612() -> None:
    # the CPT side: a vaginal delivery in a mother with a previous cesarean, told without the
    # word VBAC, is the delivery after a previous cesarean
    note = (
        "DELIVERY NOTE: A 31-year-old G2 P1 with a previous low transverse cesarean section"
        " labored well. A live female infant was delivered over an intact perineum. The"
        " placenta delivered spontaneously.\n"
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["59612"]
    # trap: a repeat cesarean after the earlier one is no vaginal delivery
    repeat = (
        "PROCEDURE: Repeat low transverse cesarean section.\n"
        "DESCRIPTION: She has had one prior cesarean section. Through a Pfannenstiel incision"
        " a low transverse hysterotomy was made and a live male infant was delivered.\n"
    )
    assert "59612" not in [p["code"] for p in code_cpt(repeat)["procedures"]]
