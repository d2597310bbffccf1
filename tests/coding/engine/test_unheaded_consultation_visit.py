"""A short note without headings that tells the patient came for a consultation ("returned
for consultation regarding ...", "presents for a consult") is an office visit: it gets an E/M
line even though it names no examination. A note without such a cue or any encounter words
(an unheaded teaching text) stays without one."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_returned_for_consultation_is_a_visit() -> None:
    note = (
        "UROLOGY CONSULTATION\n\n"
        "The patient returned for consultation regarding his newly diagnosed prostate "
        "cancer. Surgery, external beam radiation, seed implants and watchful waiting were "
        "each discussed with their risks of incontinence and impotence. His questions were "
        "answered, and he will let us know which treatment he prefers.\n"
    )
    got = codes(note)
    assert got and got[0].startswith("992")


def test_unheaded_text_without_an_encounter_is_no_visit() -> None:
    note = (
        "Bladder tumors are usually treated first with transurethral resection. Risks "
        "include bleeding, infection and perforation of the bladder wall.\n"
    )
    assert not [c for c in codes(note) if c.startswith("992")]
