"""Reprogramming a programmable CSF shunt valve (62252) is billed when done at the encounter; a
setting the author changed at an earlier, dated visit, told in the reason for a scan review,
is no service today."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_valve_reprogrammed_at_the_visit_is_62252() -> None:
    note = (
        "REASON FOR VISIT: Follow-up of normal pressure hydrocephalus.\n"
        "PROCEDURE: Programmable shunt valve reprogrammed from 1.5 to 1.0.\n"
    )
    assert "62252" in codes(note)


def test_setting_changed_on_an_earlier_date_is_not_billed() -> None:
    note = (
        "REASON FOR CT SCAN: This 70-year-old woman has a programmable shunt for hydrocephalus "
        "and had small subdural collections on a scan last winter. I changed the shunt setting "
        "from 1.0 to 1.5 on October 2, 2010, and she had a follow-up head CT to see whether "
        "they have shrunk.\n"
        "The CT of 12/01/2010 shows smaller subdural collections, now under 5 mm each side. "
        "Ventricles are unchanged.\n"
        "ASSESSMENT: Subdural collections resolving at the current setting.\n"
        "PLAN: Repeat head CT in three months.\n"
    )
    assert "62252" not in codes(note)


def test_setting_adjusted_weeks_ago_is_not_billed() -> None:
    note = (
        "REASON FOR VISIT: Review of head CT.\n"
        "I adjusted the valve setting of his programmable shunt to 2.0 three weeks ago and "
        "the new scan shows smaller ventricles.\n"
        "PLAN: See him in two months.\n"
    )
    assert "62252" not in codes(note)
