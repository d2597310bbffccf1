"""An emergency note's TREATMENT section told in the present tense ("The wound is cooled and
cleansed. A burn dressing is applied.") documents work done at the visit, like the past tense;
instructions for later care at home stay a plan."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

NOTE = """CHIEF COMPLAINT: Burn, left hand.
HISTORY OF PRESENT ILLNESS: A 35-year-old cook splashed hot grease on the back of his left hand
an hour ago.
PHYSICAL EXAMINATION: Second-degree burn of the dorsum of the left hand with two intact blisters.
No circumferential burn.
FINAL DIAGNOSIS: Second-degree burn, left hand.
TREATMENT: {treatment}
DISPOSITION: Home.
"""


def codes(treatment: str) -> list[str]:
    return [p["code"] for p in code_cpt(NOTE.format(treatment=treatment))["procedures"]]


def test_present_tense_burn_dressing_is_done() -> None:
    found = codes(
        "The wound is cooled and cleansed. A burn dressing is applied with silver sulfadiazine."
        " Return tomorrow for a dressing change."
    )
    assert "16020" in found


def test_home_dressing_instructions_are_a_plan() -> None:
    found = codes(
        "Keep the area clean. Apply bacitracin ointment and a dry dressing at home twice daily."
        " Return tomorrow for a dressing change."
    )
    assert "16020" not in found
