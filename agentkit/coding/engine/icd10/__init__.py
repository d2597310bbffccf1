"""ICD-10-CM coding of one analysed note (the diagnosis half of the offline coder).

    from agentkit.coding.engine import analyze
    from agentkit.coding.engine.icd10 import code_diagnoses

    code_diagnoses(analyze(note), patient={"sex": "male", "age": 63}, date_of_service=None)
    # -> [{"code", "sequence", "evidence", "confidence", "rationale"}, ...] first-listed first

The coding knowledge lives in data files coders edit: ``data/concepts/*.yaml`` (how clinicians
write diagnoses, and their codes), ``data/guidelines.yaml`` (combination codes, integral
symptoms) and ``data/words.yaml`` (word equivalences for matching the tabular list). See
docs/offline-coder-diagnoses-and-em.md.
"""

from __future__ import annotations

from agentkit.coding.engine.icd10.coder import code_diagnoses

__all__ = ["code_diagnoses"]
