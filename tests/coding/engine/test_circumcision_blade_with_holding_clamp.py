"""Circumcision: a plain clamp that only holds the foreskin while a blade or scissors cut it
is still a surgical excision (54161 past 28 days of age); a named circumcision device (Gomco,
Mogen, Plastibell) is the clamp method (54150)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_scalpel_excision_with_a_holding_clamp_is_surgical_excision() -> None:
    codes = _codes(
        "PREOPERATIVE DIAGNOSIS: Phimosis.\n"
        "PROCEDURE: Circumcision.\n"
        "DESCRIPTION: A 52-year-old man under general anesthesia. The line of excision was"
        " marked on the foreskin, a straight clamp was placed across the foreskin to steady it"
        " and the foreskin was cut away with a scalpel. Bleeding points were cauterized and the"
        " skin edges joined with interrupted chromic sutures.\n"
    )
    assert codes == ["54161"]


def test_a_named_device_stays_the_clamp_code() -> None:
    codes = _codes(
        "PROCEDURE: Circumcision.\n"
        "DESCRIPTION: A 3-day-old boy after a dorsal penile block. A Gomco clamp was placed"
        " over the bell and the foreskin trimmed with a scalpel along the clamp.\n"
    )
    assert codes == ["54150"]
