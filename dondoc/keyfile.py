"""The signing key's file in the data directory, and the secrets derived from the key."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path


def read_or_create(path: Path) -> bytes:
    """The key in `path`, made there first if the file does not exist yet (mode 600).

    Made under a temporary name and linked into place, which fails if another process
    made it first: two processes starting at once end up with the same key.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(secrets.token_urlsafe(48), encoding="utf-8")
        temporary.chmod(0o600)
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process was first: use its key
        finally:
            temporary.unlink()
    return path.read_text(encoding="utf-8").strip().encode()


def derived_secret(key: bytes, label: bytes) -> bytes:
    """Another secret from `key`, never the same bytes (HMAC-SHA256 under a fixed label)."""
    return hmac.new(key, label, hashlib.sha256).digest()


def fingerprint(key: bytes) -> str:
    """What the database keeps to recognise the key: it does not reveal the key."""
    return derived_secret(key, b"dondoc.signing-key.fingerprint/v1").hex()[:32]
