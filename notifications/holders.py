"""Who holds a claim or a lease: this host and process, written so that another process on
the same host can tell, at once, that the holder has died.

A holder is "host:pid". A claim held by a process of this host that no longer exists is
given back at once instead of waiting for its lease to run out (a daily cron tick killed
mid-delivery would otherwise delay the next day's tick too). Holders on other hosts, or
not of this form (names given by hand), are left to their lease.
"""

from __future__ import annotations

import os
import socket


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def is_gone(holder: str | None) -> bool:
    """True if `holder` is a process of this host that has ended."""
    if not holder:
        return False
    host, _, pid_text = holder.rpartition(":")
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, another user's
    return _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """A killed child its parent has not reaped yet is dead for our purpose."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False
