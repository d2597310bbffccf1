"""Ranked candidate codes from the offline coder, to ground an LLM's choice.

When a spec says ``candidates: local``, the runtime adds these to the prompt context: the codes
the deterministic coder chose (with its evidence and confidence) and the close alternatives it
ruled out (superseded by a more specific code, bundled), so a routed model picks among options
grounded in the note's own words instead of recalling codes from memory. Cheap enough to run
before every LLM call (one pass over the note).
"""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine.coder import _dos, _plugin, cpt_result, read_note
from agentkit.coding.engine.cpt.knowledge_view import knowledge_view
from agentkit.coding.engine.note_type import note_type
from agentkit.coding.static_data import collector_paused

__all__ = ["candidates_for"]


def _cpt_candidates(inputs: dict[str, Any], limit: int) -> list[dict[str, Any]]:
    doc = read_note("cpt_coding", inputs.get("note"))
    dos = _dos(inputs.get("date_of_service"))
    result = cpt_result(doc, dos, inputs.get("patient"))
    if result is None:
        return []
    kv = knowledge_view(dos)
    out: list[dict[str, Any]] = []
    for line, proc in zip(result.lines, result.procedures, strict=True):
        mods = f" with modifier(s) {', '.join(proc['modifiers'])}" if proc["modifiers"] else ""
        units = f", {proc['units']} units" if proc["units"] > 1 else ""
        out.append(
            {
                "code": proc["code"],
                "description": line.hit.rule.summary or kv.description(proc["code"]),
                "evidence": proc["evidence"],
                "confidence": proc["confidence"],
                "why": f"offline coder's choice{mods}{units}",
            }
        )
    out.extend(result.alternatives)
    if note_type(doc) == "visit":
        leveler = _plugin("em", "level_visit")
        if leveler is not None:
            visit = leveler(doc, patient_status="unknown", date_of_service=dos)
            if visit and visit.get("code"):
                out.insert(
                    0,
                    {
                        "code": visit["code"],
                        "description": "Office/outpatient or emergency visit level",
                        "evidence": visit.get("evidence", ""),
                        "confidence": visit.get("confidence", 0.6),
                        "why": visit.get("rationale", "visit level from medical decision making"),
                    },
                )
    coder = _plugin("icd10", "code_diagnoses")
    if coder is not None:
        for d in coder(doc, patient=inputs.get("patient"), date_of_service=dos):
            out.append(
                {
                    "code": d["code"],
                    "description": d.get("rationale", ""),
                    "evidence": d["evidence"],
                    "confidence": d["confidence"],
                    "why": "ICD-10-CM diagnosis supported by the note",
                }
            )
    return out[:limit]


def _icd_candidates(inputs: dict[str, Any], limit: int) -> list[dict[str, Any]]:
    coder = _plugin("icd10", "code_diagnoses")
    if coder is None:
        return []
    doc = read_note("icd10cm_coding", inputs.get("note"))
    found = coder(
        doc, patient=inputs.get("patient"), date_of_service=_dos(inputs.get("date_of_service"))
    )
    return [
        {
            "code": d["code"],
            "description": d.get("rationale", ""),
            "evidence": d["evidence"],
            "confidence": d["confidence"],
            "why": f"{d.get('sequence', 'secondary')} diagnosis supported by the note",
        }
        for d in found
    ][:limit]


def _em_candidates(inputs: dict[str, Any], limit: int) -> list[dict[str, Any]]:
    leveler = _plugin("em", "level_visit")
    if leveler is None:
        return []
    doc = read_note("em_level", inputs.get("note"))
    visit = leveler(
        doc,
        patient_status=str(inputs.get("patient_status") or "unknown"),
        date_of_service=_dos(inputs.get("date_of_service")),
    )
    if not visit or not visit.get("code"):
        return []
    mdm = visit.get("mdm") or {}
    return [
        {
            "code": visit["code"],
            "description": f"E/M level by {visit.get('basis', 'mdm')}",
            "evidence": visit.get("evidence", ""),
            "confidence": visit.get("confidence", 0.6),
            "why": (
                f"problems {mdm.get('problems')}, data {mdm.get('data')}, risk {mdm.get('risk')}"
                if mdm
                else visit.get("rationale", "")
            ),
        }
    ][:limit]


_BY_SPEC = {
    "cpt_coding": _cpt_candidates,
    "icd10cm_coding": _icd_candidates,
    "em_level": _em_candidates,
}


@collector_paused()  # a note makes no cycles (see static_data)
def candidates_for(spec_name: str, inputs: dict[str, Any], limit: int = 20) -> list[dict[str, Any]]:
    """Ranked candidates ``[{code, description, evidence, confidence, why}]`` for a bundled
    spec's inputs; ``[]`` for a spec the offline coder does not know or a note it cannot read.
    Never raises on bad notes (the LLM call reports input errors itself)."""
    producer = _BY_SPEC.get(spec_name)
    if producer is None or limit <= 0:
        return []
    try:
        return producer(inputs, limit)
    except (ValueError, TypeError):
        return []
