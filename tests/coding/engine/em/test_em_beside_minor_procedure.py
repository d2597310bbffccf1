"""A visit that performs a minor procedure is the procedure alone when its evaluation only
decided on the procedure (NCCI: that decision is part of the procedure); it is also a visit,
with modifier 25, when it addresses another problem and manages it with prescription drugs."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_NOTE = (
    "S - A 52-year-old man with two weeks of sharp pain in the right heel on first steps in"
    " the morning.{extra_s}\n"
    "O - Point tenderness at the plantar medial right heel. {extra_o}\n"
    "A - 1. Plantar fasciitis, right.{extra_a}\n"
    "P - The right heel was injected medially with 1 mL of dexamethasone and 1 mL of"
    " lidocaine. Stretching exercises reviewed.{extra_p} Follow up in three weeks.\n"
)


def _lines(**parts: str) -> list[tuple[str, list[str]]]:
    note = _NOTE.format(**{"extra_s": "", "extra_o": "", "extra_a": "", "extra_p": "", **parts})
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_the_injection_alone_when_the_visit_only_decides_on_it() -> None:
    lines = _lines()
    codes = [c for c, _ in lines]
    assert "20550" in codes
    assert not any(c.startswith("992") for c in codes)


def test_another_problem_treated_with_a_prescription_is_a_visit_with_25() -> None:
    lines = _lines(
        extra_s=" He also has itching and scaling between the toes of both feet.",
        extra_o="Scaling and maceration of the interdigital spaces of both feet.",
        extra_a="\n2. Tinea pedis.",
        extra_p=" For the tinea pedis, terbinafine 250 mg daily for two weeks was prescribed.",
    )
    codes = [c for c, _ in lines]
    assert "20550" in codes
    visit = [line for line in lines if line[0].startswith("992")]
    assert visit and visit[0][1] == ["25"]


def test_a_prescription_for_orthotics_is_no_drug_management() -> None:
    lines = _lines(
        extra_a="\n2. Pes planus.",
        extra_p=" Custom orthotics were prescribed for the flat feet.",
    )
    assert not any(c.startswith("992") for c, _ in lines)
