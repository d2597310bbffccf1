"""No input can crash the text pipeline or make it backtrack: adversarial and 1 MB notes.

Timing is not asserted here (speed lives in benchmarks/); a generous subprocess timeout only
guards against a hang.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agentkit.coding.engine import analyze, assertion_of, sides, sizes, spine_levels


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_any_text_analyses_with_valid_offsets(note: str) -> None:
    doc = analyze(note)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(note)
        assert note[s.start : s.end] == s.text
        assertion_of(doc, s.start, s.end)
    for sec in doc.sections:
        assert 0 <= sec.start <= sec.end <= len(note)
    sides(doc)
    sizes(doc)
    spine_levels(doc)


_ADVERSARIAL = [
    "'1' * 1_000_000",
    "'1 x ' * 250_000",
    "'1.' * 500_000",
    "' ' * 1_000_000 + 'cm'",
    "'a' * 1_000_000",
    "'no ' * 330_000",
    "'C5-' * 330_000",
    "'PROCEDURE: ' * 90_000",
    "('\\n' * 1000 + 'A:') * 1000",
    "'. ' * 500_000",
    "'polyp ' * 160_000",
    "'\\u0130' * 500_000",
]


@pytest.mark.parametrize("expr", _ADVERSARIAL)
def test_megabyte_adversarial_inputs_finish(expr: str) -> None:
    code = (
        "from agentkit.coding.engine import analyze, sizes, sides, spine_levels, assertion_of\n"
        f"note = {expr}\n"
        "doc = analyze(note)\n"
        "sizes(doc); sides(doc); spine_levels(doc)\n"
        "for s in doc.sentences[:2000]: assertion_of(doc, s.start, s.end)\n"
        "print(len(doc.tokens), len(doc.sentences))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
