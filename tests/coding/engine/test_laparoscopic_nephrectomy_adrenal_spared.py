"""A laparoscopic nephrectomy for a renal mass is radical (50545) by default; the note that
keeps the adrenal and never calls the operation radical, names Gerota's fascia or a node
dissection documents a simple nephrectomy (50546)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


_NOTE = (
    "PREOPERATIVE DIAGNOSIS: Right renal mass with bleeding.\n"
    "PROCEDURE PERFORMED: Right hand-assisted laparoscopic nephrectomy.\n"
    "DESCRIPTION: A hand port and two 12 mm ports were placed and pneumoperitoneum obtained. "
    "The colon was reflected medially and the old hematoma washed out. The renal artery and "
    "vein were divided with a vascular stapler. {extra}The kidney was delivered via the hand "
    "port and the fascia was closed."
)


def test_adrenal_kept_nothing_radical_is_simple() -> None:
    note = _NOTE.format(extra="The adrenal gland was preserved. ")
    assert _lines(note) == [("50546", ["RT"])]


def test_renal_mass_without_detail_stays_radical() -> None:
    assert _lines(_NOTE.format(extra="")) == [("50545", ["RT"])]


def test_gerota_fascia_en_bloc_stays_radical_even_with_the_adrenal_kept() -> None:
    note = _NOTE.format(
        extra="The kidney was taken within Gerota's fascia; the adrenal gland was spared. "
    )
    assert _lines(note) == [("50545", ["RT"])]
