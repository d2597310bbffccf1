"""An intercostal block is one nerve (64420) and each further level blocked (64421).

The levels are told as a run of numbered spaces, ribs or nerves ("from the fourth to the
seventh intercostal spaces", "the fifth, sixth and seventh intercostal nerves"); both ends
count. A dose or a time written as a range is no run of levels.
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.text.attributes import numbered_span


def lines(note: str) -> list[tuple[str, list[str], int]]:
    return [(p["code"], p["modifiers"], p["units"]) for p in code_cpt(note)["procedures"]]


def span(text: str) -> int | None:
    return numbered_span(analyze(text), 0, len(text))


def test_runs_of_numbered_levels() -> None:
    assert span("Block from the fourth to the seventh intercostal spaces.") == 4
    assert span("Bupivacaine was injected in the spaces six to eight.") == 3
    assert span("Blocks at the fifth, sixth and seventh intercostal nerves.") == 3
    assert span("Injected at T6-T9.") == 4
    # a volume or a time is no run of levels
    assert span("Between 5-10 mL were given over 10 to 12 minutes.") is None


def test_block_over_a_run_of_spaces() -> None:
    note = (
        "PROCEDURE: Intercostal nerve block from the sixth to the eighth intercostal spaces,"
        " right.\n"
        "DESCRIPTION: The right posterior chest was prepped and 0.25% bupivacaine was injected"
        " under each rib.\n"
    )
    assert lines(note) == [("64420", ["RT"], 1), ("64421", ["RT"], 2)]


def test_run_told_in_the_narrative() -> None:
    note = (
        "PROCEDURE: Intercostal block, left.\n"
        "DESCRIPTION: For rib fracture pain the left chest was prepped and bupivacaine was"
        " injected in the spaces seven to nine in turn.\n"
    )
    assert lines(note) == [("64420", ["LT"], 1), ("64421", ["LT"], 2)]


def test_single_level_and_surgeon_block_at_thoracotomy() -> None:
    note = (
        "PROCEDURE: Intercostal nerve block, right.\n"
        "DESCRIPTION: Bupivacaine 5 mL was injected under the right ninth rib.\n"
    )
    assert lines(note) == [("64420", ["RT"], 1)]
    # the surgeon's block at the end of a thoracotomy is part of the operation
    note = (
        "PROCEDURE: Right thoracotomy with lower lobectomy. Intercostal nerve blocks from the"
        " fourth to the eighth spaces.\n"
        "DESCRIPTION: Under general endotracheal anesthesia a posterolateral thoracotomy was"
        " made and the right lower lobe was removed.\n"
    )
    assert "64421" not in [c for c, _, _ in lines(note)]
