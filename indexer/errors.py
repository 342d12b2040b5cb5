"""Errors an input file can end in.

Each carries a message for the clerk (Bahasa Indonesia) and a technical detail
for the log (English). A failing file fails alone; the batch goes on.
"""


class IngestError(Exception):
    def __init__(self, pesan: str, detail: str = ""):
        super().__init__(pesan)
        self.pesan = pesan
        self.detail = detail or pesan


class NotARegulation(IngestError):
    """The file is readable but is not a regulation (a web page, a news item)."""
