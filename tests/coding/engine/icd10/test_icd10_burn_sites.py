"""Burns are coded by site (T20-T25), one code for each site a statement names, at the highest
degree written for that site (guideline I.C.19.d.1), with the side written next to the site's
own words; both sides of a part with no bilateral code take the right and the left code.
Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(assessment: str) -> list[str]:
    note = (
        "HISTORY OF PRESENT ILLNESS: A 30-year-old man was burned by a kitchen grease fire.\n"
        f"ASSESSMENT: {assessment}\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_each_site_named_is_a_code() -> None:
    assert codes("Burns of the neck, chest and right upper arm.") == [
        "T20.07XA",
        "T21.01XA",
        "T22.031A",
    ]


def test_degree_and_side_go_with_each_site() -> None:
    assert codes("Second-degree burns of the right forearm and left hand.") == [
        "T22.211A",
        "T23.202A",
    ]
    assert codes(
        "Third-degree burn of the left hand and second-degree burn of the left forearm."
    ) == [
        "T23.302A",
        "T22.212A",
    ]


def test_highest_degree_at_one_site_and_both_sides() -> None:
    assert codes("First-degree and second-degree burns of the right forearm.") == ["T22.211A"]
    assert codes("Second-degree burns of both hands.") == ["T23.201A", "T23.202A"]


def test_one_site_and_no_site() -> None:
    assert codes("Burn of the left forearm, second degree.") == ["T22.212A"]
    assert codes("Burn.") == ["T30.0"]


def test_extent_with_sites_codes_the_sites_then_the_extent() -> None:
    # the T31 extent is a supplementary code when the sites are named (T31 note, I.C.19.d.5)
    assert codes("28% TBSA burns to the face, both arms and the anterior thorax.") == [
        "T20.00XA",
        "T22.00XA",
        "T21.01XA",
        "T31.20",
    ]
    assert codes("Deep partial-thickness burns of the upper back and left thigh, 12% TBSA.") == [
        "T21.23XA",
        "T24.212A",
        "T31.10",
    ]


def test_extent_alone_and_thorax_words() -> None:
    assert codes("45% total body surface area flame burns.") == ["T31.40"]
    assert codes("Burns of the posterior thorax.") == ["T21.03XA"]
    # a body-surface share that is not a burn's is no burn code
    assert codes("Psoriasis involving 10% body surface area.") == ["L40.9"]


def test_back_without_upper_is_the_lower_back() -> None:
    # the index: Burn, back T21.04 (upper T21.03)
    assert codes("Second-degree burn of the back.") == ["T21.24XA"]
    assert codes("Burns of the upper back and right shoulder.") == ["T21.03XA", "T22.051A"]
