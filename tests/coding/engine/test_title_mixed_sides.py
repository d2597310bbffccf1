"""A title that gives different services different sides ("bilateral mammogram, left breast
ultrasound and biopsy") does not make a service it does not name bilateral."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_NOTE = (
    "EXAM: {title}\n"
    "FINDINGS: A 9 mm hypoechoic mass is seen in the breast at 3 o'clock.\n"
    "DESCRIPTION: After consent and local lidocaine, a 14-gauge core needle was advanced "
    "under ultrasound guidance into the mass and four cores were taken. A clip was placed.\n"
)


def _biopsy(title: str) -> list[str]:
    lines = code_cpt(_NOTE.format(title=title))["procedures"]
    return next(p["modifiers"] for p in lines if p["code"] == "19083")


def test_a_mixed_title_does_not_make_the_biopsy_bilateral() -> None:
    title = "Bilateral screening mammogram, left breast ultrasound and biopsy."
    assert "50" not in _biopsy(title)


def test_a_title_of_one_side_still_gives_it() -> None:
    assert _biopsy("Left breast ultrasound and biopsy.") == ["LT"]
