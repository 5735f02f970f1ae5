"""The one exception the extractor raises for input it cannot use."""

from __future__ import annotations


class ExtractionError(Exception):
    """A Vietnamese message a clerk can act on; nothing has been written when raised."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)
