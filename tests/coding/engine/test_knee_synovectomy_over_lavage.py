"""Arthroscopy of an infected knee: lavage alone is 29871; a synovectomy of every compartment
is the major synovectomy (29876), the larger service that includes the lavage; a limited
synovectomy stays inside the lavage."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_HEAD = (
    "PREOPERATIVE DIAGNOSIS: Septic right knee.\n"
    "PROCEDURE: Arthroscopic irrigation and debridement of the right knee{extra}.\n"
    "DESCRIPTION: Standard portals were made and a diagnostic arthroscopy done. Purulent fluid "
    "was evacuated and the knee was irrigated with 9 liters of saline. {body}The portals were "
    "closed."
)


def test_synovectomy_of_all_compartments_outranks_the_lavage() -> None:
    note = _HEAD.format(
        extra=" with synovectomy",
        body="Inflamed synovium was resected; synovectomy was carried out in all compartments. ",
    )
    assert _codes(note) == ["29876"]


def test_lavage_alone_is_29871() -> None:
    assert _codes(_HEAD.format(extra="", body="")) == ["29871"]


def test_limited_synovectomy_stays_inside_the_lavage() -> None:
    note = _HEAD.format(extra=" with limited synovectomy", body="A small synovectomy was done. ")
    assert _codes(note) == ["29871"]
