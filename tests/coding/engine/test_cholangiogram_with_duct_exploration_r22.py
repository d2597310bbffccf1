"""The cholangiogram a surgeon takes and reads during a common duct exploration is reported
(74300): the exploration codes do not include it. A cholecystectomy "with cholangiography"
(47563, 47605) includes it, and an attempted cholangiogram is none."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_open_duct_exploration_with_cholangiogram_reports_its_reading() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Choledocholithiasis.\n"
        "PROCEDURE PERFORMED: Open cholecystectomy, intraoperative cholangiogram and common bile "
        "duct exploration with T-tube.\n"
        "DESCRIPTION: A right subcostal incision was made. The cystic duct was cannulated and "
        "an intraoperative cholangiogram under fluoroscopy showed a stone in the distal duct. "
        "A choledochotomy was made, the stone was flushed out and a T-tube was placed. The "
        "gallbladder was removed from the liver bed."
    )
    codes = _codes(note)
    assert codes[0] == "47610"
    assert "74300" in codes


def test_cholecystectomy_with_cholangiogram_includes_it() -> None:
    note = (
        "PROCEDURE PERFORMED: Laparoscopic cholecystectomy with intraoperative cholangiogram.\n"
        "DESCRIPTION: Trocars were placed. The cystic duct was cannulated and a cholangiogram "
        "showed free flow into the duodenum without filling defects. The gallbladder was "
        "removed."
    )
    codes = _codes(note)
    assert "47563" in codes
    assert "74300" not in codes


def test_attempted_cholangiogram_is_not_read() -> None:
    note = (
        "PROCEDURE PERFORMED: Open cholecystectomy and common bile duct exploration.\n"
        "DESCRIPTION: A subcostal incision was made. A cholangiogram was attempted but the "
        "catheter could not be passed into the tiny cystic duct. A choledochotomy was made, "
        "two stones were removed and a T-tube placed. The gallbladder was removed."
    )
    codes = _codes(note)
    assert "47610" in codes
    assert "74300" not in codes
