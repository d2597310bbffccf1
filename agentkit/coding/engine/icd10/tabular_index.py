"""The ICD-10-CM tabular list as a word index: a diagnosis statement in, the best titles out.

Every reportable code (billable codes, and the leaves that take a 7th character) is indexed by
its title and its inclusion terms. A title's words fall into kinds:

* required words ("Calculus of gallbladder with acute cholecystitis": calculus, gallbladder,
  acute, cholecystitis);
* optional words: in parentheses ("Essential (primary) hypertension"), or words a coder assumes
  when the note says nothing (displaced, closed, unspecified, ... ``default_words`` in
  ``words.yaml``);
* either-or words around "and" ("Malignant neoplasm of bronchus and lung"): one is enough;
* excluded words, after "without" ("... without obstruction"): a statement that says
  "obstruction" cannot have this title.

Side words (right, left, bilateral) become the title's side. Words listed as ``must_say``
(congenital, malignant, pregnancy, ...) must be in the statement. A statement matches a title
when it says most of the title's weight of words (rare words weigh more) and the title explains
most of the statement; the most specific title wins. Candidates come from a posting list of
each title's two rarest words, so a lookup costs a few hundred set operations at most, whatever
the size of the tabular.
"""

from __future__ import annotations

import hashlib
import marshal
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from agentkit.coding.codesets.icd10cm import Icd10cmCodeSet
from agentkit.coding.engine.icd10.lexicon import WORDS_FILE, Lexicon, lexicon

__all__ = ["Candidate", "TabularIndex", "parse_title", "tabular_index"]

_INDEX_FORMAT = 3
_TITLE_TOKEN = re.compile(r"[a-z0-9]+|[(),\[\]]")
_SOFT_FACTOR = 0.25
_UNKNOWN_WEIGHT = 3.0
MIN_RECALL = 0.6

# Entry tuple layout (tuples, not objects: 47k of them load from the cache in milliseconds).
CODE: Final = 0
REQUIRED: Final = 1
OPTIONAL: Final = 2
EXCLUDED: Final = 3
ANY_OF: Final = 4
SIDE: Final = 5
FLAGS: Final = 6
UNSPECIFIED, OTHER, NEEDS_7TH, INCLUSION = 1, 2, 4, 8

Entry = tuple[str, frozenset[str], frozenset[str], frozenset[str], frozenset[str], str, int]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A title that matches a statement, with how well."""

    code: str  # dotted; for ``needs_7th`` the leaf that takes a 7th character
    score: float
    recall: float  # share of the title's weight the statement says
    precision: float  # share of the statement's weight the title explains
    side: str  # right | left | bilateral | unspec | "" (the title names no side)
    needs_7th: bool
    unspecified: bool
    other: bool
    words: frozenset[str]  # the title words the statement said


@dataclass(frozen=True, slots=True)
class ParsedTitle:
    required: frozenset[str]
    optional: frozenset[str]
    excluded: frozenset[str]
    any_of: frozenset[str]
    side: str
    unspecified: bool
    other: bool


def parse_title(title: str, lex: Lexicon) -> ParsedTitle:
    """The word kinds of one title or inclusion term (see module docstring)."""
    required: list[str] = []
    optional: set[str] = set()
    excluded: set[str] = set()
    any_of: set[str] = set()
    side = ""
    unspecified = other = False
    depth = 0
    mode = "with"
    after_and = False
    last_required: str | None = None
    for tok in _TITLE_TOKEN.findall(title.lower()):
        if tok in "([":
            depth += 1
            continue
        if tok in ")]":
            depth = max(0, depth - 1)
            continue
        if tok == "," and depth == 0:
            mode, after_and, last_required = "with", False, None
            continue
        if tok == ",":
            continue
        if tok == "with" and depth == 0:
            mode, after_and, last_required = "with", False, None
            continue
        if tok == "without" and depth == 0:
            mode, after_and, last_required = "without", False, None
            continue
        if tok in ("and", "or") and depth == 0 and mode == "with":
            if last_required in required and not after_and:
                required.remove(last_required)
                any_of.add(last_required)
            after_and = True
            continue
        if tok == "unspecified":
            unspecified = True
        elif tok == "other":
            other = True
        for word in lex.words(tok):
            if tok in lex.sides:
                side = "bilateral" if side and side != word else word
                continue
            if mode == "without":
                excluded.add(word)
            elif depth or (word in lex.defaults and word not in lex.must_say):
                optional.add(word)
            elif after_and:
                any_of.add(word)
            elif word not in required:
                required.append(word)
                last_required = word
    req = frozenset(required)
    if not req and any_of:
        req, any_of = frozenset(any_of), set()
    return ParsedTitle(
        req,
        frozenset(optional - req - any_of),
        frozenset(excluded - req - any_of),
        frozenset(any_of - req),
        side,
        unspecified,
        other,
    )


class TabularIndex:
    """Titles and inclusion terms of reportable codes, searchable by statement words."""

    def __init__(
        self,
        entries: list[Entry],
        weights: dict[str, float],
        postings: dict[str, tuple[int, ...]],
        must_say: frozenset[str],
        version: str,
    ) -> None:
        self.entries = entries
        self.weights = weights
        self.postings = postings
        self.must_say = must_say
        self.version = version

    def weight(self, word: str) -> float:
        return self.weights.get(word, _UNKNOWN_WEIGHT)

    def knows(self, word: str) -> bool:
        return word in self.weights

    def match(
        self,
        words: Iterable[str],
        side: str | None = None,
        *,
        soft: frozenset[str] = frozenset(),
        limit: int = 5,
    ) -> list[Candidate]:
        """Titles that fit the statement ``words`` (already normalised), best first."""
        said = frozenset(words)
        if not said:
            return []
        w = self.weight
        said_weight = sum(w(x) * (_SOFT_FACTOR if x in soft else 1.0) for x in said)
        if said_weight <= 0:
            return []
        seen: set[int] = set()
        out: list[Candidate] = []
        for word in said:
            for i in self.postings.get(word, ()):
                if i in seen:
                    continue
                seen.add(i)
                cand = self._score(self.entries[i], said, said_weight, side, soft)
                if cand is not None:
                    out.append(cand)
        out.sort(key=lambda c: (-c.score, c.code))
        return out[:limit]

    def _score(
        self,
        e: Entry,
        said: frozenset[str],
        said_weight: float,
        side: str | None,
        soft: frozenset[str],
    ) -> Candidate | None:
        if e[EXCLUDED] & said:
            return None
        e_side = e[SIDE]
        if e_side in ("right", "left", "bilateral") and e_side != side:
            return None
        required = e[REQUIRED]
        if (required & self.must_say) - said:
            return None
        w = self.weight
        need = sum(w(x) for x in required)
        hit = required & said
        got = sum(w(x) for x in hit)
        any_of = e[ANY_OF]
        if any_of:
            any_hit = any_of & said
            if any_hit:
                best = max(w(x) for x in any_hit)
                need += best
                got += best
                hit = hit | any_hit
            else:
                need += max(w(x) for x in any_of)
        if need <= 0:
            return None
        recall = got / need
        if recall < MIN_RECALL:
            return None
        said_of_title = hit | (e[OPTIONAL] & said)
        explained = sum(w(x) * (_SOFT_FACTOR if x in soft else 1.0) for x in said_of_title)
        precision = explained / said_weight
        if precision <= 0:
            return None
        score = 2 * recall * precision / (recall + precision)
        flags = e[FLAGS]
        if side and e_side == side:
            score += 0.03
        elif side and e_side == "unspec":
            score -= 0.02
        elif not side and e_side == "unspec":
            score += 0.01
        if flags & OTHER:
            score -= 0.01
        if flags & UNSPECIFIED:
            score += 0.002
        return Candidate(
            code=e[CODE],
            score=round(score, 4),
            recall=round(recall, 4),
            precision=round(precision, 4),
            side=e_side,
            needs_7th=bool(flags & NEEDS_7TH),
            unspecified=bool(flags & UNSPECIFIED),
            other=bool(flags & OTHER),
            words=frozenset(said_of_title),
        )


def _sided_parents(icd: Icd10cmCodeSet, titles: dict[str, tuple[str, str | None]]) -> set[str]:
    return {
        parent
        for _code, (title, parent) in titles.items()
        if parent and re.search(r"\b(right|left)\b", title, re.I)
    }


def build_index(icd: Icd10cmCodeSet, lex: Lexicon) -> TabularIndex:
    """Index every reportable code of ``icd`` (a second or two; cached by
    :func:`tabular_index`)."""
    records = []
    for code in icd.codes():
        rec = icd.get(code)
        if rec is not None and (rec.billable or rec.requires_7th):
            records.append(rec)
    sided = _sided_parents(icd, {r.code: (r.description, r.parent) for r in records})
    entries: list[Entry] = []
    for rec in records:
        texts = [(rec.description, 0)] + [(t, INCLUSION) for t in rec.inclusion_terms]
        for text, inclusion in texts:
            t = parse_title(text, lex)
            if not t.required:
                continue
            side = t.side
            if not side and t.unspecified and rec.parent in sided:
                side = "unspec"
            flags = (
                inclusion
                | (UNSPECIFIED if t.unspecified else 0)
                | (OTHER if t.other else 0)
                | (NEEDS_7TH if rec.requires_7th else 0)
            )
            entries.append((rec.code, t.required, t.optional, t.excluded, t.any_of, side, flags))
    df: dict[str, int] = defaultdict(int)
    for e in entries:
        for x in e[REQUIRED] | e[OPTIONAL] | e[ANY_OF]:
            df[x] += 1
    n = len(entries) or 1
    weights = {x: max(0.5, math.log((n + 1) / (c + 1))) for x, c in df.items()}
    postings: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        ranked = sorted(e[REQUIRED] | e[ANY_OF], key=lambda x: (-weights.get(x, 0.0), x))
        for x in ranked[:2]:
            postings[x].append(i)
    return TabularIndex(
        entries,
        weights,
        {k: tuple(v) for k, v in postings.items()},
        lex.must_say,
        icd.version.label,
    )


def _cache_tag(icd: Icd10cmCodeSet) -> str:
    """Changes with the word lists, this module's code and the code-set version."""
    digest = hashlib.sha256(
        WORDS_FILE.read_bytes()
        + Path(__file__).read_bytes()
        + f"|{icd.version.label}|{len(icd)}|{_INDEX_FORMAT}".encode()
    ).hexdigest()
    return digest[:16]


def _load_cached(path: Path) -> TabularIndex | None:
    try:
        raw = path.read_bytes()
        entries, weights, postings, must_say, version = marshal.loads(raw)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return TabularIndex(entries, weights, postings, must_say, version)


def _save_cached(path: Path, index: TabularIndex) -> None:
    payload = (index.entries, index.weights, index.postings, index.must_say, index.version)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{id(index)}.tmp")
        tmp.write_bytes(marshal.dumps(payload))
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache directory: keep the index in memory only


@lru_cache(maxsize=4)
def _cached(icd_id: int, icd: Icd10cmCodeSet) -> TabularIndex:
    from agentkit.coding.store import coding_dir

    path = coding_dir() / "prepared" / f"icd10-tabular-index-{_cache_tag(icd)}.marshal"
    found = _load_cached(path)
    if found is not None:
        return found
    index = build_index(icd, lexicon())
    _save_cached(path, index)
    return index


def tabular_index(icd: Icd10cmCodeSet) -> TabularIndex:
    """The word index of ``icd``, built once per process (and cached on disk)."""
    return _cached(id(icd), icd)
