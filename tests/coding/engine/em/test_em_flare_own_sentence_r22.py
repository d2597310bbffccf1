"""A prose impression whose sentence names a chronic illness and tells it flaring ("has had
increased frequency of her migraine headaches") is that illness with exacerbation - the flare
words are not handed to the symptom named in the sentence before; a sentence without a
chronic illness of its own ("Seems to be worse than in the past.") still tells the item before
it."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

PROSE = """HISTORY OF PRESENT ILLNESS: A 55-year-old woman referred for headaches since her
twenties.
PAST MEDICAL HISTORY: Type 2 diabetes.
FAMILY HISTORY: Mother with migraine.
SOCIAL HISTORY: Teacher.
REVIEW OF SYSTEMS: Otherwise negative.
IMPRESSION AND PLAN: The patient is a 55-year-old teacher who has had episodes of headaches
with nausea and dizziness since her twenties. She started a new job in the spring and has
experienced increased frequency of her migraine symptoms. Her diagnosis is migraine.
I will start amitriptyline 10 mg at bedtime.
"""

LIST = """HISTORY OF PRESENT ILLNESS: A 55-year-old woman returns for her asthma.
ASSESSMENT:
1. Asthma. Seems to be worse than in the past.
PLAN: Add fluticasone 110 mcg two puffs twice daily.
"""


def test_flare_of_the_sentence_own_chronic_illness() -> None:
    level = level_visit(analyze(PROSE))
    assert level is not None
    assert level["mdm"]["problems"] == "moderate"
    assert level["code"] == "99204"


def test_flare_sentence_without_its_own_illness_tells_the_item_before() -> None:
    level = level_visit(analyze(LIST))
    assert level is not None
    assert level["mdm"]["problems"] == "moderate"
    assert level["code"] == "99214"
