"""HTML with beautifulsoup4: the visible text of block elements, one Line each.

Scripts, styles, navigation, forms and hidden elements are dropped; nothing of
the page's markup survives into the text.
"""
from __future__ import annotations

from bs4 import BeautifulSoup, Comment

from .extract_text import decode
from .lines import Extracted, Line

DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "canvas",
             "nav", "header", "footer", "form", "button", "select", "head")
BLOCK_TAGS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "td", "th",
              "section", "article", "blockquote", "pre", "dt", "dd", "table", "ul", "ol"}


def extract_html(data: bytes) -> Extracted:
    soup = BeautifulSoup(decode(data), "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(style=lambda s: s and "display:none" in s.replace(" ", "")):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    lines = [Line(text=" ".join(t.split())) for t in text.splitlines()]
    return Extracted(lines=[l for l in lines if l.text], format="html", title=title)
