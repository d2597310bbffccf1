"""Words as the diagnosis matcher counts them: stop words dropped, equivalents merged, plurals
folded.

A note says "renal calculi", the tabular says "Calculus of kidney": both must become the same
words before they can be compared. The lists live in ``data/words.yaml`` (coders extend them);
this module only applies them. Stemming is deliberately light (plurals only), so that a rule
reads the way a coder expects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from agentkit.coding.engine.yaml_data import YamlList, YamlMap, line_of, load_yaml
from agentkit.errors import DataFileError

__all__ = ["WORDS_FILE", "Lexicon", "lexicon", "load_lexicon", "stem"]

WORDS_FILE = Path(__file__).resolve().parent / "data" / "words.yaml"

_KEEP_S = ("ss", "us", "is", "os", "ys", "as")


def stem(word: str) -> str:
    """Fold an English plural (``ovaries`` -> ``ovary``, ``polyps`` -> ``polyp``)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith(("nuses", "ruses", "luses", "tuses")) and len(word) > 6:
        return word[:-2]  # sinuses, viruses, calluses, fetuses (but causes, abuses stay)
    if word.endswith("ias") and len(word) > 5:
        return word[:-1]  # myalgias, hernias, arrhythmias (but atlas, pancreas stay)
    if word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


_WORDS_KEPT = 100_000  # tokens whose words a Lexicon keeps (any text may be read)


@dataclass(frozen=True)
class Lexicon:
    stop: frozenset[str]
    equivalents: dict[str, tuple[str, ...]]
    soft: frozenset[str]
    defaults: frozenset[str]
    must_say: frozenset[str]
    sides: dict[str, str]
    # raw token -> its words: the statements of every note are read word by word, and notes
    # share most of their words
    _words: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def words(self, raw: str) -> tuple[str, ...]:
        """The matching words of one raw lower-case token (none for a stop word)."""
        found = self._words.get(raw)
        if found is None:
            found = self._words_of(raw)
            if len(self._words) < _WORDS_KEPT:
                self._words[raw] = found
        return found

    def _words_of(self, raw: str) -> tuple[str, ...]:
        if raw in self.sides:
            return (self.sides[raw],)
        mapped = self.equivalents.get(raw)
        if mapped is None:
            s = stem(raw)
            mapped = self.equivalents.get(s, (s,))
        return tuple(w for w in mapped if w not in self.stop)


def _word_list(data: YamlMap, key: str, src: str) -> frozenset[str]:
    items = data.get(key, YamlList())
    if not isinstance(items, list):
        raise DataFileError(src, f"{key}: expected a list of words", line_of(data, key))
    out: set[str] = set()
    for i, item in enumerate(items):
        word = str(item).strip().lower()
        if not word.isalnum():
            raise DataFileError(
                src, f"{key}: {item!r} must be one word of letters or digits", line_of(items, i)
            )
        out.add(word)
        out.add(stem(word))
    return frozenset(out)


def load_lexicon(path: Path = WORDS_FILE) -> Lexicon:
    """Read ``words.yaml``; mistakes come back as DataFileError with the file and line."""
    src = str(path)
    data = load_yaml(path)
    if not isinstance(data, YamlMap):
        raise DataFileError(src, "expected a mapping (stop_words, equivalents, ...)", 1)
    stop = _word_list(data, "stop_words", src)
    soft = _word_list(data, "soft_words", src)
    defaults = _word_list(data, "default_words", src)
    must_say = _word_list(data, "must_say", src)
    raw_eq = data.get("equivalents", YamlMap())
    if not isinstance(raw_eq, YamlMap):
        raise DataFileError(src, "equivalents: expected word: word", line_of(data, "equivalents"))
    equivalents: dict[str, tuple[str, ...]] = {}
    for key, value in raw_eq.items():
        target = tuple(str(value).lower().split())
        if not key.isalnum() or not target or not all(w.isalnum() for w in target):
            raise DataFileError(
                src,
                f"equivalents: {key!r}: {value!r} must map one word to one or more words",
                line_of(raw_eq, key),
            )
        equivalents[key.lower()] = target
    raw_sides = data.get("side_words", YamlMap())
    if not isinstance(raw_sides, YamlMap) or not set(raw_sides.values()) <= {
        "right",
        "left",
        "bilateral",
    }:
        raise DataFileError(
            src, "side_words: map a word to right, left or bilateral", line_of(data, "side_words")
        )
    return Lexicon(
        stop=stop,
        equivalents=equivalents,
        soft=soft,
        defaults=defaults,
        must_say=must_say,
        sides={str(k): str(v) for k, v in raw_sides.items()},
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled word lists, loaded once."""
    return load_lexicon()
