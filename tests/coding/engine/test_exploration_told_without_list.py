"""An operative note with no procedure list whose story is an abdominal exploration only - the
peritoneal cavity entered, the disease found beyond resection, the abdomen closed - is the
exploratory laparotomy 49000. A resection weighed and turned down ("any attempt to resect it
would have failed") is no resection done. An exploration that goes on to a real operation is
that operation, not 49000."""

from __future__ import annotations

from agentkit.coding.engine import analyze, assertion_of
from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


LOOK_ONLY = (
    "PREOPERATIVE DIAGNOSIS: Persistent chylous ascites.\n"
    "POSTOPERATIVE DIAGNOSIS: Diffuse mesenteric lymphangiectasia.\n"
    "OPERATIVE FINDINGS: Exploration through an upper transverse incision found milky fluid "
    "throughout the peritoneal cavity and dilated lymphatics over most of the ileal mesentery. "
    "Any attempt to resect this much bowel would have left the child with short gut.\n"
    "DESCRIPTION OF OPERATION: The abdomen was opened through a transverse incision and the "
    "peritoneal cavity entered. The whole bowel was run and "
    "inspected. The fluid was suctioned and the fascia closed in two layers.\n"
)


def test_exploration_told_only_in_the_story_is_49000() -> None:
    assert codes(LOOK_ONLY) == ["49000"]


def test_attempt_weighed_and_turned_down_is_hypothetical() -> None:
    doc = analyze(LOOK_ONLY)
    start = LOOK_ONLY.index("resect this")
    assert assertion_of(doc, start, start + len("resect")).status == "hypothetical"


def test_exploration_then_bowel_resection_is_not_49000() -> None:
    note = (
        "FINDINGS: Exploration through a midline incision found a perforated segment of "
        "ileum.\n"
        "DESCRIPTION: The peritoneal cavity was entered. Twenty centimeters of ileum were "
        "resected and a stapled anastomosis made. The fascia was closed.\n"
    )
    got = codes(note)
    assert "49000" not in got


def test_cavity_told_entered_after_its_name() -> None:
    note = (
        "OPERATIVE FINDINGS: Exploration through a lower midline incision found a frozen "
        "pelvis of tumor that could not be removed.\n"
        "DESCRIPTION: After the fascia was divided, the peritoneal cavity was entered bluntly. "
        "Palpation and inspection showed the tumor. The fascia and skin were closed.\n"
    )
    assert codes(note) == ["49000"]
