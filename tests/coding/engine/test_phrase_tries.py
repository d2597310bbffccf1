"""Filing a word's phrases by what they need never changes what a phrase set matches."""

from __future__ import annotations

from agentkit.coding.engine.text.phrases import PhraseSet
from agentkit.coding.engine.text.tokens import casefold_same_length, tokenize

# Many phrases that begin with the same common words, filed by a needed plain word (the
# second word or a later one), by alternatives, by the head of a prefix, or not at all.
PHRASES = [
    "left",
    "left knee",
    "left ~3 knee arthroscop*",
    "left ~4 (hip|shoulder) (injection|aspiration)",
    "left (upper|lower) extremit*",
    "left ~2 (ultrasound|sonograph*)",
    "with ~2 (ultrasound|sonograph*) guidance",
    "with contrast",
    "with ~3 contrast",
    "(with|without) (iv)? contrast",
    "# (cm|centimeter*)",
    "(two|three|#) ~4 (polyp*|lesion*)",
    "shock wave lithotrips*",
    "the? knee",
    "fiberoptic bronchoscop*",
    "status post",
    "status post mastectomy",
    "status post ~2 valve replacement",
    "status post (total|reverse)? shoulder (arthroplasty|replacement)",
    "in the (past|future)",
    "in the ~2 (emergency (room|department)|er)",
]

NOTES = [
    "Left knee arthroscopy with partial meniscectomy. Left hip injection was given.",
    "Ultrasound of the left upper extremity with Doppler. Left sonography was normal.",
    "CT abdomen with and without IV contrast; with oral contrast only. 3 cm mass.",
    "Three small polyps and 2 lesions were removed; a 4 centimeter lesion was seen.",
    "Shockwave lithotripsy was done, then shock wave lithotripsy again. Fiber optic "
    "bronchoscopy followed with ultrasound guidance. The knee was fine, knee too.",
    "Status post mastectomy, status post aortic valve replacement and status post knee "
    "surgery; status post reverse shoulder arthroplasty. Seen in the past in the emergency room.",
]


def _matches(ps: PhraseSet[int], note: str) -> set[tuple[int, int, int, str]]:
    norms = tokenize(casefold_same_length(note)).norms
    return {(m.payload, m.start, m.end, m.phrase) for m in ps.find_all(norms)}


def test_a_set_finds_what_each_phrase_finds_alone() -> None:
    together: PhraseSet[int] = PhraseSet()
    for i, p in enumerate(PHRASES):
        together.add(p, i)
    for note in NOTES:
        alone: set[tuple[int, int, int, str]] = set()
        for i, p in enumerate(PHRASES):
            one: PhraseSet[int] = PhraseSet()
            one.add(p, i)
            alone |= _matches(one, note)
        assert _matches(together, note) == alone
        assert alone  # every note matches something


def test_a_phrase_whose_needed_word_is_absent_is_not_matched() -> None:
    ps: PhraseSet[str] = PhraseSet()
    ps.add("left ~3 knee arthroscop*", "scope")
    ps.add("with ~2 (ultrasound|sonograph*) guidance", "guided")
    norms = tokenize("left shoulder arthroscopy with ultrasound".lower()).norms
    assert ps.find_all(norms) == []
    norms = tokenize("left knee arthroscopy with sonographic guidance".lower()).norms
    assert {m.payload for m in ps.find_all(norms)} == {"scope", "guided"}


def test_a_cached_set_matches_like_a_freshly_compiled_one() -> None:
    # The compiled-rules cache pickles phrase sets; pickle gives equal integers (above the
    # small-int cache) new identities, so a match must not be told apart by identity alone.
    import pickle

    fresh: PhraseSet[int] = PhraseSet()
    for i, p in enumerate(PHRASES):
        fresh.add(p, 1000 + i)
    cached: PhraseSet[int] = pickle.loads(pickle.dumps(fresh))
    for note in NOTES:
        norms = tokenize(casefold_same_length(note)).norms
        got = [(m.payload, m.start, m.end) for m in cached.find_all(norms)]
        assert got == [(m.payload, m.start, m.end) for m in fresh.find_all(norms)]
        assert len(got) == len(set(got))  # 'the? knee' keeps only its longer match


def test_a_cached_set_with_its_tables_ready_matches_like_a_set_never_cached() -> None:
    # Pickling works out each phrase's needs and the tables of the words that begin several
    # phrases; the unpickled set must find exactly what a set building them lazily finds.
    import pickle

    def build() -> PhraseSet[int]:
        ps: PhraseSet[int] = PhraseSet()
        for i, p in enumerate(PHRASES):
            ps.add(p, i)
        return ps

    lazy = build()
    cached: PhraseSet[int] = pickle.loads(pickle.dumps(build()))
    for note in NOTES:
        norms = tokenize(casefold_same_length(note)).norms
        got = [(m.payload, m.start, m.end, m.phrase) for m in cached.find_all(norms)]
        assert got == [(m.payload, m.start, m.end, m.phrase) for m in lazy.find_all(norms)]
        assert got
