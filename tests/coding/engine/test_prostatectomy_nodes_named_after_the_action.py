"""A radical prostatectomy whose list names the pelvic lymph nodes after the action ("excised
prostate with the pelvic lymph nodes and seminal vesicles") is the prostatectomy with bilateral
pelvic lymphadenectomy (55845), as when the nodes come first ("pelvic lymph nodes were
dissected"). Without any node removal it stays 55840."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_nodes_named_after_excision_is_55845() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Adenocarcinoma of the prostate.\n"
        "PROCEDURE: Radical retropubic prostatectomy: removed the prostate together with the "
        "pelvic lymph nodes and both seminal vesicles.\n"
        "DESCRIPTION: Through a lower midline incision the prostate was dissected free, the "
        "urethra divided and the vesicourethral anastomosis completed over a Foley catheter.\n"
    )
    assert codes(note)[0] == "55845"


def test_prostatectomy_without_nodes_stays_55840() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Adenocarcinoma of the prostate.\n"
        "PROCEDURE: Radical retropubic prostatectomy.\n"
        "DESCRIPTION: Through a lower midline incision the prostate and seminal vesicles were "
        "removed and the vesicourethral anastomosis completed. No lymph nodes were removed.\n"
    )
    assert codes(note)[0] == "55840"
