"""The text as Python-Markdown's block parser meets it: after MkDocs and the preprocessors.

MkDocs drops the BOM and front matter; superfences stashes fenced blocks (at any indentation or
quote depth, but only when closed, with every content line at the opening fence's indentation);
then raw HTML that starts a line is stashed. Each stash leaves one placeholder line behind.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from archcheck.parsing.markdown import Source

# Python-Markdown sets aside raw HTML that starts a line (up to 3 spaces in) before it parses
# any Markdown: a comment, or a block-level element up to its closing tag.
_BLOCK_TAG_NAMES = (
    "address article aside blockquote body canvas center dd details dialog dir div dl dt"
    " fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup"
    " hr html iframe legend li link main menu nav noscript ol optgroup option p pre section"
    " script style summary table tbody td textarea tfoot th thead title tr track ul video"
)
BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
RE_HTML_START = re.compile(
    r"^ {0,3}<(?:(?P<comment>!--)|(?P<tag>[A-Za-z][A-Za-z0-9]*)[\s/>]"
    r"|(?P<bare>[A-Za-z][A-Za-z0-9]*)$)"
)
PLACEHOLDER = "\x02"

RE_FENCE = re.compile(r"(?P<fence>~{3,}|`{3,})")


def _prefix(line: str, limit: int | None = None) -> str:
    """Leading spaces and quote markers (superfences counts ``>`` as indentation)."""
    end = 0
    while end < len(line) and line[end] in " >" and (limit is None or end < limit):
        end += 1
    return line[:end]


def _fence_end(numbered: list[tuple[int, str]], start: int) -> int | None:
    """Index of the closing line of a superfences fence opened at ``start``, or None."""
    ws = _prefix(numbered[start][1])
    opening = RE_FENCE.match(numbered[start][1], len(ws))
    if opening is None:
        return None
    closing = re.compile(re.escape(opening["fence"]) + r"[ \t]*$")
    quotes = ws.count(">")
    for index in range(start + 1, len(numbered)):
        line = numbered[index][1]
        prefix = _prefix(line, len(ws))
        content, level = line[len(prefix) :], prefix.count(">")
        if quotes:
            if level != quotes or (content and len(prefix) < len(ws)):
                return None
            if closing.match(content):
                return index
        elif level:
            return None
        elif not line.strip():
            continue
        elif len(prefix) != len(ws):
            return None
        elif closing.match(content):
            return index
    return None


Numbered = list[tuple[int, str]]


def _stash_fences(numbered: Numbered, stash: dict[str, tuple[int, Numbered]]) -> Numbered:
    """Replace each fence with a placeholder; keep the original for an indented code block."""
    result: Numbered = []
    index = 0
    while index < len(numbered):
        last = _fence_end(numbered, index)
        if last is None:
            result.append(numbered[index])
            index += 1
            continue
        number, line = numbered[index]
        key = f"{PLACEHOLDER}{len(stash)}\x03"
        stash[key] = (len(_prefix(line)), numbered[index : last + 1])
        result.append((number, _prefix(line) + key))
        index = last + 1
    return result


def _raw_html_end(lines: tuple[str, ...], start: int) -> tuple[int, int] | None:
    """Where a raw HTML block starting at ``start`` ends: (line index, column after it), or None.

    Python-Markdown ends the block right after the comment's ``-->`` or the closing tag that
    balances the first one; what follows on that line starts a new block.
    """
    found = RE_HTML_START.match(lines[start])
    if found is None:
        return None
    if found["comment"]:
        for index in range(start, len(lines)):
            offset = lines[index].find("<!--") + 4 if index == start else 0
            close = lines[index].find("-->", offset)
            if close >= 0:
                return index, close + 3
        return None
    tag = (found["tag"] or found["bare"]).lower()
    if tag not in BLOCK_TAGS:
        return None
    tags = re.compile(rf"<{tag}(?:[\s/>]|$)|</{tag}\s*>", re.I)
    open_count = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if index == start and line.rstrip().endswith("/>"):
            return index, len(line)
        for match in tags.finditer(line):
            open_count += -1 if match.group().startswith("</") else 1
            if open_count <= 0:
                return index, match.end()
    return len(lines) - 1, len(lines[-1])


def site_lines(
    tokens: list[Token], source: Source
) -> tuple[Numbered, dict[str, tuple[int, Numbered]]]:
    """The text as Python-Markdown's block parser meets it, numbered by source line, and the
    fences stashed from it (placeholder -> opening indentation, original lines)."""
    lines = [line.expandtabs(4) for line in source.lines]
    for token in tokens:
        if token.type == "front_matter" and token.map:  # MkDocs takes it off before rendering
            start, end = token.map
            lines[start:end] = [""] * (end - start)
    fences: dict[str, tuple[int, Numbered]] = {}
    numbered = _stash_fences(list(enumerate(lines, 1)), fences)
    texts = tuple(text for _, text in numbered)
    stashed: list[tuple[int, str]] = []
    index = 0
    while index < len(numbered):
        html_end = _raw_html_end(texts, index)
        if html_end is None:
            stashed.append(numbered[index])
            index += 1
            continue
        last, column = html_end
        number, text = numbered[index]
        indent = text[: len(text) - len(text.lstrip(" "))]
        if indent and text.lstrip(" ").startswith("<!--"):
            # An indented comment is stashed without a blank line before it: it stays part of
            # the block above (a block-level tag always gets one).
            stashed += [(number, indent + PLACEHOLDER), (numbered[last][0], "")]
        else:
            stashed += [(number, ""), (number, PLACEHOLDER), (numbered[last][0], "")]
        rest = texts[last][column:]
        if rest.strip():
            stashed.append((numbered[last][0], rest))
        index = last + 1
    return stashed, fences
