"""Age-split codes judge an undocumented age by the age the rule assumes: an adult unless
the rule says otherwise (adenoidectomy is a children's operation); a documented age decides."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.cpt.ruleset import RULES_DIR, load_ruleset
from agentkit.errors import DataFileError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "engine" / "rules"

ADENOIDECTOMY = """PREOPERATIVE DIAGNOSIS: Adenoid hypertrophy with chronic nasal obstruction.
PROCEDURE: Adenoidectomy.
DESCRIPTION: Under general anesthesia a mouth gag was placed and the palate retracted. The
adenoid pad was removed with a curette and the nasopharynx packed; bleeding points were
cauterized. There were no complications.
"""


def _line(note: str) -> dict[str, object]:
    procedures = code_cpt(note)["procedures"]
    assert len(procedures) == 1
    line: dict[str, object] = procedures[0]
    return line


def test_an_adenoidectomy_without_an_age_is_a_childs_and_goes_to_review() -> None:
    line = _line(ADENOIDECTOMY)
    assert line["code"] == "42830"
    assert isinstance(line["confidence"], float) and line["confidence"] < 0.85


def test_a_documented_age_decides() -> None:
    note = ADENOIDECTOMY.replace("DESCRIPTION:", "DESCRIPTION: A 35-year-old man.")
    assert _line(note)["code"] == "42831"


def test_assume_age_must_be_whole_years() -> None:
    with pytest.raises(DataFileError) as err:
        load_ruleset([RULES_DIR / "common.yaml", FIXTURES / "bad_assume_age.yaml"])
    assert "assume_age" in str(err.value)
