"""A note analysed once: sections, sentences, tokens and (lazily) assertion cues.

Every stage of the offline coder reads a :class:`Document`; all offsets point into the
original, unmodified note text so that evidence can be quoted verbatim.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from agentkit.coding.engine.text.assertion import (
    Assertion,
    Cue,
    assertion_for_tokens,
    assertion_rules,
    find_cues,
)
from agentkit.coding.engine.text.phrases import PhraseSet
from agentkit.coding.engine.text.sections import Section, find_sections
from agentkit.coding.engine.text.sentences import Span, split_sentences
from agentkit.coding.engine.text.tokens import Tokens, casefold_same_length, tokenize

__all__ = ["Document", "Mention", "Sentence", "analyze", "assertion_of"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``start``/``end`` offsets into the note, its section, its token range."""

    index: int
    start: int
    end: int
    section_index: int
    section_kind: str
    tok_lo: int
    tok_hi: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention(Generic[T]):
    """A phrase found in the note, with its assertion status (see :func:`assertion_of`).

    The status of a mention found by :meth:`Document.find` is worked out when first read:
    most mentions are dropped by section, concept or rule before anyone asks (three in four
    on real notes), and reading a status finds the assertion cues of the whole sentence."""

    payload: T
    start: int
    end: int
    sentence: Sentence
    tok_lo: int
    tok_hi: int
    phrase: str
    # the status when given or once read; else the note it is read from
    given: Assertion | None = field(default=None, repr=False, compare=False)
    doc: Document | None = field(default=None, repr=False, compare=False)

    @property
    def assertion(self) -> Assertion:
        found = self.given
        if found is None:
            doc = self.doc
            if doc is None:
                raise ValueError("a Mention needs its assertion or the document it is in")
            found = assertion_for_tokens(doc, self.sentence.index, self.tok_lo, self.tok_hi)
            object.__setattr__(self, "given", found)  # kept (frozen: set through object)
        return found

    @property
    def status(self) -> str:
        return self.assertion.status

    @property
    def section_kind(self) -> str:
        return self.sentence.section_kind


@dataclass
class Document:
    """The analysed note. Build it with :func:`analyze`."""

    text: str
    lower: str
    tokens: Tokens
    sections: list[Section]
    sentences: list[Sentence]
    _cues: dict[int, list[Cue]] = field(default_factory=dict, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _cue_starts: dict[int, list[int]] = field(default_factory=dict, repr=False)
    _done: dict[int, bool] = field(default_factory=dict, repr=False)
    memo: dict[str, Any] = field(default_factory=dict, repr=False)
    """Results derived from this note by later stages, computed once per note."""

    def cues(self, sentence_index: int) -> list[Cue]:
        """Assertion cues of one sentence (computed on first use)."""
        found = self._cues.get(sentence_index)
        if found is None:
            s = self.sentences[sentence_index]
            found = find_cues(self.tokens.norms, s.tok_lo, s.tok_hi, assertion_rules())
            self._cues[sentence_index] = found
        return found

    def tells_work_done(self, sentence_index: int) -> bool:
        """Does the sentence tell, in the past tense, work done at this encounter ("the
        lesion was excised", "we aspirated the joint")? (computed on first use)"""
        done = self._done.get(sentence_index)
        if done is None:
            s = self.sentences[sentence_index]
            done = bool(assertion_rules().performed.find_all(self.tokens.norms, s.tok_lo, s.tok_hi))
            self._done[sentence_index] = done
        return done

    def cue_starts(self, sentence_index: int) -> list[int]:
        """Start token of each cue of one sentence, for bisecting."""
        found = self._cue_starts.get(sentence_index)
        if found is None:
            found = [c.start for c in self.cues(sentence_index)]
            self._cue_starts[sentence_index] = found
        return found

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing character ``offset``, if any."""
        if not self._starts:
            self._starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sections_of(self, *kinds: str) -> list[Section]:
        return [s for s in self.sections if s.kind in kinds]

    def quote(self, start: int, end: int) -> str:
        """The note's own characters in ``[start, end)`` (a verbatim evidence quote)."""
        return self.text[start:end]

    def find(self, phrases: PhraseSet[T], kinds: frozenset[str] | None = None) -> list[Mention[T]]:
        """Every match of ``phrases`` inside one sentence, with its assertion status.

        ``kinds`` limits the search to sentences in sections of those kinds.
        """
        out: list[Mention[T]] = []
        t = self.tokens
        for sent in self.sentences:
            if kinds is not None and sent.section_kind not in kinds:
                continue
            if sent.tok_lo >= sent.tok_hi:
                continue
            for m in phrases.find_all(t.norms, sent.tok_lo, sent.tok_hi):
                out.append(
                    Mention(
                        m.payload,
                        t.starts[m.start],
                        t.ends[m.end - 1],
                        sent,
                        m.start,
                        m.end,
                        m.phrase,
                        None,
                        self,
                    )
                )
        return out


def _is_narrative(spans: list[Span]) -> bool:
    """A procedure section that reads as a story: several long sentences."""
    long = sum(1 for sp in spans if sp.end - sp.start > 100)
    return len(spans) >= 4 and long >= 2


# Sections that tell the patient's story before the visit.
_HISTORY_KINDS = frozenset(
    {"chief_complaint", "hpi", "history", "pmh", "psh", "medications", "allergies"}
    | {"social_history", "family_history", "ros"}
)


def _history_operation_lists(sections: list[Section]) -> None:
    """An "OPERATIONS:" list between two history sections ("PAST MEDICAL HISTORY ...
    OPERATIONS: appendectomy ... MEDICATIONS ...") is the surgical history of a visit, not
    the services of this note."""
    for i in range(1, len(sections) - 1):
        sec = sections[i]
        if (
            sec.kind == "procedure"
            and sections[i - 1].kind in _HISTORY_KINDS
            and sections[i + 1].kind in _HISTORY_KINDS
        ):
            sections[i] = replace(sec, kind="psh")


def analyze(note: str) -> Document:
    """Analyse ``note`` (any string, possibly empty) into a :class:`Document`. Linear time."""
    lower = casefold_same_length(note)
    tokens = tokenize(lower)
    sections = find_sections(note)
    _history_operation_lists(sections)
    sentences: list[Sentence] = []
    for si, sec in enumerate(sections):
        # An unknown capitalised heading ("LEFT HEART CATHETERIZATION:") is content too.
        begin = sec.heading_start if sec.kind == "other" else sec.start
        spans = split_sentences(note, begin, sec.end)
        if sec.kind == "procedure" and _is_narrative(spans):
            # "OPERATION:" or "PROCEDURE:" heading a dictated narrative, not a list of names
            sec = replace(sec, kind="description")
            sections[si] = sec
        for span in spans:
            lo = tokens.index_at_or_after(span.start)
            hi = tokens.index_before(span.end)
            sentences.append(
                Sentence(
                    len(sentences),
                    span.start,
                    span.end,
                    si,
                    sec.kind,
                    lo,
                    max(lo, hi),
                    note[span.start : span.end],
                )
            )
    return Document(note, lower, tokens, sections, sentences)


def assertion_of(doc: Document, start: int, end: int) -> Assertion:
    """Status of the mention at characters ``[start, end)`` of ``doc``'s note.

    ``present`` unless a cue in the same sentence (or the section) says otherwise: negated,
    historical, hypothetical, aborted, converted, uncertain or family.
    """
    sent = doc.sentence_at(start)
    if sent is None:
        return Assertion("present")
    lo = doc.tokens.index_at_or_after(start)
    hi = max(lo + 1, doc.tokens.index_before(end))
    return assertion_for_tokens(doc, sent.index, lo, min(hi, sent.tok_hi))
