"""An office follow-up told under a plain HISTORY heading, with a minor procedure under its
own PROCEDURES heading (a laryngoscopy, 0-day global), is also billed as a visit with modifier
25 when it addresses more than one problem and manages one with prescription drugs outside the
procedure's sentences. Without that management the scope is the service alone."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


HEAD = (
    "HISTORY: A 62-year-old woman presents in followup after a hospital stay for acute "
    "epiglottitis treated with intravenous antibiotics.\n"
    "PROCEDURES PERFORMED: Flexible fiberoptic laryngoscopy showing a normal epiglottis and "
    "mobile vocal cords.\n"
    "IMPRESSION:\n1. Epiglottitis, resolving.\n2. Hypertension.\n3. Gastroesophageal reflux.\n"
)


def test_scope_and_drug_management_bill_the_visit_with_25() -> None:
    note = HEAD + (
        "PLAN: Continue amoxicillin-clavulanate 875 mg twice a day to finish ten days and "
        "start omeprazole 20 mg daily for the reflux. Follow up in one month.\n"
    )
    got = lines(note)
    assert got[0][0].startswith("992") and got[0][1] == ["25"]
    assert ("31575", []) in got


def test_scope_with_only_advice_is_the_procedure_alone() -> None:
    note = HEAD + "PLAN: Voice rest and follow up in one month.\n"
    got = lines(note)
    assert [c for c, _ in got] == ["31575"]
