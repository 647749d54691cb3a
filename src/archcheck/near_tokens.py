"""Where a declared token, another case of it or a near miss could occur: a filter that never
misses one, so the token rule and the pre-scan can skip text that holds none.

Why it never misses. A typo of a value is a word within ``k`` edits of it (optimal string
alignment: insert, delete, substitute, swap two neighbours; ``k`` from ``typo_limit``). Cut the
value into ``k + 1`` pieces with one character left out between neighbouring pieces: one edit
touches at most one piece (a swap of two neighbours cannot reach two pieces, a gap lies between
them), so ``k`` edits leave at least one piece intact and contiguous in the word. Words are made
of ``[A-Za-z0-9-]``, so a piece holding another character can never be intact in one and is
dropped. Another case of the value holds the lowered value itself. The search is over ASCII-lowered
text, so case never hides a piece.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache

WORD_CHARS = re.compile(r"[A-Za-z0-9-]+")  # what a token word (the rule's RE_WORD) is made of
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def typo_limit(value: str) -> int:
    """How many edits a word may be from ``value`` and still be reported as a typo of it."""
    if len(value) < 6:
        return 0  # short values: only another case of the value is a typo
    return 2 if len(value) >= 10 else 1


def ascii_lower(text: str) -> str:
    """``text`` lowered with every character kept at its position.

    Where str.lower() keeps the length it maps each character to one character; that may also
    lower a non-ASCII letter to an ASCII one (a Kelvin sign to "k"), which can only add hits, and
    such a letter is a word character to the token rule, so no word starts or ends beside it."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_LOWER)


def _selectivity(piece: str) -> int:
    # Longer pieces, and pieces that mix letters, digits and hyphens, occur less often in prose.
    kinds = {"digit" if char.isdigit() else "alpha" if char.isalpha() else char for char in piece}
    return 2 * len(piece) + len(kinds)


def _cut(value: str, count: int) -> list[str]:
    """``count`` pieces with a one-character gap between neighbours, the rarest such cut."""
    if count == 1:
        return [value]
    best: list[str] = []
    best_score = -1
    for gaps in itertools.combinations(range(1, len(value) - 1), count - 1):
        if any(b - a < 2 for a, b in itertools.pairwise(gaps)):
            continue  # pieces must not be empty
        bounds = [-1, *gaps, len(value)]
        parts = [value[a + 1 : b] for a, b in itertools.pairwise(bounds)]
        usable = [p for p in parts if WORD_CHARS.fullmatch(p) and p.isascii()]
        score = min((_selectivity(p) for p in usable), default=1_000)
        if score > best_score:
            best, best_score = parts, score
    return best


@cache
def pieces(value: str) -> tuple[str, ...]:
    """Lowered pieces of ``value``: every case variant and near miss of it holds one of them."""
    parts = _cut(value, typo_limit(value) + 1) if len(value) >= 2 else [value]
    # value.lower() may be a plain word even when value is not (a Kelvin sign lowers to "k").
    found = [p for p in (*parts, value.lower()) if p and WORD_CHARS.fullmatch(p) and p.isascii()]
    return tuple(dict.fromkeys(ascii_lower(p) for p in found))


def _substring_distance(value: str, text: str, limit: int) -> int:
    """The least optimal-string-alignment distance between ``value`` and any substring of text
    (capped just above ``limit``): the rule's edits, with a free start and end in ``text``."""
    size = len(value)
    before: list[int] = []
    previous = list(range(size + 1))  # the empty prefix of text
    best = previous[size]
    for j, char in enumerate(text, 1):
        current = [0] * (size + 1)  # row 0: a substring may start anywhere
        for i in range(1, size + 1):
            substitute = previous[i - 1] + (value[i - 1] != char)
            cost = min(substitute, previous[i] + 1, current[i - 1] + 1)
            if i > 1 and j > 1 and value[i - 1] == text[j - 2] and value[i - 2] == char:
                cost = min(cost, before[i - 2] + 1)
            current[i] = cost
        best = min(best, current[size])
        before, previous = previous, current
    return min(best, limit + 1)


class TokenFilter:
    """Built once per set of token values; cheap to ask of every text."""

    def __init__(self, values: Iterable[str]) -> None:
        self.values = tuple(dict.fromkeys(values))
        self.pieces = tuple(sorted({p for v in self.values for p in pieces(v)}, key=len))[::-1]
        self._own = [(v, pieces(v), typo_limit(v), Counter(v)) for v in self.values]
        alternation = "|".join(map(re.escape, self.pieces))
        self._any = re.compile(alternation) if self.pieces else None
        # A maximal run of word characters holding a piece: the look-behind starts a match only
        # where a run starts and the possessive tail never backtracks, so this is linear.
        self._runs = re.compile(rf"(?<![a-z0-9-])[a-z0-9-]*?(?:{alternation})[a-z0-9-]*+")

    def may_occur(self, text: str) -> bool:
        """False only when no word of ``text`` can be a value, a case variant or a near miss."""
        return self._any is not None and self._any.search(ascii_lower(text)) is not None

    def candidate_runs(self, text: str) -> Iterator[re.Match[str]]:
        """Maximal runs of word characters holding a piece (spans are those of ``text``)."""
        if self.pieces:
            yield from self._runs.finditer(ascii_lower(text))

    def near_values(self, word: str) -> Iterator[str]:
        """The values ``word`` may be another case or a near miss of: never fewer than there are.

        A near miss holds a piece, is at most two characters longer or shorter, and lacks at
        most ``limit`` of the value's characters (an edit removes at most one of them)."""
        lowered = ascii_lower(word)
        for value, own, limit, letters in self._own:
            # The rule calls a word another case of a value when word.lower() == value.lower().
            if lowered == value.lower() or (
                limit
                and abs(len(word) - len(value)) <= 2
                and any(p in lowered for p in own)
                and (letters - Counter(word)).total() <= limit
            ):
                yield value

    def near_in(self, run: str) -> bool:
        """True when some substring of ``run`` is a value, another case of one, or a near miss."""
        lowered = ascii_lower(run)
        for value, _, limit, letters in self._own:
            if value.lower() in lowered:
                return True
            # A substring within `limit` edits lacks at most `limit` of the value's characters,
            # and the run holds every character of its substrings: a cheap test before the DP.
            if (
                limit
                and len(run) >= len(value) - limit
                and (letters - Counter(run)).total() <= limit
                and _substring_distance(value, run, limit) <= limit
            ):
                return True
        return False


@cache
def token_filter(values: tuple[str, ...]) -> TokenFilter:
    return TokenFilter(values)
