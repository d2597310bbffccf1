"""An open-globe repair whose vitrectomy adds a scleral buckle to protect the eye, with no
retinal detachment anywhere in the note, is no detachment repair (67108); the laceration
"involving uveal tissue" is the repair with reposition of the uvea (65285)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_NOTE = (
    "PREOP DIAGNOSIS: Perforating corneoscleral laceration {dx}, right eye.\n"
    "TITLE OF OPERATION:\n1. Closure of perforating corneoscleral laceration involving uveal "
    "tissue.\n2. Pars plana vitrectomy.\n3. Scleral buckle, right eye.\n"
    "PROCEDURE: The corneoscleral wound was closed with interrupted nylon sutures. A three-port "
    "pars plana vitrectomy was performed. {body}An encircling band was placed under the rectus "
    "muscles and secured. An air-fluid exchange was done and the sclerotomies were closed."
)


def test_buckle_in_trauma_without_detachment_is_no_detachment_repair() -> None:
    codes = _codes(_NOTE.format(dx="involving uveal tissue", body="No retinal breaks were seen. "))
    assert "67108" not in codes
    assert codes[0] == "65285"
    assert "67036" in codes


def test_named_detachment_is_still_repaired_with_vitrectomy() -> None:
    codes = _codes(
        _NOTE.format(
            dx="with retinal detachment", body="The detached retina was flattened under air. "
        )
    )
    assert codes[0] == "67108"
