"""An extremity duplex report whose sides are named only on its EXAM: title line is coded by
them: "Bilateral lower extremity arterial duplex" is 93925 (it had coded nothing: the title was
not read for what the rule requires), "Bilateral lower extremity venous duplex" 93970 (it had
been the unilateral 93971), "Venous duplex, both lower extremities" 93970 alone; one side stays
the unilateral study with its side."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def _arterial(title: str) -> str:
    return (
        f"EXAM: {title}\n"
        "HISTORY: Claudication.\n"
        "FINDINGS: The superficial femoral arteries have monophasic flow distally.\n"
        "IMPRESSION: Femoropopliteal arterial disease.\n"
    )


def _venous(title: str) -> str:
    return (
        f"EXAM: {title}\n"
        "HISTORY: Leg swelling.\n"
        "FINDINGS: The femoral and popliteal veins compress fully with normal flow.\n"
        "IMPRESSION: No deep venous thrombosis.\n"
    )


def test_arterial_duplex_sides_from_the_title() -> None:
    assert lines(_arterial("Bilateral lower extremity arterial duplex.")) == [("93925", [])]
    assert lines(_arterial("Left lower extremity arterial duplex.")) == [("93926", ["LT"])]


def test_venous_duplex_sides_from_the_title() -> None:
    assert lines(_venous("Bilateral lower extremity venous duplex.")) == [("93970", [])]
    assert lines(_venous("Venous duplex, both lower extremities.")) == [("93970", [])]
    assert lines(_venous("Left lower extremity venous duplex.")) == [("93971", ["LT"])]
