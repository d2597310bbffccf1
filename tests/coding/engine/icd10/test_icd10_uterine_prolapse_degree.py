"""Uterine prolapse by degree: procidentia and a third degree (complete) prolapse are N81.3,
a first or second degree (incomplete) one N81.2, no degree N81.4. A uterus that prolapses is
still there, so a "vault prolapse" named beside it is not the post-hysterectomy N99.3; after
a past hysterectomy the vault prolapse stays N99.3. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def _codes(items: str, procedure: str = "Vaginal hysterectomy.") -> list[str]:
    note = f"POSTOPERATIVE DIAGNOSES:\n{items}\nPROCEDURE: {procedure}\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_degrees_of_uterine_prolapse() -> None:
    assert _codes("1. Uterine procidentia.") == ["N81.3"]
    assert _codes("1. Third degree uterine prolapse.") == ["N81.3"]
    assert _codes("1. Second degree uterine prolapse.") == ["N81.2"]
    assert _codes("1. Uterine prolapse.") == ["N81.4"]


def test_vault_beside_a_prolapsing_uterus_is_not_post_hysterectomy() -> None:
    found = _codes("1. Uterine procidentia.\n2. Vaginal vault prolapse.")
    assert "N99.3" not in found and "N81.3" in found


def test_vault_prolapse_after_a_hysterectomy_stays() -> None:
    found = _codes(
        "1. Vaginal vault prolapse after hysterectomy.\n2. Rectocele.",
        "Sacrospinous ligament fixation and posterior colporrhaphy.",
    )
    assert "N99.3" in found and "N81.6" in found
