"""The coder's data files: every code is a billable FY2026 ICD-10-CM code, and a bad edit
comes back as a DataFileError that names the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentkit.coding import knowledge
from agentkit.coding.engine.icd10.concepts import load_concepts
from agentkit.coding.engine.icd10.guidelines import Pattern, load_guidelines
from agentkit.coding.engine.icd10.lexicon import load_lexicon, stem
from agentkit.errors import DataFileError


def test_every_concept_code_is_billable() -> None:
    icd = knowledge(None).icd10cm
    bad = [
        (code, c.source)
        for c in load_concepts().concepts
        for code in c.all_codes()
        if not icd.is_billable(code)
    ]
    assert bad == []


def test_every_guideline_code_is_billable() -> None:
    icd = knowledge(None).icd10cm
    rules = load_guidelines()
    assert rules.combinations and rules.integral
    assert [c for c in rules.all_codes() if not icd.is_billable(c)] == []


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            "concepts:\n  - code: I10\n    phrases: [hypertension]\n    side: {right: I10}\n",
            4,
            "unknown key",
        ),
        ("concepts:\n  - code: I10\n    phrases: [hyper*tension]\n", 3, "may only end"),
        (
            "concepts:\n  - code: G56.00\n    phrases: [cts]\n    sides: {up: G56.01}\n",
            4,
            "not a side",
        ),
        (
            "concepts:\n  - code: M51.9\n    phrases: [hnp]\n    spine: {neck: M50.20}\n",
            4,
            "region",
        ),
        ("concepts:\n  - phrases: [gerd]\n", 2, "needs code"),
    ],
)
def test_concept_file_errors_name_the_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    with pytest.raises(DataFileError) as err:
        load_concepts(_write(tmp_path, "concepts.yaml", text))
    assert err.value.line == line
    assert words in str(err.value)
    assert "concepts.yaml" in str(err.value)


def test_guideline_file_errors_name_the_line(tmp_path: Path) -> None:
    text = "combinations:\n  - name: x\n    when: [I10]\n    replce: {I10: I12.9}\n"
    with pytest.raises(DataFileError) as err:
        load_guidelines(_write(tmp_path, "guidelines.yaml", text))
    assert err.value.line == 2
    text = "combinations:\n  - name: x\n    when: [I10]\n"
    with pytest.raises(DataFileError, match="replace:, drop: or add:"):
        load_guidelines(_write(tmp_path, "g2.yaml", text))


def test_word_file_errors_name_the_line(tmp_path: Path) -> None:
    text = "stop_words: [of, the]\nequivalents:\n  renal: kidney\n  bad word: x\n"
    with pytest.raises(DataFileError) as err:
        load_lexicon(_write(tmp_path, "words.yaml", text))
    assert err.value.line == 4


def test_patterns_and_plural_folding() -> None:
    assert Pattern.parse("N18.*").matches("N18.30")
    assert Pattern.parse("N18.5|N18.6").matches("N18.6")
    assert not Pattern.parse("N18.5|N18.6").matches("N18.4")
    assert [stem(w) for w in ("ovaries", "polyps", "stenosis", "fractures", "bypass")] == [
        "ovary",
        "polyp",
        "stenosis",
        "fracture",
        "bypass",
    ]
