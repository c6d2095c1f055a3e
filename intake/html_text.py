"""HTML mail bodies to readable plain text (stdlib ``html.parser`` only).

Paragraphs and block elements become line breaks (a blank line after paragraphs), ``<br>`` a
line break, entities are decoded, runs of spaces collapse, ``<script>``/``<style>``/``<head>``
disappear and ``<blockquote>`` lines get a ``> `` prefix so quoted mail stays recognisable.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "dd", "div", "dl", "dt", "fieldset", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "pre", "section", "table", "tr", "ul",
    }
)  # fmt: skip
_PARAGRAPH_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"})
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "template"})
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")


class _TextExtractor(HTMLParser):
    """Collects text line by line; ``lines`` ends up as the rendered lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._hidden_depth = 0
        self._quote_depth = 0
        self._pre_depth = 0

    # --- line handling -------------------------------------------------------------------
    def _break(self, blank: bool = False) -> None:
        text = "".join(self._current).strip()
        self._current = []
        prefix = "> " * self._quote_depth
        if text:
            self.lines.append(prefix + text)
        if blank:
            self.lines.append(prefix.rstrip())

    # --- parser callbacks ----------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if "@" in tag:  # an unescaped address, "Jane Roe <jane@example.com>", is text
            self._current.append(self.get_starttag_text() or f"<{tag}>")
            return
        if tag in _HIDDEN_TAGS:
            self._hidden_depth += 1
        elif tag == "br":
            self._line_break()
        elif tag == "blockquote":
            self._break(blank=True)
            self._quote_depth += 1
        elif tag == "pre":
            self._break()
            self._pre_depth += 1
        elif tag in ("td", "th"):
            self._current.append(" ")
        elif tag in _PARAGRAPH_TAGS:
            self._break(blank=True)
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._line_break()
        elif tag in _BLOCK_TAGS:
            self._break()

    def _line_break(self) -> None:
        # "<br>" ends the current line; on an empty line it is a blank line ("<br><br>",
        # Gmail's "<div><br></div>").
        if "".join(self._current).strip():
            self._break()
        else:
            self._current = []
            self.lines.append(("> " * self._quote_depth).rstrip())

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag == "blockquote":
            self._break(blank=True)
            self._quote_depth = max(0, self._quote_depth - 1)
        elif tag == "pre":
            self._break()
            self._pre_depth = max(0, self._pre_depth - 1)
        elif tag == "p" or tag in _PARAGRAPH_TAGS:
            self._break(blank=True)
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._hidden_depth:
            return
        if self._pre_depth:
            parts = data.split("\n")
            for index, part in enumerate(parts):
                if index:
                    self._break()
                self._current.append(part)
            return
        self._current.append(_SPACES.sub(" ", data))

    def close(self) -> None:
        super().close()
        self._break()


def html_to_text(html: str) -> str:
    """Render an HTML mail body as readable text with paragraphs and line breaks kept."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [line.rstrip() for line in parser.lines]
    # Collapse runs of blank lines to one and drop leading/trailing blanks.
    rendered: list[str] = []
    for line in lines:
        if not line.strip("> ").strip() and rendered and not rendered[-1].strip("> ").strip():
            continue
        rendered.append(line)
    while rendered and not rendered[0].strip("> ").strip():
        rendered.pop(0)
    while rendered and not rendered[-1].strip("> ").strip():
        rendered.pop()
    return "\n".join(rendered) + ("\n" if rendered else "")
