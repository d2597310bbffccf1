"""NoteRanges.positions gives the same positions whether it looks each word of the range up
(a short range) or searches each head's positions (a long one)."""

from __future__ import annotations

import random

from agentkit.coding.engine.text.note_ranges import NoteRanges
from agentkit.coding.engine.text.phrase_tries import _HEAD


def test_positions_are_the_words_with_those_heads_in_order() -> None:
    rng = random.Random(21)
    vocabulary = ["colon", "colonoscopy", "polyp", "polyps", "snare", "biopsy", "the", "of", "a"]
    norms = tuple(rng.choice(vocabulary) for _ in range(300))
    ranges = NoteRanges(norms)
    for _ in range(400):
        lo = rng.randrange(0, 300)
        hi = rng.randrange(lo, 301)
        heads = frozenset(w[:_HEAD] for w in rng.sample(vocabulary, rng.randrange(0, 5)))
        want = [i for i in range(lo, hi) if norms[i][:_HEAD] in heads]
        assert ranges.positions(heads, lo, hi) == want
        assert ranges.positions(list(heads), lo, hi) == want
