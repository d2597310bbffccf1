"""How the tabular matcher reads title words and note words (absent things, Latin plurals)."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses
from agentkit.coding.engine.icd10.lexicon import lexicon, stem
from agentkit.coding.engine.icd10.tabular_index import parse_title


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_what_follows_without_loss_or_signs_of_is_absent_not_required() -> None:
    lex = lexicon()
    t = parse_title(
        "Hyperuricemia without signs of inflammatory arthritis and tophaceous disease", lex
    )
    assert t.required == {"hyperuricemia"} and "arthritis" in t.excluded
    t = parse_title("Concussion without loss of consciousness", lex)
    assert t.required == {"concussion"} and "consciousness" in t.excluded
    # a site after "without foreign body of" is still the title's site
    t = parse_title("Laceration without foreign body of scalp", lex)
    assert "scalp" in t.required


def test_a_latin_plural_in_us_folds_to_its_singular() -> None:
    assert [stem(w) for w in ("calluses", "sinuses", "viruses", "causes", "abuses")] == [
        "callus",
        "sinus",
        "virus",
        "cause",
        "abuse",
    ]


def test_single_word_diagnoses_the_titles_name() -> None:
    note = "ASSESSMENT:\n1. Hyperuricemia.\n2. Calluses.\nPLAN: Recheck in a month.\n"
    found = codes(note)
    assert "E79.0" in found and "L84" in found


def test_a_bruise_is_a_contusion_and_an_intrarenal_stone_a_kidney_stone() -> None:
    # index: Bruise - see Contusion
    found = codes(
        "IMPRESSION:\n1. Bone bruise of the left knee.\n2. Bilateral intrarenal stones, "
        "no obstruction.\n"
    )
    assert "S80.02XA" in found and "N20.0" in found
