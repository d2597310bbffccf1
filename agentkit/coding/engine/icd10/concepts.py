"""The curated diagnosis index: how clinicians write a diagnosis, and the code it gets.

The tabular list says "Calculus of gallbladder without cholecystitis without obstruction"; a
surgeon writes "symptomatic cholelithiasis" or "gallstones". ``data/concepts/*.yaml`` (a file
per chapter group) hold such phrasings (abbreviations, eponyms, word orders) with the code a
coder assigns, and how to reach a more specific code from words around the phrase::

    - code: G56.00                        # when nothing more is said
      phrases: [carpal tunnel syndrome, cts]
      sides: {right: G56.01, left: G56.02, bilateral: G56.03}

    - code: C44.91
      phrases: [basal cell (carcinoma|ca|cancer), bcc]
      refine_in: note                     # site words may be elsewhere in the note
      refine:                             # first match wins
        - {when: [nose, nasal, ala], code: C44.311}
        - {when: [ear], sides: {right: C44.212, left: C44.219}}

    - code: M48.00
      phrases: [spinal stenosis]
      spine: {cervical: M48.02, lumbar: M48.061}

Keys: ``code`` and ``phrases`` (required; phrases use the text pipeline's phrase language:
``word``, ``prefix*``, ``(a|b)``, ``optional?``, ``~N`` gap); ``sides``; ``refine`` and
``refine_in`` (``statement``, the default, or ``note``; a refinement's words are not coded again
on their own unless it says ``keep: true``; ``code: none`` says the words make the phrase no
diagnosis at all: "marrow edema" on an MRI is not edema R60.9); ``spine`` (by interspace such as
``C5-C6`` or by region ``cervical``, ``cervicothoracic``, ``thoracic``, ``thoracolumbar``,
``lumbar``, ``lumbosacral``); ``also`` (codes always reported with it); ``status: true`` for
status codes that stay true after the fact ("status post CABG"); ``anywhere: true`` for concepts
worth coding wherever the note documents them (a procedure through a tracheostomy);
``denied: true`` on a refinement whose words count only when the note denies them ("no loss of
consciousness": S06.9X0A); ``parts: true`` when each refinement the statement names is a
diagnosis of its own, with the side written next to its words ("left angle and right body
mandible fractures": two codes);
``parts: by_site`` when refinements ending on the same site word are variants of one part (a
burn's degree at each site: "second-degree burns of the right forearm and left hand" is a code
for each site, the first refinement written for a site winning).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from agentkit.coding.engine.text.phrases import PhraseMatch, PhraseSet, PhraseSyntaxError
from agentkit.coding.engine.yaml_data import YamlList, YamlMap, line_of, load_yaml
from agentkit.errors import DataFileError

__all__ = [
    "CONCEPTS_DIR",
    "NOT_CODED",
    "SPINE_REGIONS",
    "Concept",
    "ConceptIndex",
    "Refinement",
    "concept_index",
    "load_concepts",
]

CONCEPTS_DIR = Path(__file__).resolve().parent / "data" / "concepts"
SIDES = ("right", "left", "bilateral")
SPINE_REGIONS = (
    "cervical",
    "cervicothoracic",
    "thoracic",
    "thoracolumbar",
    "lumbar",
    "lumbosacral",
    "sacral",
)
NOT_CODED = "none"  # a refinement's code when its words make the phrase no diagnosis
_KEYS = {
    "code", "phrases", "sides", "refine", "refine_in", "spine", "also", "status", "anywhere",
    "parts",
}  # fmt: skip


@dataclass(frozen=True)
class Refinement:
    """Words that make a concept more specific, and the code they lead to."""

    phrases: PhraseSet[int]
    code: str | None
    sides: dict[str, str]
    keep: bool = False  # the words that refine are also coded on their own (BPH with retention)
    # the words refine only when the note denies them ("no loss of consciousness" makes a
    # brain injury one without loss of consciousness, S06.9X0A)
    denied: bool = False


@dataclass(frozen=True)
class Concept:
    """One curated diagnosis: its phrases, its default code and how to refine it."""

    code: str
    name: str  # the first phrase, for rationales
    sides: dict[str, str] = field(default_factory=dict)
    refine: tuple[Refinement, ...] = ()
    refine_in: str = "statement"
    spine: dict[str, str] = field(default_factory=dict)
    also: tuple[str, ...] = ()
    status: bool = False
    anywhere: bool = False
    parts: bool = False  # every refinement named is its own diagnosis (mandible fracture parts)
    # parts: by_site - refinements that share a site word are variants of one part (a burn's
    # degree at a site): each site word named gives one code, the first refinement matching it
    parts_by_site: bool = False
    source: str = ""  # file:line

    def all_codes(self) -> list[str]:
        """Every code the entry can produce (for the billable-code test)."""
        out = [self.code, *self.sides.values(), *self.spine.values(), *self.also]
        for r in self.refine:
            if r.code and r.code != NOT_CODED:
                out.append(r.code)
            out.extend(r.sides.values())
        return out


# A side written inside a diagnosis ("tear of the posterior horn of the left medial meniscus",
# "carcinoma of the right upper lobe") must not break its phrase: the side is read from the
# matched words afterwards, so a phrase never has to spell every place a side may stand.
_SIDE_WORDS = frozenset({"right", "left", "bilateral"})
# An eponym's possessive is a word of its own for the tokenizer ("Baker's cyst" -> baker, s,
# cyst); like a side it may stand inside any phrase ("baker* cyst", "boxer* fracture"), so no
# phrase has to spell the "s" (the ones that do still match on the note's own words).
_SKIPPED_WORDS = _SIDE_WORDS | {"s"}


@dataclass(frozen=True)
class ConceptIndex:
    """All concepts and one phrase matcher over them (payload: index into ``concepts``)."""

    concepts: tuple[Concept, ...]
    phrases: PhraseSet[int]

    def find_all(self, norms: Sequence[str], lo: int, hi: int) -> list[PhraseMatch[int]]:
        """The concept phrases in tokens ``[lo, hi)``, also where side words or a possessive
        "s" stand inside a phrase (spans in the note's tokens, those words included), and
        phrases a problem list writes in the index's inverted order (:meth:`_inverted`)."""
        found = self.phrases.find_all(norms, lo, hi)
        if found:
            found.extend(self._inverted(norms, lo, hi, found))
        keep = [i for i in range(lo, hi) if norms[i] not in _SKIPPED_WORDS]
        if len(keep) == hi - lo:
            return found
        seen = {(m.payload, m.start, m.end) for m in found}
        view = [norms[i] for i in keep]
        for m in self.phrases.find_all(view, 0, len(view)):
            start, end = keep[m.start], keep[m.end - 1] + 1
            if end - start == m.end - m.start or (m.payload, start, end) in seen:
                continue  # no side inside: already found on the note's own words
            if "~" in m.phrase:
                continue  # a gap already allows other words, sides counted ("pain ~3 leg")
            seen.add((m.payload, start, end))
            found.append(PhraseMatch(m.payload, start, end, m.phrase))
        return found

    def _inverted(
        self, norms: Sequence[str], lo: int, hi: int, found: list[PhraseMatch[int]]
    ) -> list[PhraseMatch[int]]:
        """Phrases written head first, their modifiers after ("Sleep apnea, obstructive",
        "Cholecystitis, acute", "Heart failure, diastolic, chronic"), as problem lists copy
        the index's inverted order: the head and up to three words after it read in natural
        order (the words as written, or last first) make a longer phrase of the index. The
        words moved must name no diagnosis of their own ("Depression, anxiety" stays two)."""
        starts = {m.start for m in found}
        out: list[PhraseMatch[int]] = []
        for m in found:
            if m.end >= hi or "~" in m.phrase:
                continue
            head = list(norms[m.start : m.end])
            mods: list[str] = []
            end = m.end
            best: PhraseMatch[int] | None = None
            while end < hi and len(mods) < _MAX_INVERTED:
                word = norms[end]
                end += 1
                if end - 1 in starts or word in _SIDE_WORDS:
                    break  # another diagnosis begins here, or the site ("..., right knee")
                if word in _SKIPPED_WORDS:
                    continue
                mods.append(word)
                for view in (mods + head, mods[::-1] + head):
                    for v in self.phrases.find_all(view, 0, len(view)):
                        if v.start == 0 and v.end == len(view) and v.payload != m.payload:
                            best = PhraseMatch(v.payload, m.start, end, v.phrase)
                            break
                    if best is not None and best.end == end:
                        break
            if best is not None:
                out.append(best)
        return out


# the words after a phrase's head that may be its modifiers in inverted order
_MAX_INVERTED = 3


def _code(value: Any, src: str, line: int | None, what: str) -> str:
    text = str(value).strip().upper() if value is not None else ""
    if not text or not text[0].isalpha() or " " in text:
        raise DataFileError(src, f"{what}: {value!r} is not an ICD-10-CM code", line)
    return text


def _refine_code(r: YamlMap, src: str) -> str | None:
    if "code" not in r:
        return None
    if str(r["code"]).strip().lower() == NOT_CODED:
        return NOT_CODED
    return _code(r["code"], src, line_of(r, "code"), "refine.code")


def _sides(value: Any, src: str, line: int | None) -> dict[str, str]:
    if not isinstance(value, YamlMap):
        raise DataFileError(src, "sides: expected {right: CODE, left: CODE, bilateral: CODE}", line)
    out: dict[str, str] = {}
    for key, code in value.items():
        if key not in SIDES:
            raise DataFileError(
                src, f"sides: {key!r} is not a side; use right, left or bilateral", line
            )
        out[key] = _code(code, src, line_of(value, key), f"sides.{key}")
    return out


def _phrases(items: Any, payload: int, into: PhraseSet[int], src: str, line: int | None) -> None:
    if not isinstance(items, YamlList) or not items:
        raise DataFileError(src, "expected a non-empty list of phrases", line)
    for i, phrase in enumerate(items):
        try:
            into.add(str(phrase), payload)
        except PhraseSyntaxError as exc:
            raise DataFileError(src, str(exc), line_of(items, i)) from exc


def _concept(entry: Any, idx: int, into: PhraseSet[int], src: str, line: int | None) -> Concept:
    if not isinstance(entry, YamlMap):
        raise DataFileError(src, "each concept must be a mapping with code: and phrases:", line)
    unknown = set(entry) - _KEYS
    if unknown:
        raise DataFileError(
            src,
            f"unknown key {sorted(unknown)[0]!r}; keys are {', '.join(sorted(_KEYS))}",
            line_of(entry, sorted(unknown)[0]),
        )
    if "code" not in entry or "phrases" not in entry:
        raise DataFileError(src, "a concept needs code: and phrases:", line)
    code = _code(entry["code"], src, line_of(entry, "code"), "code")
    _phrases(entry["phrases"], idx, into, src, line_of(entry, "phrases"))
    sides = _sides(entry["sides"], src, line_of(entry, "sides")) if "sides" in entry else {}
    refine: list[Refinement] = []
    raw_refine = entry.get("refine", YamlList())
    if not isinstance(raw_refine, YamlList):
        raise DataFileError(src, "refine: expected a list", line_of(entry, "refine"))
    for i, r in enumerate(raw_refine):
        rl = line_of(raw_refine, i)
        if not isinstance(r, YamlMap) or "when" not in r or not ({"code", "sides"} & set(r)):
            raise DataFileError(src, "refine: each item needs when: [...] and code: or sides:", rl)
        ps: PhraseSet[int] = PhraseSet()
        _phrases(r["when"], i, ps, src, line_of(r, "when"))
        refine.append(
            Refinement(
                ps,
                _refine_code(r, src),
                _sides(r["sides"], src, line_of(r, "sides")) if "sides" in r else {},
                keep=r.get("keep") is True,
                denied=r.get("denied") is True,
            )
        )
    refine_in = str(entry.get("refine_in", "statement"))
    if refine_in not in ("statement", "note"):
        raise DataFileError(
            src, "refine_in: must be 'statement' or 'note'", line_of(entry, "refine_in")
        )
    spine: dict[str, str] = {}
    if "spine" in entry:
        raw = entry["spine"]
        if not isinstance(raw, YamlMap):
            raise DataFileError(src, "spine: expected region: CODE", line_of(entry, "spine"))
        for key, value in raw.items():
            ok = key in SPINE_REGIONS or (
                "-" in key and all(p[:1] in "CTLS" and p[1:].isdigit() for p in key.split("-"))
            )
            if not ok:
                raise DataFileError(
                    src,
                    f"spine: {key!r} is neither a region ({', '.join(SPINE_REGIONS)}) nor an "
                    "interspace like C5-C6",
                    line_of(raw, key),
                )
            spine[key] = _code(value, src, line_of(raw, key), f"spine.{key}")
    also_raw = entry.get("also", YamlList())
    if not isinstance(also_raw, list):
        raise DataFileError(src, "also: expected a list of codes", line_of(entry, "also"))
    also = tuple(_code(c, src, line_of(also_raw, i), "also") for i, c in enumerate(also_raw))
    first = entry["phrases"][0]
    return Concept(
        code=code,
        name=str(first),
        sides=sides,
        refine=tuple(refine),
        refine_in=refine_in,
        spine=spine,
        also=also,
        status=entry.get("status") is True,
        anywhere=entry.get("anywhere") is True,
        parts=entry.get("parts") in (True, "by_site"),
        parts_by_site=entry.get("parts") == "by_site",
        source=f"{src}:{line or 0}",
    )


def load_concepts(path: Path = CONCEPTS_DIR) -> ConceptIndex:
    """Read a concept file, or every ``*.yaml`` of a folder in name order.

    Every mistake is a DataFileError naming the file and line.
    """
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    phrases: PhraseSet[int] = PhraseSet()
    concepts: list[Concept] = []
    for file in files:
        src = str(file)
        data = load_yaml(file)
        if not isinstance(data, YamlMap) or not isinstance(data.get("concepts"), YamlList):
            raise DataFileError(src, "expected 'concepts:' with a list of entries", 1)
        items: YamlList = data["concepts"]
        for entry_index, entry in enumerate(items):
            concepts.append(
                _concept(entry, len(concepts), phrases, src, line_of(items, entry_index))
            )
    return ConceptIndex(tuple(concepts), phrases)


@lru_cache(maxsize=1)
def concept_index() -> ConceptIndex:
    """The bundled concept files, compiled once (and kept compiled between processes)."""
    from agentkit.coding.engine.compiled_cache import load_or_compile

    here = Path(__file__).resolve()
    return load_or_compile(
        "icd10-concepts",
        sorted(CONCEPTS_DIR.glob("*.yaml")),
        [here, here.parent.parent / "text" / "phrases.py"],
        load_concepts,
        ConceptIndex,
    )
