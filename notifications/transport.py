"""What every delivery channel shares: one error type and the rules for classifying it.

A channel makes exactly one attempt per call. It never retries: the outbox does, with
backoff, and it needs one bit from the channel to decide whether to: `permanent`.
"""

from __future__ import annotations


class TransportError(Exception):
    """A message was not delivered.

    permanent=True: this message will never go through as it is (a recipient the server
    refuses for good, a malformed address, an HTTP 4xx); the outbox parks it for a person.
    permanent=False: worth trying again later (server down, timeout, SMTP 4xx, HTTP 5xx).
    unreachable=True: the server could not be reached or would not talk at all; the rest of
    a batch need not each wait for the same timeout.
    """

    def __init__(self, message: str, *, permanent: bool, unreachable: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent
        self.unreachable = unreachable and not permanent

    def __repr__(self) -> str:
        return f"TransportError({self.message!r}, permanent={self.permanent})"


def smtp_code_is_permanent(code: int) -> bool:
    """RFC 5321: 5yz is a permanent negative reply, 4yz a transient one."""
    return 500 <= code < 600


def http_status_is_permanent(status: int) -> bool:
    """4xx means "this request will not work as it is", except the two that say "later"."""
    # 408 Request Timeout and 429 Too Many Requests ask the client to come back.
    return 400 <= status < 500 and status not in (408, 429)
