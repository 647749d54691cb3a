"""The text the site shows after a box, read with Python-Markdown's inline rules where they
differ from markdown-it-py's: code spans, footnote references, raw HTML and stashed fences.

Python-Markdown matches code spans first (any backtick run up to one as long, the code
stripped), then footnote references, autolinks and raw HTML (a looser tag pattern than
CommonMark's, so ``<x]>`` is a tag and shows nothing). A block-level tag starts a block of its
own, as a stashed fence does: the item's first paragraph, its text, ends there.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from archcheck.parsing.github_tasks import inline_text
from archcheck.parsing.markdown import markdown_parser
from archcheck.parsing.site_source import PLACEHOLDER

RE_STASHED_FENCE = re.compile("\x02\\d+\x03")
# BACKTICK_RE; pairs of backslashes before a run are kept as they are.
RE_CODE = re.compile(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)(`+)(.+?)(?<!`)\2(?!`))", re.DOTALL)
RE_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>|<([^<> !]+@[^@<> ]+)>")
RE_HTML = re.compile(
    r"""(<(\/?+[a-zA-Z][^\s"'<>@]*+(?:\s+[^\s"'=<>]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|"""
    r"""[^\s"'=<>]++))?+)*+\s*+/?|!--(?:(?!<!--|-->).)*--|[?](?:(?!<[?]|[?]>).)*[?]|"""
    r"""!\[CDATA\[(?:(?!<!\[CDATA\[|\]\]>).)*\]\])>)""",
    re.DOTALL,
)
RE_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
# The elements that start a block of their own inside a list item.
BLOCK_TAGS = frozenset(
    {"ul", "ol", "li", "p", "blockquote", "pre", "div", "table", "hr", "details", "dl"}
    | {"section", "h1", "h2", "h3", "h4", "h5", "h6"}
)
RE_MARK = re.compile("\ue000(\\d+)\ue001")
RE_FOOTNOTE_REF = re.compile(r"\[\^([^\]]*)\]")


def site_text(text: str, footnotes: Collection[str] = ()) -> str:
    """The visible text of a site item's first paragraph, markup stripped, whitespace collapsed.

    A reference to one of ``footnotes`` (the labels defined) is a superscript number: no text.
    """
    text = RE_STASHED_FENCE.split(text, maxsplit=1)[0].replace(PLACEHOLDER, "")
    kept: list[str] = []

    def keep(shown: str) -> str:
        kept.append(shown)
        return f"\ue000{len(kept) - 1}\ue001"

    text = RE_CODE.sub(
        lambda m: m.group(0) if m.group(3) is None else keep(m.group(3).strip()), text
    )
    text = RE_AUTOLINK.sub(lambda m: keep(m.group(1) or m.group(2)), text)
    text = RE_FOOTNOTE_REF.sub(lambda m: "" if m.group(1) in footnotes else m.group(0), text)
    for tag in RE_HTML.finditer(text):
        name = RE_TAG_NAME.match(tag.group())
        if name and name.group(1).lower() in BLOCK_TAGS:
            text = text[: tag.start()]
            break
    # What Python-Markdown left as text stays text, whatever markdown-it-py would make of it.
    text = RE_HTML.sub("", text).replace("`", "\\`").replace("<", "\\<")
    shown = inline_text(markdown_parser().parseInline(text)[0])
    return " ".join(RE_MARK.sub(lambda m: kept[int(m.group(1))], shown).split())
