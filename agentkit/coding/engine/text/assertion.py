"""Is a mention asserted as present, or negated, historical, planned, aborted, converted,
uncertain, or about a family member?

A ConText-style scan over one sentence: cue phrases from ``data/assertion.yaml`` reach a
mention within a window of words unless a terminator word or a semicolon (for some statuses,
a comma) lies between. The nearest cue wins; ties follow the precedence list. Where no cue
reaches, the section can set the status (a mention under PAST SURGICAL HISTORY is historical).
Status is per mention, not per sentence: in "converted to open cholecystectomy" the
laparoscopic words are ``converted`` while "open cholecystectomy" is ``present``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from agentkit.coding.engine.text.phrases import PhraseSet, PhraseSyntaxError
from agentkit.coding.engine.text.sections import SECTION_KINDS
from agentkit.coding.engine.yaml_data import YamlMap, line_of, load_yaml
from agentkit.errors import DataFileError

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.engine.text.document import Document

__all__ = [
    "STATUSES",
    "Assertion",
    "AssertionRules",
    "Cue",
    "assertion_rules",
    "load_assertion_rules",
]

STATUSES: tuple[str, ...] = (
    "present",
    "negated",
    "historical",
    "hypothetical",
    "aborted",
    "converted",
    "uncertain",
    "family",
)
ASSERTION_FILE = Path(__file__).resolve().parent.parent / "data" / "assertion.yaml"


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in a sentence: token indexes ``start``..``end`` (exclusive)."""

    status: str
    direction: str  # "before" | "after" | "list" | "pseudo"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Assertion:
    """The status of one mention and the cue that set it (None: default or section)."""

    status: str
    cue: Cue | None = None
    cue_text: str = ""

    @property
    def present(self) -> bool:
        return self.status == "present"


@dataclass(frozen=True)
class AssertionRules:
    phrases: PhraseSet[tuple[str, str]]
    windows: dict[str, tuple[int, int]]
    comma_stops: frozenset[str]
    precedence: dict[str, int]
    terminators: frozenset[str]
    section_defaults: dict[str, str]
    back_stops: frozenset[str] = frozenset()
    comma_openers: frozenset[str] = frozenset()
    back_stop_statuses: frozenset[str] = frozenset()
    list_joiners: frozenset[str] = frozenset()
    clause_fillers: frozenset[str] = frozenset()
    performed: PhraseSet[str] = field(default_factory=PhraseSet)

    def window(self, status: str) -> tuple[int, int]:
        return self.windows.get(status, self.windows["default"])

    @cached_property
    def max_reach(self) -> int:
        """Longest distance in words a cue can start away from a mention (window + cue)."""
        return max(LIST_WINDOW, *(max(w) for w in self.windows.values())) + 12


# A "list" cue ("the risks include ...", "complications such as ...") reaches every item of
# the list that follows it, commas and "and" included, up to this many words.
LIST_WINDOW = 30


def _int(value: object, src: str, line: int | None, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= 20:
        raise DataFileError(src, f"{what} must be a whole number from 1 to 20", line)
    return value


def load_assertion_rules(path: Path = ASSERTION_FILE) -> AssertionRules:
    """Read and validate the cue file; every error names the file and line."""
    data = load_yaml(path)
    src = str(path)
    if not isinstance(data, YamlMap):
        raise DataFileError(src, "expected a mapping (windows, cues, pseudo, ...)", 1)
    statuses = set(STATUSES) - {"present"}
    raw_w = data.get("windows", {})
    if not isinstance(raw_w, YamlMap):
        raise DataFileError(src, "windows: expected a mapping", line_of(data, "windows"))
    windows = {
        "default": (
            _int(raw_w.get("before", 6), src, line_of(raw_w, "before"), "windows.before"),
            _int(raw_w.get("after", 4), src, line_of(raw_w, "after"), "windows.after"),
        )
    }
    for key, val in raw_w.items():
        if key in ("before", "after"):
            continue
        if key not in statuses or not isinstance(val, dict):
            raise DataFileError(
                src,
                f"windows: {key!r} must be a status ({', '.join(sorted(statuses))}) "
                "with {before: N, after: N}",
                line_of(raw_w, key),
            )
        windows[key] = (
            _int(
                val.get("before", windows["default"][0]), src, line_of(raw_w, key), f"windows.{key}"
            ),
            _int(
                val.get("after", windows["default"][1]), src, line_of(raw_w, key), f"windows.{key}"
            ),
        )
    phrases: PhraseSet[tuple[str, str]] = PhraseSet()
    cues = data.get("cues")
    if not isinstance(cues, YamlMap):
        raise DataFileError(
            src, "cues: expected a mapping of status -> {before: [...], after: [...]}", 1
        )
    for status, dirs in cues.items():
        if status not in statuses:
            raise DataFileError(
                src,
                f"cues: unknown status {status!r}; use one of {', '.join(sorted(statuses))}",
                line_of(cues, status),
            )
        if not isinstance(dirs, YamlMap):
            raise DataFileError(
                src, f"cues.{status}: expected before: / after: lists", line_of(cues, status)
            )
        for direction, items in dirs.items():
            if direction not in ("before", "after", "list") or not isinstance(items, list):
                raise DataFileError(
                    src,
                    f"cues.{status}: {direction!r} must be 'before', 'after' or 'list' with a list",
                    line_of(dirs, direction),
                )
            for i, phrase in enumerate(items):
                try:
                    phrases.add(str(phrase), (status, direction))
                except PhraseSyntaxError as exc:
                    raise DataFileError(src, str(exc), line_of(items, i)) from exc
    pseudo = data.get("pseudo", [])
    for i, phrase in enumerate(pseudo):
        try:
            phrases.add(str(phrase), ("", "pseudo"))
        except PhraseSyntaxError as exc:
            raise DataFileError(src, str(exc), line_of(pseudo, i)) from exc
    performed: PhraseSet[str] = PhraseSet()
    raw_done = data.get("performed", [])
    if not isinstance(raw_done, list):
        raise DataFileError(
            src, "performed: expected a list of phrases", line_of(data, "performed")
        )
    for i, phrase in enumerate(raw_done):
        try:
            performed.add(str(phrase), "performed")
        except PhraseSyntaxError as exc:
            raise DataFileError(src, str(exc), line_of(raw_done, i)) from exc
    order = [str(s) for s in data.get("precedence", [])]
    unknown = [s for s in order if s not in statuses]
    if unknown or set(order) != statuses:
        raise DataFileError(
            src,
            f"precedence must list each status once: {', '.join(sorted(statuses))}",
            line_of(data, "precedence"),
        )
    comma = [str(s) for s in data.get("comma_stops", [])]
    if any(s not in statuses for s in comma):
        raise DataFileError(src, "comma_stops: unknown status", line_of(data, "comma_stops"))
    back_statuses = [str(s) for s in data.get("back_stop_statuses", [])]
    if any(s not in statuses for s in back_statuses):
        raise DataFileError(
            src, "back_stop_statuses: unknown status", line_of(data, "back_stop_statuses")
        )
    defaults = data.get("section_defaults", {})
    for kind, status in defaults.items():
        if kind not in SECTION_KINDS or status not in statuses:
            raise DataFileError(
                src,
                f"section_defaults: {kind}: {status} needs a section kind and a status",
                line_of(defaults, kind),
            )
    return AssertionRules(
        phrases=phrases,
        windows=windows,
        comma_stops=frozenset(comma),
        precedence={s: i for i, s in enumerate(order)},
        terminators=frozenset(str(t).lower() for t in data.get("terminators", [])),
        section_defaults={str(k): str(v) for k, v in defaults.items()},
        back_stops=frozenset(str(t).lower() for t in data.get("back_stops", [])),
        comma_openers=frozenset(str(t).lower() for t in data.get("comma_openers", [])),
        back_stop_statuses=frozenset(back_statuses),
        list_joiners=frozenset(str(t).lower() for t in data.get("list_joiners", [])),
        clause_fillers=frozenset(str(t).lower() for t in data.get("clause_fillers", [])),
        performed=performed,
    )


@lru_cache(maxsize=1)
def assertion_rules() -> AssertionRules:
    """The bundled cue file, loaded once."""
    return load_assertion_rules()


def find_cues(norms: tuple[str, ...], lo: int, hi: int, rules: AssertionRules) -> list[Cue]:
    """Cues of one sentence (token range), longest first wins on overlap; pseudo-cues removed."""
    matches = rules.phrases.find_all(norms, lo, hi)
    matches.sort(key=lambda m: (-(m.end - m.start), m.start))
    claimed: dict[int, int] = {}  # token -> length of the longest cue covering it
    kept: list[Cue] = []
    pseudo: set[int] = set()  # tokens inside a pseudo-cue
    for m in matches:
        length = m.end - m.start
        span = range(m.start, m.end)
        # a strictly longer cue (or pseudo-cue) wins; cues of equal length may overlap
        if any(claimed.get(i, 0) > length for i in span):
            continue
        if any(i in pseudo for i in span):
            continue
        for i in span:
            claimed[i] = max(claimed.get(i, 0), length)
        status, direction = m.payload
        if direction == "pseudo":
            pseudo.update(span)
        else:
            kept.append(Cue(status, direction, m.start, m.end))
    kept = [c for c in kept if not any(i in pseudo for i in range(c.start, c.end))]
    kept.sort(key=lambda c: c.start)
    return kept


def _blocked(doc: Document, rules: AssertionRules, status: str, a: int, b: int) -> bool:
    """Does a terminator lie between token ``a`` (inclusive) and ``b`` (exclusive)?"""
    norms = doc.tokens.norms
    for i in range(a, b):
        if norms[i] in rules.terminators:
            return True
    # "Migraine without aura, intractable", "without aura, left ear deafness": a side or an
    # axis word after a comma opens a new item that the denial does not reach
    for i in range(max(a, 1), min(b + 1, len(norms))):
        if (
            norms[i] in rules.comma_openers
            and "," in doc.text[doc.tokens.ends[i - 1] : doc.tokens.starts[i]]
        ):
            return True
    start = doc.tokens.ends[a - 1] if a > 0 else 0
    end = doc.tokens.starts[b] if b < len(norms) else len(doc.text)
    gap = doc.text[start:end]
    if ";" in gap:
        return True
    return status in rules.comma_stops and "," in gap


def _own_clause_back(doc: Document, rules: AssertionRules, end: int, cue: Cue) -> bool:
    """Does a comma close the clause of an after-cue before it reaches back to the mention?

    A cue after its words belongs to its own clause: "Chest pain, myocardial infarction ruled
    out" and "Gastroenteritis, appendicitis was excluded" keep the first diagnosis; a cue right
    after the comma ("Hematuria, resolved", "Hematuria, now resolved") still describes the
    diagnosis before it. Only the tail of a list joined by "and" / "or" carries the cue back
    over the commas ("Polyps, masses or bleeding were not seen")."""
    t = doc.tokens
    start = t.ends[end - 1] if end > 0 else 0
    gap = doc.text[start : t.starts[cue.start]]
    cut = gap.rfind(",")
    if cut < 0:
        return False
    tail_from = start + cut
    norms = t.norms
    i = cue.start - 1
    own_words = False
    while i >= end and t.starts[i] > tail_from:
        if norms[i] in rules.list_joiners:
            return False
        if norms[i] not in rules.clause_fillers:
            own_words = True
        i -= 1
    # "Otitis media, resolved": a cue right after the comma describes the diagnosis before it
    return own_words


def _reads_back(
    doc: Document, rules: AssertionRules, cues: list[Cue], cue: Cue, start: int
) -> bool:
    """Does a cue that reads both ways ("unlikely", "not likely") close the clause it ends?

    "Pneumonia unlikely, viral upper respiratory infection": the doubt ends its clause and
    belongs to the words before it; the diagnosis after the comma is affirmed. A cue that
    opens its clause ("no fever, chills or cough") still runs through the list after it."""
    if cue.status not in rules.back_stop_statuses:
        return False
    if not any(c.start == cue.start and c.end == cue.end and c.direction == "after" for c in cues):
        return False
    t = doc.tokens
    between = doc.text[t.ends[cue.end - 1] : t.starts[start]]
    # the cue must end its clause: "but not limited to bleeding, infection" still reads on
    if not between.lstrip().startswith(","):
        return False
    if cue.start == 0:
        return False
    before = doc.text[t.ends[cue.start - 1] : t.starts[cue.start]]
    return not any(ch in before for ch in ",;:.")


def _reads_forward(
    doc: Document, rules: AssertionRules, cues: list[Cue], cue: Cue, end: int, sentence: int
) -> bool:
    """Does a cue that reads both ways ("not", "questionable", "likely") belong to the words
    after it rather than to a mention before it?

    Such a cue behind a comma or a joining word ("with", "and") opens a phrase of its own:
    "Inguinal hernia, not incarcerated", "Fall with questionable loss of consciousness",
    "Anemia due to blood loss, would not require transfusion" keep the first mention. A cue
    that ends its sentence has nothing after it to read ("Lung cancer with metastasis, likely.")."""
    if cue.status not in rules.back_stop_statuses or cue.end >= doc.sentences[sentence].tok_hi:
        return False
    if not any(c.start == cue.start and c.end == cue.end and c.direction == "before" for c in cues):
        return False
    norms = doc.tokens.norms
    if any(norms[i] in rules.back_stops for i in range(end, cue.start)):
        return True
    start = doc.tokens.ends[end - 1] if end > 0 else 0
    return "," in doc.text[start : doc.tokens.starts[cue.start]]


def assertion_for_tokens(doc: Document, sentence_index: int, start: int, end: int) -> Assertion:
    """Status of the mention covering tokens ``start``..``end`` of sentence ``sentence_index``.

    Computed once per span of a note: several concepts often match the same words."""
    done: dict[tuple[int, int, int], Assertion] | None = doc.memo.get("assertions")
    if done is None:
        done = doc.memo["assertions"] = {}
    key = (sentence_index, start, end)
    found = done.get(key)
    if found is None:
        found = done[key] = _assertion_for_tokens(doc, sentence_index, start, end)
    return found


def _assertion_for_tokens(doc: Document, sentence_index: int, start: int, end: int) -> Assertion:
    rules = assertion_rules()
    best: tuple[int, int, Cue] | None = None
    cues = doc.cues(sentence_index)
    starts = doc.cue_starts(sentence_index)
    # Only cues that can reach the mention: bounded work per mention, whatever the sentence.
    lo = bisect.bisect_left(starts, start - rules.max_reach)
    hi = bisect.bisect_right(starts, end + rules.max_reach)
    for cue in cues[lo:hi]:
        if cue.end <= start and cue.direction == "list":
            distance = start - cue.end
            if distance > LIST_WINDOW or _blocked(doc, rules, "", cue.end, start):
                continue
        elif cue.end <= start and cue.direction == "before":
            distance = start - cue.end
            if distance > rules.window(cue.status)[0]:
                continue
            if _blocked(doc, rules, cue.status, cue.end, start):
                continue
            if _reads_back(doc, rules, cues[lo:hi], cue, start):
                continue
        elif cue.start >= end and cue.direction == "after":
            distance = cue.start - end
            if distance > rules.window(cue.status)[1]:
                continue
            if _blocked(doc, rules, cue.status, end, cue.start):
                continue
            if _reads_forward(doc, rules, cues[lo:hi], cue, end, sentence_index):
                continue
            if cue.status in rules.back_stop_statuses and _own_clause_back(doc, rules, end, cue):
                continue
        elif (
            cue.status == "historical"
            and cue.direction == "before"
            and cue.start < start
            and end <= cue.end
        ):
            # the past condition in the gap of a cue that reaches on to its treatment
            # ("history of respiratory failure requiring intubation") is past too
            distance = 0
        else:
            continue
        key = (distance, rules.precedence[cue.status], cue)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is not None:
        cue = best[2]
        t = doc.tokens
        return Assertion(cue.status, cue, doc.text[t.starts[cue.start] : t.ends[cue.end - 1]])
    kind = doc.sentences[sentence_index].section_kind
    default = rules.section_defaults.get(kind)
    if default == "hypothetical" and doc.tells_work_done(sentence_index):
        # "P - The lesion was excised": a SOAP plan that records what was done today
        return _PRESENT
    return _without_cue(default) if default else _PRESENT


_PRESENT = Assertion("present")


@lru_cache(maxsize=64)
def _without_cue(status: str) -> Assertion:
    """The status a section gives without a cue; one shared (immutable) instance each."""
    return Assertion(status)
