"""The medical-coding domain layer: code sets, edits and the claim scrubber. No LLM in here.

Public surface (everything else is an implementation detail)::

    from agentkit.coding import knowledge, Claim, ClaimLine, Diagnosis, scrub

    kb = knowledge(date(2024, 8, 1))            # code sets + edits in force on that date
    kb.cpt.get("47562").description             # CPT starter codebook (our own words)
    kb.icd10cm.get("K80.20").billable           # ICD-10-CM (FY2026 April tabular)
    kb.hcpcs.get("J1100"); kb.modifiers.get("59")
    kb.ptp.lookup("47562", "49320", kb.dos)     # NCCI PTP edit, or None
    claim = Claim.from_codes("47562, 49320", dx="K80.20", date_of_service=date(2024, 8, 1))
    for finding in scrub(claim): print(finding.severity, finding.message)

See docs/coding-knowledge.md.
"""

from __future__ import annotations

from agentkit.coding.claim import (
    Claim,
    ClaimLine,
    Diagnosis,
    code_system,
    normalize_dx,
    normalize_sex,
    parse_code_list,
    parse_code_token,
)
from agentkit.coding.knowledge import CodingKnowledge, codeset_versions, knowledge
from agentkit.coding.scrub import scrub

__all__ = [
    "Claim",
    "ClaimLine",
    "CodingKnowledge",
    "Diagnosis",
    "code_system",
    "codeset_versions",
    "knowledge",
    "normalize_dx",
    "normalize_sex",
    "parse_code_list",
    "parse_code_token",
    "scrub",
]
