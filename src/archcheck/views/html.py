"""Reading rendered HTML: a tag-or-text tokenizer and attribute access, nothing more.

Both renderers write well-formed HTML with double-quoted attributes, and text inside a code block
arrives escaped (``&lt;input``), so a regular expression splits it faithfully.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

PIECE = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|<!--.*?-->|[^<]+|<", re.DOTALL
)
ATTRIBUTE = re.compile(
    r"""([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)
SOURCEPOS = re.compile(r"(\d+):(\d+)-(\d+):(\d+)")


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    closing: bool
    attributes: str  # raw; read with attribute()

    def attribute(self, name: str) -> str | None:
        """The attribute's unescaped value, "" for a bare attribute, None when absent."""
        if name not in self.attributes:
            return None
        for found in ATTRIBUTE.finditer(self.attributes):
            if found.group(1).lower() == name:
                value = found.group(2) or found.group(3) or found.group(4) or ""
                return unescape(value)
        return None

    def has_class(self, name: str) -> bool:
        return name in (self.attribute("class") or "").split()

    def lines(self) -> tuple[int, int] | None:
        """cmark-gfm's ``data-sourcepos``: the first and last source line of the element."""
        value = self.attribute("data-sourcepos")
        found = SOURCEPOS.match(value) if value else None
        return (int(found.group(1)), int(found.group(3))) if found else None


def pieces(html: str) -> Iterator[Tag | str]:
    """Tags (comments are dropped) and unescaped text, in document order."""
    for found in PIECE.finditer(html):
        name = found.group(2)
        if name is not None:
            yield Tag(name.lower(), found.group(1) == "/", found.group(3))
        elif not found.group(0).startswith("<!--"):
            yield unescape(found.group(0))
