"""A diagnosis list's "Metastatic renal cell carcinoma" takes the sites of its metastases from
where the note tells them ("recurrence with metastases to the lung and to bone" in the
history): a secondary code for each site, not the unspecified C79.9; a denied metastasis
("no metastases to the liver") tells no site.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_NOTE = """PREOPERATIVE DIAGNOSIS: Metastatic renal cell carcinoma.
POSTOPERATIVE DIAGNOSIS: Metastatic renal cell carcinoma.
PROCEDURE: Placement of a subcutaneous port through the right internal jugular vein.
HISTORY: A 58-year-old man with a renal cell carcinoma treated two years ago. {story}
He is referred for a port before systemic therapy.
DESCRIPTION: The right neck was prepped. The vein was accessed under ultrasound and the
catheter tip placed at the cavoatrial junction. The port was sutured in a chest pocket.
"""


def _codes(story: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(_NOTE.format(story=story)))]


def test_the_sites_the_history_tells_are_the_secondary_codes() -> None:
    found = _codes("He now has recurrence with metastases to the lung and to bone.")
    assert "C78.00" in found and "C79.51" in found
    assert "C79.9" not in found


def test_a_site_written_before_the_word_counts_too() -> None:
    found = _codes("His staging scan shows new liver metastases.")
    assert "C78.7" in found and "C79.9" not in found


def test_a_denied_metastasis_tells_no_site() -> None:
    found = _codes("There are no metastases to the liver.")
    assert "C79.9" in found and "C78.7" not in found
