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
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

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
# A browser runs script inside these, wherever they are served from: refused outright
# (simpler and safer than serving them only as downloads everywhere they could appear).
SCRIPTABLE_SUFFIXES = frozenset(
    [".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml", ".svg", ".svgz", ".xml", ".xsl"]
)
_MARKUP = (b"<!doctype html", b"<html", b"<svg", b"<?xml", b"<script", b"<head", b"<body")
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
        try:
            info = path.lstat()
        except OSError:
            return f'không tìm thấy tệp "{path.name}"'
        if not stat.S_ISREG(info.st_mode):  # a folder, a link, a FIFO, a device
            return f'"{path.name}" không phải một tệp thông thường'
        size = info.st_size
        if size > self.max_bytes:
            return (
                f'tệp "{path.name}" quá lớn ({_megabytes(size)}; '
                f"giới hạn {_megabytes(self.max_bytes)})"
            )
        if size == 0:
            return f'tệp "{path.name}" rỗng'
        suffix = path.suffix.lower()
        if suffix in EXECUTABLE_SUFFIXES:
            return f'không nhận tệp chạy được "{path.name}" (đuôi {suffix})'
        if suffix in SCRIPTABLE_SUFFIXES:
            return (
                f'không nhận tệp "{path.name}" (đuôi {suffix}): trang web và ảnh SVG có thể '
                "chứa mã chạy trong trình duyệt; hãy nộp bản PDF hoặc ảnh PNG/JPG"
            )
        with _open_regular(path) as handle:
            head = handle.read(512)
        for magic, what in _MAGIC:
            if head.startswith(magic):
                return f'không nhận "{path.name}": nội dung là {what}'
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(_MARKUP):
            return f'không nhận "{path.name}": nội dung là trang web (HTML/SVG/XML)'
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
            with os.fdopen(handle, "wb") as out, _open_regular(path) as source:
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


def _open_regular(path: Path) -> BinaryIO:
    """Open without following a link and without blocking on a FIFO, then make sure it is
    a regular file: what was checked may have been swapped since."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        raise EvidenceRefused(f'không mở được tệp "{path.name}"') from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise EvidenceRefused(f'"{path.name}" không phải một tệp thông thường')
    return os.fdopen(descriptor, "rb")


def _megabytes(size: int) -> str:
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB"
    return f"{size / 1024**2:.1f} MB"
