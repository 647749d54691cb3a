"""The token filter never misses what the token rule would report: every exact value, other case
and near miss (up to the rule's edit limit) holds a piece and is offered to the rule."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from archcheck.near_tokens import TokenFilter, pieces, typo_limit
from archcheck.rule import edit_distance
from archcheck.rules.tokens import _near

WORD = string.ascii_letters + string.digits + "-"
values = st.text(alphabet=WORD + "_.", min_size=1, max_size=24)


@st.composite
def value_and_typo(draw: st.DrawFn) -> tuple[str, str]:
    value = draw(values)
    word = list(value)
    for _ in range(draw(st.integers(0, typo_limit(value) + 1))):
        kind = draw(st.sampled_from(["insert", "delete", "substitute", "swap", "case"]))
        at = draw(st.integers(0, max(len(word) - 1, 0)))
        char = draw(st.sampled_from(WORD))
        if kind == "insert":
            word.insert(at, char)
        elif kind == "delete" and len(word) > 1:
            del word[at]
        elif kind == "substitute" and word:
            word[at] = char
        elif kind == "swap" and at + 1 < len(word):
            word[at], word[at + 1] = word[at + 1], word[at]
        elif kind == "case" and word:
            word[at] = word[at].swapcase()
    return value, "".join(word)


@settings(max_examples=3000, deadline=None)
@given(value_and_typo())
def test_every_word_the_rule_reports_is_found_by_the_filter(pair: tuple[str, str]) -> None:
    value, word = pair
    reported = word == value or _near(word, value) is not None
    if not reported or not set(word) <= set(WORD):
        return
    search = TokenFilter([value, "unrelated-token-0"])
    lowered = word.lower()
    assert any(piece in lowered for piece in pieces(value)), (value, word)
    assert value in set(search.near_values(word)) or word == value
    text = f"see ({word}) here"
    assert search.may_occur(text)
    runs = [text[m.start() : m.end()] for m in search.candidate_runs(text)]
    assert word in runs
    assert search.near_in(word)


@settings(max_examples=500, deadline=None)
@given(values, st.text(alphabet=WORD, max_size=30))
def test_near_in_agrees_with_the_rule_on_whole_words(value: str, word: str) -> None:
    if _near(word, value) is not None or word == value:
        assert TokenFilter([value]).near_in(word)


def test_a_swap_across_a_piece_boundary_is_still_found() -> None:
    value = "dw7txd0yf-0-qmvgmw"
    for at in range(len(value) - 1):
        word = value[:at] + value[at + 1] + value[at] + value[at + 2 :]
        if edit_distance(word, value) <= typo_limit(value):
            assert value in set(TokenFilter([value]).near_values(word)), word


def test_words_with_no_piece_are_not_offered() -> None:
    search = TokenFilter(["dw7txd0yf-0-qmvgmw"])
    assert not search.may_occur("Release notes for the edge cache and the API tier.")
    assert list(search.near_values("consensus")) == []
