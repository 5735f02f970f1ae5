"""The evidence store: files kept once each under their SHA-256, refused when dangerous.

`check` looks at a file without reading it whole: its size (from the file system, before
any byte is read), its name and its first bytes (ELF, PE/MZ, Mach-O, a `#!` script). `put`
streams the file into the store, hashing as it copies and stopping if it grows past the
limit meanwhile; the copy is renamed into place only when complete, so a crash leaves a
temporary file, never a truncated blob under a real checksum.

Layout: `<root>/sha256/ab/abcdef…` (the first two hex digits as a folder).
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
CHUNK = 1024 * 1024
EXECUTABLE_SUFFIXES = frozenset(
    [
        ".exe",
        ".dll",
        ".com",
        ".bat",
        ".cmd",
        ".msi",
        ".msp",
        ".scr",
        ".cpl",
        ".pif",
        ".lnk",
        ".reg",
        ".ps1",
        ".psm1",
        ".vbs",
        ".vbe",
        ".js",
        ".jse",
        ".wsf",
        ".wsh",
        ".hta",
        ".jar",
        ".sh",
        ".bash",
        ".zsh",
        ".ksh",
        ".csh",
        ".run",
        ".bin",
        ".elf",
        ".so",
        ".dylib",
        ".app",
        ".apk",
        ".deb",
        ".rpm",
        ".py",
        ".pyc",
        ".pl",
        ".rb",
        ".php",
    ]
)
_MAGIC = (
    (b"\x7fELF", "tệp chạy ELF (Linux)"),
    (b"MZ", "tệp chạy Windows (PE/MZ)"),
    (b"\xfe\xed\xfa\xce", "tệp chạy Mach-O (macOS)"),
    (b"\xfe\xed\xfa\xcf", "tệp chạy Mach-O (macOS)"),
    (b"\xce\xfa\xed\xfe", "tệp chạy Mach-O (macOS)"),
    (b"\xcf\xfa\xed\xfe", "tệp chạy Mach-O (macOS)"),
    (b"\xca\xfe\xba\xbe", "tệp chạy Mach-O đa kiến trúc hoặc lớp Java"),
    (b"#!", "tệp kịch bản chạy được (#!)"),
)


class EvidenceRefused(ValueError):
    """A file the store will not take; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    name: str
    media_type: str


class EvidenceStore:
    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = Path(root)
        self.max_bytes = max_bytes

    def check(self, path: Path) -> str | None:
        """Why `path` is refused, or None. Reads at most its first few bytes."""
        if not path.exists():
            return f'không tìm thấy tệp "{path}"'
        if not path.is_file():
            return f'"{path}" không phải một tệp'
        size = path.stat().st_size
        if size > self.max_bytes:
            return (
                f'tệp "{path.name}" quá lớn ({_megabytes(size)}; '
                f"giới hạn {_megabytes(self.max_bytes)})"
            )
        if size == 0:
            return f'tệp "{path.name}" rỗng'
        if path.suffix.lower() in EXECUTABLE_SUFFIXES:
            return f'không nhận tệp chạy được "{path.name}" (đuôi {path.suffix.lower()})'
        with path.open("rb") as handle:
            head = handle.read(8)
        for magic, what in _MAGIC:
            if head.startswith(magic):
                return f'không nhận "{path.name}": nội dung là {what}'
        return None

    def put(self, path: Path) -> StoredFile:
        """Copy `path` into the store (once per content); refuse what `check` refuses."""
        reason = self.check(path)
        if reason:
            raise EvidenceRefused(reason)
        folder = self.root / "sha256"
        folder.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out, path.open("rb") as source:
                while chunk := source.read(CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:  # it grew after the check
                        raise EvidenceRefused(f'tệp "{path.name}" quá lớn khi đọc')
                    digest.update(chunk)
                    out.write(chunk)
            sha = digest.hexdigest()
            final = self.path_of(sha)
            final.parent.mkdir(parents=True, exist_ok=True)
            if final.exists():
                os.unlink(temporary)
            else:
                os.replace(temporary, final)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return StoredFile(sha, size, path.name, media_type)

    def path_of(self, sha256: str) -> Path:
        return self.root / "sha256" / sha256[:2] / sha256

    def verify(self, sha256: str) -> bool:
        """The stored file is still there and still has its checksum."""
        path = self.path_of(sha256)
        if not path.is_file():
            return False
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest() == sha256


def _megabytes(size: int) -> str:
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB"
    return f"{size / 1024**2:.1f} MB"
