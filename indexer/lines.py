"""The value that flows from extraction through cleaning into the parser."""
from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Line:
    """One visual line of a source document.

    Text formats fill only ``text`` (and ``page`` = 0). PDF extraction also
    records the geometry the cleaners and the parser use: the horizontal
    extent (points from the left edge), the distance from the top of the page,
    the page width and height, the font size and whether the line is bold.
    Lines read by OCR carry ``ocr`` and the confidence of their weakest word.
    """

    text: str
    page: int = 0
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    page_width: float | None = None
    page_height: float | None = None
    size: float | None = None
    bold: bool = False
    ocr: bool = False
    # OCR only: the mean word confidence of the line (0-100).
    conf: float | None = None

    def with_text(self, text: str) -> "Line":
        return replace(self, text=text)

    @property
    def centered(self) -> bool:
        """True when the line sits in the middle of the page (a heading)."""
        if self.x0 is None or self.x1 is None or not self.page_width:
            return False
        left = self.x0
        right = self.page_width - self.x1
        return abs(left - right) < 0.12 * self.page_width and left > 0.2 * self.page_width


@dataclass
class Extracted:
    """What an extractor returns: lines, and what it noticed about the file."""

    lines: list[Line]
    format: str
    pages: int = 0
    ocr_pages: list[int] = field(default_factory=list)
    unusable_pages: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    title: str = ""
