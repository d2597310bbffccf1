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
from array import array
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
_CACHE_SIZE = 4096  # statements repeat across notes ("Hypertension.")

# Entry tuple layout (tuples, not objects: 47k of them load from the cache in milliseconds).
CODE: Final = 0
REQUIRED: Final = 1
OPTIONAL: Final = 2
EXCLUDED: Final = 3
ANY_OF: Final = 4
SIDE: Final = 5
FLAGS: Final = 6
UNSPECIFIED, OTHER, NEEDS_7TH, INCLUSION, GENERIC = 1, 2, 4, 8, 16
# "Nonrheumatic aortic valve disorder": a title whose condition word is only "disorder" or
# "disease" (stop words for matching) is named by its site alone; the statement must say a
# condition word too, or "Aortic valve: normal" would match it.
_GENERIC_WORDS = frozenset({"disorder", "disorders", "disease", "diseases"})
# "without <noun> of X": after these nouns X is what the title says is absent, not its site
_ABSENT_OF = frozenset(
    {"mention", "evidence", "signs", "loss", "diagnosis", "excess", "confirmation",
     "involvement", "disruption", "penetration"}
)  # fmt: skip

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
    generic: bool = False  # the title's condition word is only "disorder" / "disease"


@dataclass(frozen=True, slots=True)
class ParsedTitle:
    required: frozenset[str]
    optional: frozenset[str]
    excluded: frozenset[str]
    any_of: frozenset[str]
    side: str
    unspecified: bool
    other: bool
    generic: bool = False


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
    prev = ""
    generic = False
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
        if tok == "of" and mode == "without" and depth == 0 and prev not in _ABSENT_OF:
            # "Laceration without foreign body of scalp": the site after "of" is required
            # (but "without loss of consciousness", "without signs of inflammatory
            # arthritis": what follows is what is absent)
            mode, after_and, last_required = "with", False, None
            prev = tok
            continue
        prev = tok
        if tok in _GENERIC_WORDS and depth == 0 and mode == "with":
            generic = True
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
        generic,
    )


_SIDES = ("", "right", "left", "bilateral", "unspec")
_SIDED_CODES = frozenset(_SIDES.index(s) for s in ("right", "left", "bilateral"))


class TabularIndex:
    """Titles and inclusion terms of reportable codes, searchable by statement words.

    Stored as flat arrays (word ids, offsets, a posting list per word) so that the index loads
    from its cache in milliseconds; sets are only formed for the few titles a statement
    reaches.
    """

    def __init__(
        self,
        words: list[str],
        weights: array[float],
        codes: list[str],
        ids: array[int],
        offsets: array[int],
        need: array[float],
        sides: bytes,
        flags: bytes,
        post_ids: array[int],
        post_off: array[int],
        must_say: frozenset[int],
        version: str,
    ) -> None:
        self.words = words
        self.wid = {w: i for i, w in enumerate(words)}
        self._w = weights
        self.codes = codes
        self._ids = ids
        self._off = offsets
        self._need = need
        self._sides = sides
        self._flags = flags
        self._post_ids = post_ids
        self._post_off = post_off
        self.must_say = must_say
        self.version = version
        self._cache: dict[tuple[frozenset[str], str | None, frozenset[str], int], list[Candidate]]
        self._cache = {}

    def __len__(self) -> int:
        return len(self.codes)

    def weight(self, word: str) -> float:
        i = self.wid.get(word)
        return self._w[i] if i is not None else _UNKNOWN_WEIGHT

    def knows(self, word: str) -> bool:
        return word in self.wid

    def match(
        self,
        words: Iterable[str],
        side: str | None = None,
        *,
        soft: frozenset[str] = frozenset(),
        limit: int = 5,
    ) -> list[Candidate]:
        """Titles that fit the statement ``words`` (already normalised), best first."""
        said_words = frozenset(words)
        if not said_words:
            return []
        key = (said_words, side, soft, limit)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        found = self._match(said_words, side, soft, limit)
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = found
        return found

    def _match(
        self, said_words: frozenset[str], side: str | None, soft: frozenset[str], limit: int
    ) -> list[Candidate]:
        wid, wt = self.wid, self._w
        said: set[int] = set()
        soft_ids: set[int] = set()
        said_weight = 0.0
        for x in said_words:
            i = wid.get(x)
            factor = _SOFT_FACTOR if x in soft else 1.0
            if i is None:
                said_weight += _UNKNOWN_WEIGHT * factor
                continue
            said.add(i)
            if x in soft:
                soft_ids.add(i)
            said_weight += wt[i] * factor
        if said_weight <= 0 or not said:
            return []
        seen: set[int] = set()
        scored: list[tuple[float, str, int, float, float, tuple[int, ...]]] = []
        post_ids, post_off, sides = self._post_ids, self._post_off, self._sides
        # a title of another side cannot fit: skipped before it is scored
        other_sides = _SIDED_CODES - {_SIDES.index(side)} if side in _SIDES else _SIDED_CODES
        for wi in said:
            for k in range(post_off[wi], post_off[wi + 1]):
                e = post_ids[k]
                if e in seen:
                    continue
                seen.add(e)
                if sides[e] in other_sides:
                    continue
                got = self._score(e, said, soft_ids, said_weight, side)
                if got is not None:
                    scored.append((-got[0], self.codes[e], e, got[1], got[2], got[3]))
        scored.sort()
        out: list[Candidate] = []
        for neg, code, e, recall, precision, hit in scored[:limit]:
            flags = self._flags[e]
            out.append(
                Candidate(
                    code=code,
                    score=round(-neg, 4),
                    recall=round(recall, 4),
                    precision=round(precision, 4),
                    side=_SIDES[self._sides[e]],
                    needs_7th=bool(flags & NEEDS_7TH),
                    unspecified=bool(flags & UNSPECIFIED),
                    other=bool(flags & OTHER),
                    words=frozenset(self.words[i] for i in hit),
                    generic=bool(flags & GENERIC),
                )
            )
        return out

    def _score(
        self,
        e: int,
        said: set[int],
        soft: set[int],
        said_weight: float,
        side: str | None,
    ) -> tuple[float, float, float, tuple[int, ...]] | None:
        o = 5 * e
        off = self._off
        r0, o0, x0, a0, end = off[o], off[o + 1], off[o + 2], off[o + 3], off[o + 4]
        ids, wt = self._ids, self._w
        for k in range(x0, a0):
            if ids[k] in said:
                return None
        e_side = _SIDES[self._sides[e]]
        if e_side in ("right", "left", "bilateral") and e_side != side:
            return None
        must = self.must_say
        need = self._need[e]
        got = 0.0
        hit: list[int] = []
        for k in range(r0, o0):
            x = ids[k]
            if x in said:
                got += wt[x]
                hit.append(x)
            elif x in must:
                return None
        if a0 < end:
            best_any = -1
            for k in range(a0, end):
                x = ids[k]
                if x in said and (best_any < 0 or wt[x] > wt[best_any]):
                    best_any = x
            if best_any >= 0:
                need += wt[best_any]
                got += wt[best_any]
                hit.append(best_any)
            else:
                need += max(wt[ids[k]] for k in range(a0, end))
        if need <= 0:
            return None
        recall = got / need
        if recall < MIN_RECALL:
            return None
        explained = 0.0
        for x in hit:
            explained += wt[x] * (_SOFT_FACTOR if x in soft else 1.0)
        for k in range(o0, x0):
            x = ids[k]
            if x in said:
                hit.append(x)
                explained += wt[x] * (_SOFT_FACTOR if x in soft else 1.0)
        precision = explained / said_weight
        if precision <= 0:
            return None
        score = 2 * recall * precision / (recall + precision)
        flags = self._flags[e]
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
        return score, recall, precision, tuple(hit)


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
                | (GENERIC if t.generic else 0)
            )
            entries.append((rec.code, t.required, t.optional, t.excluded, t.any_of, side, flags))
    df: dict[str, int] = defaultdict(int)
    for e in entries:
        for x in e[REQUIRED] | e[OPTIONAL] | e[ANY_OF]:
            df[x] += 1
    n = len(entries) or 1
    vocab = sorted(set(df) | {x for e in entries for x in e[EXCLUDED]} | set(lex.must_say))
    wid = {w: i for i, w in enumerate(vocab)}
    weights = array("d", (max(0.5, math.log((n + 1) / (df.get(w, 0) + 1))) for w in vocab))
    ids: array[int] = array("i")
    offsets: array[int] = array("i")
    need: array[float] = array("d")
    side_codes = bytearray()
    flag_codes = bytearray()
    postings: dict[int, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        req = sorted((wid[x] for x in e[REQUIRED]), key=lambda k: (-weights[k], k))
        offsets.append(len(ids))
        ids.extend(req)
        offsets.append(len(ids))
        ids.extend(sorted(wid[x] for x in e[OPTIONAL]))
        offsets.append(len(ids))
        ids.extend(sorted(wid[x] for x in e[EXCLUDED]))
        offsets.append(len(ids))
        any_ids = sorted(wid[x] for x in e[ANY_OF])
        ids.extend(any_ids)
        offsets.append(len(ids))
        need.append(sum(weights[k] for k in req))
        side_codes.append(_SIDES.index(e[SIDE]))
        flag_codes.append(e[FLAGS])
        ranked = sorted(req + any_ids, key=lambda k: (-weights[k], k))
        for k in ranked[:2]:
            postings[k].append(i)
    post_ids: array[int] = array("i")
    post_off: array[int] = array("i", [0])
    for k in range(len(vocab)):
        post_ids.extend(postings.get(k, ()))
        post_off.append(len(post_ids))
    return TabularIndex(
        vocab,
        weights,
        [e[CODE] for e in entries],
        ids,
        offsets,
        need,
        bytes(side_codes),
        bytes(flag_codes),
        post_ids,
        post_off,
        frozenset(wid[w] for w in lex.must_say if w in wid),
        icd.version.label,
    )


def _cache_tag(icd: Icd10cmCodeSet) -> str:
    """Changes with the word lists, this module's and the lexicon's code and the code-set
    version."""
    digest = hashlib.sha256(
        WORDS_FILE.read_bytes()
        + Path(__file__).read_bytes()
        + (Path(__file__).parent / "lexicon.py").read_bytes()
        + f"|{icd.version.label}|{len(icd)}|{_INDEX_FORMAT}".encode()
    ).hexdigest()
    return digest[:16]


def _load_cached(path: Path) -> TabularIndex | None:
    try:
        raw = path.read_bytes()
        (
            words,
            weights,
            codes,
            ids,
            offsets,
            need,
            sides,
            flags,
            post_ids,
            post_off,
            must,
            version,
        ) = marshal.loads(raw)
        index = TabularIndex(
            words,
            array("d", weights),
            codes,
            array("i", ids),
            array("i", offsets),
            array("d", need),
            sides,
            flags,
            array("i", post_ids),
            array("i", post_off),
            frozenset(must),
            version,
        )
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return index


def _save_cached(path: Path, index: TabularIndex) -> None:
    payload = (
        index.words,
        index._w.tobytes(),
        index.codes,
        index._ids.tobytes(),
        index._off.tobytes(),
        index._need.tobytes(),
        index._sides,
        index._flags,
        index._post_ids.tobytes(),
        index._post_off.tobytes(),
        tuple(index.must_say),
        index.version,
    )
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
