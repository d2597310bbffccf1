"""NCCI procedure-to-procedure (PTP) edits: pairs of codes not reported together.

Each edit has a column-1 and a column-2 code, an effective and a deletion date and a modifier
indicator: 0 = never together, 1 = together only with an NCCI-associated modifier documenting a
distinct service, 9 = not applicable (edit deleted on its effective date; ignored).

The table is held in parallel typed arrays sorted by (column 1, column 2), so the full CMS table
(about 2.5 million rows) loads from its prepared index in well under a second and a pair lookup
is a binary search within the column-1 slice.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from agentkit.coding.versions import DataVersion
from agentkit.result import Finding

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.claim import Claim, ClaimLine
    from agentkit.coding.knowledge import CodingKnowledge

__all__ = ["PtpEdit", "PtpRow", "PtpTable", "check_ptp", "code_key", "date_int"]

_BASE = 36**5
NO_END = 99991231

PtpRow = tuple[str, str, bool, date | None, date | None, int, str]
"""(column_1, column_2, existed_before_1996, effective, deletion, modifier_indicator, rationale)"""


def code_key(code: str) -> int:
    """A 5-character code as a base-36 integer (order-preserving for [0-9A-Z])."""
    return int(code, 36)


def date_int(d: date | None, default: int) -> int:
    return d.year * 10000 + d.month * 100 + d.day if d is not None else default


@lru_cache(maxsize=4096)
def _int_date(v: int) -> date | None:
    if v in (0, NO_END):
        return None
    return date(v // 10000, v // 100 % 100, v % 100)


class PtpEdit(NamedTuple):
    """One PTP edit row (a named tuple: cheap to build in the hot path)."""

    column_1: str
    column_2: str
    existed_before_1996: bool
    effective: date | None  # None: not known (the bundled subset lacks it)
    deletion: date | None  # last day in force; None: active
    modifier_indicator: int
    rationale: str


class PtpTable:
    """All PTP edits of one setting and release, indexed for fast pair lookups."""

    def __init__(
        self,
        keys: array[int],
        effective: array[int],
        deletion: array[int],
        indicator: array[int],
        rationale: array[int],
        pre1996: array[int],
        rationales: list[str],
        col1_slices: dict[int, tuple[int, int]],
        version: DataVersion,
        pair_filter: tuple[bytearray, int] | None = None,
    ) -> None:
        self._keys = keys
        self._eff = effective
        self._del = deletion
        self._ind = indicator
        self._rat = rationale
        self._pre = pre1996
        self._rationales = rationales
        self._slices = col1_slices
        self.version = version
        # a one-hash Bloom filter over the pair keys: most claim pairs have no edit, and a bit
        # test rejects them without a binary search (about 3 % false positives)
        self._filter, self._shift = pair_filter or _build_filter(keys)

    # ------------------------------------------------------------------ building
    @classmethod
    def from_rows(cls, rows: Iterable[PtpRow], version: DataVersion) -> PtpTable:
        """Build from rows carrying ``date`` objects (``None`` = unknown / no deletion)."""
        return cls.from_raw(
            (
                (c1, c2, p, date_int(e, 0), date_int(d, NO_END), mi, r)
                for c1, c2, p, e, d, mi, r in rows
            ),
            version,
        )

    @classmethod
    def from_raw(
        cls, rows: Iterable[tuple[str, str, bool, int, int, int, str]], version: DataVersion
    ) -> PtpTable:
        """Build from rows whose dates are ``YYYYMMDD`` integers (0 = unknown, 99991231 = none).

        This is the importers' fast path: no ``date`` object per row.
        """
        keys, eff, dele = array("q"), array("i"), array("i")
        ind, rat, pre = array("b"), array("H"), array("b")
        rationale_ids: dict[str, int] = {}
        for c1, c2, p, e, d, mi, r in rows:
            keys.append(int(c1, 36) * _BASE + int(c2, 36))
            eff.append(e)
            dele.append(d)
            ind.append(mi)
            rid = rationale_ids.get(r)
            if rid is None:
                rid = rationale_ids[r] = len(rationale_ids)
            rat.append(rid)
            pre.append(1 if p else 0)
        n = len(keys)
        if any(keys[i] > keys[i + 1] for i in range(n - 1)):
            order = sorted(range(n), key=lambda i: (keys[i], eff[i]))
            keys = array("q", [keys[i] for i in order])
            eff = array("i", [eff[i] for i in order])
            dele = array("i", [dele[i] for i in order])
            ind = array("b", [ind[i] for i in order])
            rat = array("H", [rat[i] for i in order])
            pre = array("b", [pre[i] for i in order])
        slices: dict[int, tuple[int, int]] = {}
        start = 0
        col1 = [k // _BASE for k in keys]
        for i in range(1, n + 1):
            if i == n or col1[i] != col1[start]:
                slices[col1[start]] = (start, i)
                start = i
        names = [""] * len(rationale_ids)
        for text, idx in rationale_ids.items():
            names[idx] = text
        return cls(keys, eff, dele, ind, rat, pre, names, slices, version, _build_filter(keys))

    def to_payload(self) -> dict[str, Any]:
        """Plain containers for the prepared on-disk index."""
        return {
            "keys": self._keys,
            "eff": self._eff,
            "del": self._del,
            "ind": self._ind,
            "rat": self._rat,
            "pre": self._pre,
            "rationales": self._rationales,
            "slices": self._slices,
            "filter": (self._filter, self._shift),
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: DataVersion) -> PtpTable:
        return cls(
            payload["keys"],
            payload["eff"],
            payload["del"],
            payload["ind"],
            payload["rat"],
            payload["pre"],
            payload["rationales"],
            payload["slices"],
            version,
            payload.get("filter"),
        )

    # ------------------------------------------------------------------ lookups
    def __len__(self) -> int:
        return len(self._keys)

    def _edit(self, i: int, column_1: str | None = None, column_2: str | None = None) -> PtpEdit:
        key = self._keys[i]
        return PtpEdit(
            column_1=column_1 or _decode(key // _BASE),
            column_2=column_2 or _decode(key % _BASE),
            existed_before_1996=bool(self._pre[i]),
            effective=_int_date(self._eff[i]),
            deletion=_int_date(self._del[i]),
            modifier_indicator=self._ind[i],
            rationale=self._rationales[self._rat[i]],
        )

    def lookup(self, column_1: str, column_2: str, dos: date) -> PtpEdit | None:
        """The edit in force on ``dos`` for this ordered pair, if any."""
        sl = self._slices.get(int(column_1, 36))
        if sl is None:
            return None
        key = int(column_1, 36) * _BASE + int(column_2, 36)
        i = self._find(sl[0], sl[1], key, date_int(dos, 0))
        return self._edit(i, column_1, column_2) if i >= 0 else None

    def _find(self, lo: int, hi: int, key: int, day: int) -> int:
        """Index of the row in force for ``key`` on ``day`` within [lo, hi), or -1."""
        keys = self._keys
        i = bisect_left(keys, key, lo, hi)
        if i >= hi or keys[i] != key:
            return -1
        eff, dele = self._eff, self._del
        best = -1
        while i < hi and keys[i] == key:
            # several rows in force (possible only where effective dates are unknown):
            # prefer the latest start, then the one ending soonest (the narrower window)
            if eff[i] <= day <= dele[i] and (
                best < 0 or (eff[i], -dele[i]) > (eff[best], -dele[best])
            ):
                best = i
            i += 1
        return best

    def pairs_among(self, codes: Iterable[str], dos: date) -> Iterator[PtpEdit]:
        """Every edit in force on ``dos`` between two different codes of ``codes``."""
        uniq = list(dict.fromkeys(codes))
        ints = [(c, int(c, 36)) for c in uniq]
        day = date_int(dos, 0)
        slices, keys, eff, dele = self._slices, self._keys, self._eff, self._del
        bits, shift = self._filter, self._shift
        for c1, k1 in ints:
            sl = slices.get(k1)
            if sl is None:
                continue
            lo, hi = sl
            base = k1 * _BASE
            for c2, k2 in ints:
                key = base + k2
                h = ((key * _MULT) & _MASK64) >> shift
                if not bits[h >> 3] & (1 << (h & 7)):
                    continue  # certainly no edit for this pair
                i = bisect_left(keys, key, lo, hi)
                if i >= hi or keys[i] != key or k2 == k1:
                    continue  # the common case: no edit for this pair
                if i + 1 < hi and keys[i + 1] == key:
                    i = self._find(i, hi, key, day)  # several rows for the pair
                elif not eff[i] <= day <= dele[i]:
                    i = -1
                if i >= 0:
                    yield self._edit(i, c1, c2)

    def rows(self) -> Iterator[PtpEdit]:
        for i in range(len(self._keys)):
            yield self._edit(i)


_MULT = 0x9E3779B97F4A7C15  # Fibonacci hashing
_MASK64 = (1 << 64) - 1


def _build_filter(keys: array[int]) -> tuple[bytearray, int]:
    """A bitmap with about 32 bits per key, set at each key's multiplicative hash."""
    bits = max(16, (32 * max(len(keys), 1) - 1).bit_length())
    shift = 64 - bits
    buf = bytearray(1 << (bits - 3))
    for key in keys:
        h = ((key * _MULT) & _MASK64) >> shift
        buf[h >> 3] |= 1 << (h & 7)
    return buf, shift


def _decode(value: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = []
    for _ in range(5):
        value, r = divmod(value, 36)
        out.append(digits[r])
    return "".join(reversed(out))


# --------------------------------------------------------------------------- the edit


def _bypass(col1: ClaimLine, col2: ClaimLine, kb: CodingKnowledge) -> tuple[str | None, str | None]:
    """(modifier that bypasses the edit, reason it does not) for an indicator-1 pair."""
    mods = kb.modifiers
    col1_sides = {m.side for x in col1.modifiers if (m := mods.get(x)) is not None and m.side}
    same_site: str | None = None
    for code in col2.modifiers:
        info = mods.get(code)
        if info is None or not info.ptp_bypass:
            continue
        if info.category == "anatomic" and (
            code in col1.modifiers
            or (info.side and info.side in col1_sides and code in ("RT", "LT"))
        ):
            same_site = code
            continue
        return code, None
    if same_site:
        return None, (
            f"both lines carry {same_site}, so they are on the same site; an anatomic modifier "
            "bypasses the edit only when the sites differ"
        )
    return None, None


def check_ptp(claim: Claim, kb: CodingKnowledge) -> list[Finding]:
    """PTP edits among the claim's lines (all on one date of service)."""
    table = kb.ptp
    if table is None:
        return []
    findings: list[Finding] = []
    lines_by_code: dict[str, list[ClaimLine]] = {}
    for line in claim.lines:
        lines_by_code.setdefault(line.code, []).append(line)
    source_base = table.version.label
    for edit in table.pairs_among(lines_by_code, kb.dos):
        if edit.modifier_indicator == 9:
            continue
        col1_line = lines_by_code[edit.column_1][0]
        for col2_line in lines_by_code[edit.column_2]:
            pair = f"{edit.column_1} + {edit.column_2}"
            why = f"rationale: {edit.rationale}" if edit.rationale else ""
            if edit.modifier_indicator == 0:
                findings.append(
                    Finding(
                        check="ncci_ptp",
                        severity="error",
                        message=(
                            f"{edit.column_2} is not reported with {edit.column_1}: NCCI bundles "
                            f"column-2 code {edit.column_2} into column-1 code {edit.column_1} "
                            f"and no modifier allows both ({why}). Remove {edit.column_2}."
                        ),
                        path=col2_line.path,
                        codes=(edit.column_1, edit.column_2),
                        source=f"{source_base}, modifier indicator 0",
                    )
                )
                continue
            modifier, not_distinct = _bypass(col1_line, col2_line, kb)
            if modifier is not None:
                findings.append(
                    Finding(
                        check="ncci_ptp",
                        severity="info",
                        message=(
                            f"{pair} is an NCCI pair ({why}); modifier {modifier} on "
                            f"{edit.column_2} allows both. The note must document the distinct "
                            "site, session or service."
                        ),
                        path=col2_line.modifiers_path,
                        codes=(edit.column_1, edit.column_2),
                        source=f"{source_base}, modifier indicator 1",
                    )
                )
                continue
            hint = f" ({not_distinct})" if not_distinct else ""
            findings.append(
                Finding(
                    check="ncci_ptp",
                    severity="error",
                    message=(
                        f"{edit.column_2} is bundled into {edit.column_1} ({why}). Report both "
                        "only "
                        f"when the note documents a separate site, session or lesion, with 59 or "
                        f"XE/XS/XP/XU (or a distinguishing anatomic modifier) on {edit.column_2}; "
                        f"otherwise remove {edit.column_2}{hint}."
                    ),
                    path=col2_line.modifiers_path,
                    codes=(edit.column_1, edit.column_2),
                    source=f"{source_base}, modifier indicator 1",
                )
            )
    return findings
