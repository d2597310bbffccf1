"""A discharge summary of a cesarean stay bills the cesarean with its postpartum care (59515)
only when it is the delivering physician's own: the author follows the mother up himself and no
other surgeon is named for the delivery. The discharge-day management is then inside the global
package; any other author's summary bills the discharge alone."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

SUMMARY = """DISCHARGE DIAGNOSES:
1. Intrauterine pregnancy at 39 weeks, delivered.
2. Arrest of dilation.
HOSPITAL COURSE: She was admitted in active labor. Labor arrested at 6 cm and she underwent a
primary low transverse cesarean section{extra}, delivering a healthy male infant. Her
postoperative course was unremarkable; she ambulated, voided and tolerated a regular diet, and
was discharged home on postoperative day 3.
DISCHARGE INSTRUCTIONS: Pelvic rest. Ibuprofen as needed. {follow}
"""


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_the_delivering_physicians_own_summary_bills_the_cesarean_with_postpartum_care() -> None:
    note = SUMMARY.format(extra="", follow="Follow up with me in the office in 2 weeks.")
    assert _codes(note) == ["59515"]


def test_a_tubal_ligation_at_the_cesarean_is_added() -> None:
    note = SUMMARY.format(
        extra=" with bilateral tubal ligation", follow="She will see me in 6 weeks."
    )
    assert _codes(note) == ["59515", "58611"]


def test_a_summary_without_the_authors_own_follow_up_bills_the_discharge() -> None:
    note = SUMMARY.format(extra="", follow="Follow up with her obstetrician in 2 weeks.")
    assert _codes(note) == ["99238"]


def test_a_cesarean_told_as_another_surgeons_bills_the_discharge() -> None:
    note = SUMMARY.format(extra=" by Dr. Jones", follow="Follow up with me in 2 weeks.")
    assert _codes(note) == ["99238"]
