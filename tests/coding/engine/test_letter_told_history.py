"""A letter or summary (neither an operative nor a visit note) that tells what the patient
"had" tells history, not a service of its author; "had ... today" stays this visit's."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


LETTER = (
    "Dear Dr. Smith:\n"
    "Thank you for your letter about Mr. Jones. He had his gallbladder removed in 2010. "
    "He had a spirometry last spring, which was reported as normal. His breathing remains "
    "comfortable and I would continue his current inhaler.\n"
    "Sincerely,\n"
)


def test_what_the_patient_had_is_history() -> None:
    assert "47600" not in codes(LETTER)
    assert "94010" not in codes(LETTER)
