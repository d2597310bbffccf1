"""The offline coder: deterministic clinical coding of one note, no network, no API key.

Public API of the text pipeline (stable; the ICD-10-CM coder and the E/M leveler build on it)::

    from agentkit.coding.engine import analyze, assertion_of, PhraseSet

    doc = analyze(note)                    # Document; never raises on any string
    doc.text                               # the original note (all offsets point into it)
    doc.sections       # [Section(kind, heading, heading_start, heading_end, start, end)]
    doc.sentences      # [Sentence(index, start, end, section_index, section_kind,
                       #           tok_lo, tok_hi, text)]
    doc.tokens                             # Tokens(starts, ends, norms): lower-case word tokens
    doc.sentence_at(offset)                # Sentence | None
    doc.sections_of("postop_dx", "diagnosis")
    assertion_of(doc, start, end)          # Assertion(status, cue, cue_text) of one mention:
                                           # present | negated | historical | hypothetical |
                                           # aborted | converted | uncertain | family
    phrases = PhraseSet[str](); phrases.add("snare polypectom*", "45385")
    doc.find(phrases, kinds=frozenset({"procedure"}))   # [Mention(payload, start, end, sentence,
                                                        #   tok_lo, tok_hi, phrase, assertion)]

Section kinds (``SECTION_KINDS``): procedure (the list of procedures done), description (the
narrative), preop_dx, postop_dx, diagnosis, indications, findings, impression, assessment,
plan, chief_complaint, hpi, history, pmh, psh, family_history, social_history, medications,
allergies, ros, exam, vitals, labs, anesthesia, complications, specimens, disposition,
technique, comparison, consent, other (an unknown capitalised heading), body (text before the
first heading).

Attributes (``agentkit.coding.engine.text.attributes``), each ``f(doc, start=0, end=None)``:
``sides`` (right/left/bilateral mentions) and ``sides_summary``, ``approaches`` (laparoscopic,
open, endoscopic, arthroscopic, thoracoscopic, percutaneous) and ``converted_to_open(doc)``,
``sizes`` (cm), ``numbers`` (digits and number words), ``count_before(doc, token_index)``,
``spine_levels``, ``interspace_count`` and ``foramen_count``.

The phrase language used by rules and cues is documented in
``agentkit.coding.engine.text.phrases`` and docs/offline-coder.md. All matching is linear in
the length of the note.
"""

from __future__ import annotations

from agentkit.coding.engine.text.assertion import STATUSES, Assertion, Cue
from agentkit.coding.engine.text.attributes import (
    Approach,
    Number,
    Side,
    Size,
    SpineLevel,
    approaches,
    converted_to_open,
    count_before,
    foramen_count,
    interspace_count,
    numbers,
    sides,
    sides_summary,
    sizes,
    spine_levels,
)
from agentkit.coding.engine.text.document import Document, Mention, Sentence, analyze, assertion_of
from agentkit.coding.engine.text.phrases import (
    PhraseMatch,
    PhraseSet,
    PhraseSyntaxError,
    parse_phrase,
)
from agentkit.coding.engine.text.sections import SECTION_KINDS, Section, kind_of_heading

ENGINE_VERSION = "0.1.0"

__all__ = [
    "ENGINE_VERSION",
    "SECTION_KINDS",
    "STATUSES",
    "Approach",
    "Assertion",
    "Cue",
    "Document",
    "Mention",
    "Number",
    "PhraseMatch",
    "PhraseSet",
    "PhraseSyntaxError",
    "Section",
    "Sentence",
    "Side",
    "Size",
    "SpineLevel",
    "analyze",
    "approaches",
    "assertion_of",
    "converted_to_open",
    "count_before",
    "foramen_count",
    "interspace_count",
    "kind_of_heading",
    "numbers",
    "parse_phrase",
    "sides",
    "sides_summary",
    "sizes",
    "spine_levels",
]
