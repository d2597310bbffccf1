"""Kinds the Alphabetic Index names on their own are not the unspecified code: aplastic,
hemolytic, pernicious, megaloblastic anemia (not D64.9); essential thrombocytosis is the
neoplasm D47.3 and reactive thrombocytosis D75.838 (not D75.839); a nevus of a named part of
the face (cheek, nose, forehead) is D22.39, only 'face' unqualified D22.30. Synthetic notes."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def _codes(statement: str) -> list[str]:
    note = f"ASSESSMENT:\n1. {statement}\nPLAN: Recheck in one month.\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    ("statement", "code", "unspecified"),
    [
        ("Aplastic anemia.", "D61.9", "D64.9"),
        ("Hemolytic anemia.", "D59.9", "D64.9"),
        ("Pernicious anemia.", "D51.0", "D64.9"),
        ("Megaloblastic anemia.", "D53.1", "D64.9"),
        ("Essential thrombocytosis.", "D47.3", "D75.839"),
        ("Essential thrombocythemia.", "D47.3", "D75.839"),
        ("Reactive thrombocytosis after splenectomy.", "D75.838", "D75.839"),
        ("Compound nevus of the right cheek.", "D22.39", "D22.30"),
    ],
)
def test_the_kind_the_index_names_is_coded(statement: str, code: str, unspecified: str) -> None:
    found = _codes(statement)
    assert code in found and unspecified not in found


def test_unqualified_kinds_stay_unspecified() -> None:
    assert "D64.9" in _codes("Anemia.")
    assert "D75.839" in _codes("Thrombocytosis.")
    assert "D22.30" in _codes("Facial nevus.")


@pytest.mark.parametrize(
    ("statement", "code", "other"),
    [
        # index: Instability, joint, shoulder M25.31- (recurrent dislocation stays M24.41-)
        ("Anterior instability, left shoulder.", "M25.312", "M24.412"),
        ("Recurrent anterior dislocation of the right shoulder.", "M24.411", "M25.311"),
        # index: Atrophy, kidney N26.1; a small kidney stays N27.9
        ("Advanced atrophy of the left kidney.", "N26.1", "N27.9"),
        # index: Cholecystitis, acute (emphysematous) (gangrenous) (suppurative)
        ("Acute suppurative cholecystitis.", "K81.0", "K81.9"),
        # a drawn-in drum is a tympanic membrane disorder, not lung atelectasis
        ("Right tympanic membrane atelectasis.", "H73.891", "J98.11"),
    ],
)
def test_the_index_entry_decides_the_category(statement: str, code: str, other: str) -> None:
    found = _codes(statement)
    assert code in found and other not in found


def test_lung_atelectasis_and_a_small_kidney_keep_their_codes() -> None:
    assert "J98.11" in _codes("Bibasilar atelectasis.")
    assert "N27.9" in _codes("Small kidney.")
