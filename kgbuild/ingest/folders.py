"""Input paths -> the files to read: folders walked in sorted order, following links to files
and folders (each real folder once), hidden entries and the output folder left out. An entry that
cannot be read as a file (a link loop, a named pipe) is reported, never read."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import Code, skipped
from ..records import Skipped


def shown_path(path: Path) -> str:
    """A path as text that can be printed and written to JSON, even if its name is not UTF-8."""
    return os.fsencode(path).decode("utf-8", "replace")


def entry_problem(path: Path) -> str | None:
    """Why a folder entry is neither a folder nor a regular file (reading a named pipe would
    wait forever), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as err:
        if path.is_symlink():
            return "a symbolic link loop" if err.errno == errno.ELOOP else "a dangling symbolic link"
        return err.strerror or str(err)
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    kinds = {stat.S_ISFIFO: "a named pipe", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a device", stat.S_ISBLK: "a device"}
    return next((name for test, name in kinds.items() if test(mode)), "not a regular file")


def folder_key(folder: Path) -> tuple[int, int]:
    """What makes a folder the same folder, whichever link it is reached by."""
    status = folder.stat()
    return status.st_dev, status.st_ino


def walk(top: Path, leave_out: frozenset = frozenset()) -> Iterator[Path | Skipped]:
    """Every entry under ``top`` (hidden ones left out), following links; each real folder once,
    none of the folders ``leave_out`` (by ``folder_key``). A loop of folders, not recursion, so
    that no depth of folders is too deep."""
    visited, folders = {folder_key(top), *leave_out}, [top]
    while folders:
        folder = folders.pop()
        try:
            entries = list(folder.iterdir())
        except OSError as err:
            yield skipped(shown_path(folder), Code.UNREADABLE, err.strerror or str(err))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            problem = entry_problem(entry)
            if problem:
                yield skipped(shown_path(entry), Code.NOT_A_FILE, problem)
            elif not entry.is_dir():
                yield entry
            elif folder_key(entry) in leave_out:
                continue
            elif folder_key(entry) in visited:
                yield skipped(shown_path(entry), Code.NOT_A_FILE, "a link to a folder already read")
            else:
                visited.add(folder_key(entry))
                folders.append(entry)


def expand(paths: Iterable[Path], leave_out: frozenset = frozenset()) -> Iterator[Path | Skipped]:
    """Input paths -> the files to read, in sorted order within each folder, and the entries
    that cannot be read as files. Folders in ``leave_out`` (by ``folder_key``) are not entered."""
    for path in paths:
        problem = entry_problem(path)
        if problem:
            yield skipped(shown_path(path), Code.NOT_A_FILE, problem)
        elif not path.is_dir():
            yield path
        else:
            found = list(walk(path, leave_out))
            files = sorted(p for p in found if isinstance(p, Path))
            if not files:
                yield skipped(shown_path(path), Code.NOTHING_TO_READ, "the folder holds no files")
            yield from sorted((p for p in found if isinstance(p, Skipped)), key=lambda s: s.source)
            yield from files
