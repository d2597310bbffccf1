"""The plantar fascia opened to reach a deep foot abscess is the way in, part of the drainage
below the fascia (28002, several spaces 28003): no foot fasciotomy (28008) beside it. A plantar
fascia release for heel pain, with no collection drained, is still 28008."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_fascia_incised_to_drain_deep_abscess_is_only_the_drainage() -> None:
    note = (
        "PROCEDURE: Incision and drainage of a deep abscess, left foot.\n"
        "INDICATIONS: Swollen, fluctuant arch in a diabetic with a plantar space abscess.\n"
        "DESCRIPTION: A curved incision was made along the medial arch. The plantar fascia "
        "was incised and pus was encountered beneath it and evacuated. The cavity was "
        "irrigated with saline and left open with packing.\n"
    )
    got = codes(note)
    assert "28002" in got
    assert "28008" not in got


def test_plantar_fascia_release_for_fasciitis_stays_28008() -> None:
    note = (
        "PROCEDURE: Open plantar fascia release, right foot.\n"
        "INDICATIONS: Chronic plantar fasciitis that failed a year of conservative care.\n"
        "DESCRIPTION: A medial heel incision was made. The medial band of the plantar fascia "
        "was identified and incised across its width. The wound was closed in layers.\n"
    )
    got = codes(note)
    assert "28008" in got
    assert "28002" not in got
