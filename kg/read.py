"""Stage 1, *read*: paths (files, folders, globs) become decoded :class:`~kg.records.Document`\\ s.

Users' folders hold articles saved over years by different tools: UTF-8 with and without a BOM,
GBK/GB18030 from older Windows software, UTF-16 from Notepad, now and then Big5 or traditional
characters, and things that are not text at all (PDFs, Word files, images) that happen to sit in
the same folder. One bad file must never stop a build, so every failure becomes a
:class:`~kg.records.Problem` that names the file and says why, and the rest goes on.

Decoding order (:func:`decode`): known binary signatures are refused; a byte-order mark wins;
NUL bytes mean UTF-16 without a BOM if the zero bytes fall on one side, else binary data; then
strict UTF-8 (valid UTF-8 is almost never an accident); then GB18030 and Big5, which accept most
byte strings, so their result must also *look like* Chinese text (:func:`_suspicion`).

Text that is mostly traditional Chinese is converted to simplified (OpenCC ``t2s``), but only when
that keeps every character offset, because facts point back into ``Document.text``.
"""

from __future__ import annotations

import errno
import functools
import glob
import hashlib
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath
from typing import Literal

from kg.errors import KgError
from kg.records import Document, Problem

__all__ = [
    "TEXT_SUFFIXES",
    "RawFile",
    "ReadError",
    "decode",
    "expand_paths",
    "printable_name",
    "read_bytes",
    "read_file",
    "read_paths",
    "read_raw",
    "read_raw_pairs",
]

TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".text", ".md", ".htm", ".html")
"""File suffixes picked up when walking a directory (files named explicitly are always read)."""

EMPTY_REASON = "empty file (nothing to read)"
UNDECODABLE_REASON = "not text in any encoding tried (utf-8, gb18030, big5, utf-16)"
_NO_FILES_REASON = f"no readable files ({', '.join(TEXT_SUFFIXES)}) in this directory"

# Distinctive leading bytes of formats users keep next to their articles. Only signatures that
# cannot start a real text file are listed (``%PDF-`` is ASCII, but no article starts with it).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or .docx/.xlsx file"),
    (b"PK\x05\x06", "a ZIP archive or .docx/.xlsx file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word .doc (OLE2) file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program (ELF)"),
)

# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Control characters that do occur in real text files (\x1a: the DOS end-of-file mark).
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1a")
_BAD_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})

# Thresholds for _suspicion. Measured on the seeds: real GBK articles have no control or
# private-use characters and < 0.5% uncommon characters among non-ASCII ones; Big5 bytes read
# as GB18030 give ~33% private-use/unassigned and ~60% uncommon. The gap is wide on purpose.
_MAX_BAD_SHARE = 0.05  # control, private-use, unassigned, among non-space characters
_MAX_BAD_SHARE_LENIENT = 0.25  # same, for decodings that are strong evidence (UTF-8, a BOM)
_MAX_UNCOMMON_SHARE = 0.2  # bad or uncommon, among non-ASCII non-space characters
_SAMPLE = 100_000  # characters per slice scored (start, middle, end): bounded work on 50 MB


class ReadError(KgError):
    """A file that cannot become a Document; ``problem`` says which file and why.

    The Problem is the only constructor argument so the exception pickles (worker processes
    send it back), and ``str(err)`` is ``"<path>: <reason>"``."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem)
        self.problem = problem

    def __str__(self) -> str:
        return str(self.problem)


def _fail(name: str, reason: str, severity: Literal["warning", "error"] = "error") -> ReadError:
    return ReadError(Problem(path=name, reason=reason, severity=severity))


# --------------------------------------------------------------------------------------------
# decoding


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode the bytes of one file; return ``(text, encoding)``.

    ``encoding`` names what was used (``utf-8``, ``utf-8-sig``, ``gb18030``, ``big5``,
    ``utf-16-le`` …), with ``+t2s`` appended when traditional characters were converted to
    simplified. Line endings become ``\\n``; a BOM is dropped. Raises :class:`ReadError` (with
    ``name`` as the path) for empty, binary or undecodable input.
    """
    if not data:
        raise _fail(name, EMPTY_REASON, "warning")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _fail(name, f"not text (looks like {what})")

    text, encoding = _decode_raw(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _fail(name, EMPTY_REASON, "warning")
    simplified = _to_simplified(text)
    if simplified is not None:
        return simplified, encoding + "+t2s"
    return text, encoding


# What codecs say when the bytes stop in the middle of a character.
_TRUNCATED = frozenset(
    {"unexpected end of data", "incomplete multibyte sequence", "truncated data"}
)


def _decode_cut(data: bytes, codec: str) -> str:
    """Strict decoding that forgives one character cut off at the very end (a download or a copy
    that stopped mid-character): the incomplete bytes are dropped. Any other error raises."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        if err.end == len(data) and len(data) - err.start <= 3 and err.reason in _TRUNCATED:
            return data[: err.start].decode(codec)
        raise


def _decode_raw(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            label = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                text = _decode_cut(data[len(bom) :], encoding.removesuffix("-sig"))
            except UnicodeDecodeError as err:
                reason = f"not valid {label} text (after a {label} byte-order mark)"
                raise _fail(name, reason) from err
            if _mostly_binary(text):
                raise _fail(name, "not text (binary data after a byte-order mark)")
            return text, encoding

    if b"\x00" in data:
        # NUL never occurs in UTF-8/GBK/Big5 text; in UTF-16 it is the high byte of ASCII.
        guessed = _decode_utf16_without_bom(data)
        if guessed is not None:
            return guessed
        raise _fail(name, "not text (binary data: contains NUL bytes)")

    try:
        text = _decode_cut(data, "utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _mostly_binary(text):
            raise _fail(name, "not text (binary data: mostly control characters)")
        return text, "utf-8"

    # GB18030 (a superset of GBK and GB2312) and Big5 accept most byte strings, so a strict
    # decode proves little; the result must also look like text. When both pass, the one with
    # fewer suspicious characters wins (GB18030 on ties: it is far more common in the mainland).
    best: tuple[float, str, str] | None = None
    for codec, label in (("gb18030", "gb18030"), ("cp950", "big5")):
        try:
            text = _decode_cut(data, codec)
        except UnicodeDecodeError:
            continue
        score = _suspicion(text)
        if score is None:
            continue
        if best is None or score < best[0]:
            best = (score, text, label)
        if score == 0.0:
            break
    if best is not None:
        return best[1], best[2]
    raise _fail(name, UNDECODABLE_REASON)


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM: ASCII characters put their zero byte on one side (odd positions for
    little-endian), while binary data scatters zeros evenly. Chinese characters are rarely
    zero in either byte (一 U+4E00 is), so demand a clear majority, then a plausible decode."""
    if len(data) % 2 or len(data) < 16:  # too short to tell UTF-16 from text with a NUL
        return None
    zeros_even = data[0::2].count(0)
    zeros_odd = data[1::2].count(0)
    if zeros_odd > 2 * zeros_even:
        encoding = "utf-16-le"
    elif zeros_even > 2 * zeros_odd:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if _suspicion(text) is None:
        return None
    return text, encoding


def _sample(text: str) -> str:
    """At most three slices of the text (start, middle, end), so scoring 50 MB stays cheap."""
    if len(text) <= 3 * _SAMPLE:
        return text
    mid = len(text) // 2
    return text[:_SAMPLE] + text[mid : mid + _SAMPLE] + text[-_SAMPLE:]


@functools.cache
def _common_chars() -> frozenset[str]:
    """Characters an article plausibly uses: the 3,755 level-1 hanzi of GB2312 and the 5,401
    common hanzi of Big5, with the punctuation and symbol rows of both. Built by decoding the
    code tables, so no data file is needed."""

    def table(codec: str, leads: range, trails: list[int]) -> set[str]:
        out: set[str] = set()
        for lead in leads:
            for trail in trails:
                try:
                    out.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    pass
        return out

    gb_trails = list(range(0xA1, 0xFF))
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    chars = table("gb2312", range(0xB0, 0xD8), gb_trails)  # level-1 hanzi
    chars |= table("gb2312", range(0xA1, 0xA4), gb_trails)  # punctuation, numbers, full-width
    chars |= table("cp950", range(0xA4, 0xC7), big5_trails)  # common traditional hanzi
    chars |= table("cp950", range(0xA1, 0xA4), big5_trails)  # punctuation, symbols
    chars |= {chr(c) for c in range(0xA0, 0x100)}  # Latin-1: ·, ×, é …
    chars |= {chr(c) for c in range(0x2000, 0x2070)}  # general punctuation
    chars |= {chr(c) for c in range(0x2460, 0x2500)}  # ① ⑭ ⒈ …
    chars |= {chr(c) for c in range(0x3000, 0x3040)}  # CJK punctuation
    chars |= {chr(c) for c in range(0xFF00, 0xFFF0)}  # full-width forms
    return frozenset(chars)


def _tally(text: str) -> tuple[int, int, int, int]:
    """Counts over a sample of ``text``: non-space characters, bad ones among them (control,
    private-use, unassigned, surrogate), non-ASCII ones, and bad-or-uncommon non-ASCII ones."""
    common = _common_chars()
    nonspace = bad = nonascii = uncommon = 0
    for ch, n in Counter(_sample(text)).items():
        is_bad = unicodedata.category(ch) in _BAD_CATEGORIES and ch not in _TEXT_CONTROLS
        if not is_bad and ch.isspace():
            continue
        nonspace += n
        if is_bad:
            bad += n
        if ord(ch) >= 0x80:
            nonascii += n
            if is_bad or ch not in common:
                uncommon += n
    return nonspace, bad, nonascii, uncommon


def _suspicion(text: str) -> float | None:
    """Share of uncommon characters among the non-ASCII ones in a GB18030/Big5/UTF-16 decoding,
    or ``None`` if the decoding is implausible: too many bad characters (binary, or the wrong
    one of GB18030/Big5, whose mix-ups land in private-use rows) or too many uncommon ones."""
    nonspace, bad, nonascii, uncommon = _tally(text)
    if nonspace and bad / nonspace > _MAX_BAD_SHARE:
        return None
    share = uncommon / nonascii if nonascii else 0.0
    return None if share > _MAX_UNCOMMON_SHARE else share


def _mostly_binary(text: str) -> bool:
    """For decodings that are strong evidence by themselves (valid UTF-8, a BOM): reject only
    text where a large share of characters are control, private-use or unassigned."""
    nonspace, bad, _, _ = _tally(text)
    return bool(nonspace) and bad / nonspace > _MAX_BAD_SHARE_LENIENT


# --------------------------------------------------------------------------------------------
# traditional -> simplified


@functools.cache
def _opencc(conversion: str):  # -> opencc.OpenCC; imported lazily: most inputs never need it
    from opencc import OpenCC

    return OpenCC(conversion)


_CHANGES: dict[str, tuple[bool, bool]] = {}


def _changes(chars: Iterable[str]) -> dict[str, tuple[bool, bool]]:
    """For each character, whether t2s changes it and whether s2t changes it. Answers are kept
    per process: a corpus reuses a few thousand characters, so OpenCC runs on each only once
    instead of on every article's character set (it was most of the reading time)."""
    missing = sorted(c for c in chars if c not in _CHANGES)
    if missing:
        joined = "\n".join(missing)  # OpenCC splits on whitespace: each character on its own
        as_simplified = _opencc("t2s").convert(joined).split("\n")
        as_traditional = _opencc("s2t").convert(joined).split("\n")
        if len(as_simplified) == len(as_traditional) == len(missing):
            for c, s, t in zip(missing, as_simplified, as_traditional, strict=True):
                _CHANGES[c] = (s != c, t != c)
        else:  # a table mapped one character to several: treat those as unchanged
            for c in missing:
                _CHANGES[c] = (_opencc("t2s").convert(c) != c, _opencc("s2t").convert(c) != c)
    return _CHANGES


_HANZI = re.compile("[\u4e00-\u9fff]")


def _to_simplified(text: str) -> str | None:
    """The simplified form of ``text`` if it is mostly traditional, else ``None``.

    Mostly traditional: among the (sampled) hanzi, those that t2s changes outnumber those that
    s2t changes at least two to one, and are at least 5% of them. A simplified article that
    quotes a traditional name stays as it is. Returns ``None`` too when the conversion would
    change the length (OpenCC's t2s tables map one character to one, but offsets into
    ``Document.text`` must survive even if a future table does not)."""
    counts = Counter(_HANZI.findall(_sample(text)))  # not a generator: 27 M calls at 10k files
    if not counts:
        return None
    changes = _changes(counts)
    traditional = sum(n for c, n in counts.items() if changes[c][0])
    simplified = sum(n for c, n in counts.items() if changes[c][1])
    if traditional < 2 * simplified or traditional < 0.05 * counts.total() or not traditional:
        return None
    converted = _opencc("t2s").convert(text)
    return converted if len(converted) == len(text) else None


# --------------------------------------------------------------------------------------------
# files


def read_bytes(data: bytes, name: str) -> Document:
    """A Document from raw bytes; ``sha256`` is of the bytes as stored, so the article's IRI does
    not depend on how it was decoded."""
    return RawFile(name, hashlib.sha256(data).hexdigest(), data).document()


def _os_reason(err: OSError) -> str:
    """A short, user-facing reason for an OS error (the errno text varies by platform)."""
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    if err.errno == errno.ELOOP:
        return "symlink loop"
    if err.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot read ({err.strerror or err})"


@dataclass(frozen=True, slots=True)
class RawFile:
    """One input file's bytes, read but not yet decoded: what a build hands to the worker that
    decodes and extracts it (decoding is per-document work too), or answers from the cache
    by ``sha256`` without decoding at all."""

    name: str
    sha256: str
    data: bytes

    def document(self) -> Document:
        """The decoded :class:`Document`; :class:`ReadError` naming the file if it is not
        text."""
        text, encoding = decode(self.data, self.name)
        return Document(name=self.name, sha256=self.sha256, text=text, encoding=encoding)


def read_file(path: Path | str, display_name: str | None = None) -> Document:
    """Read and decode one file; every failure is a :class:`ReadError` naming ``display_name``
    (default: ``path`` with POSIX separators)."""
    return read_raw(path, display_name).document()


def read_raw(path: Path | str, display_name: str | None = None) -> RawFile:
    """Read one file's bytes; an OS failure (missing, a directory, a pipe, no permission) is a
    :class:`ReadError` naming ``display_name``."""
    name = display_name if display_name is not None else printable_name(PurePath(path).as_posix())
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise _fail(name, "is a directory")
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block, a device never end
            raise _fail(name, "not a regular file (device, pipe or socket)")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        reason = _os_reason(err)
        if isinstance(err, FileNotFoundError) and os.path.islink(path):
            reason = "broken symlink (its target does not exist)"
        raise _fail(name, reason) from err
    return RawFile(name, hashlib.sha256(data).hexdigest(), data)


# Characters of file names that must not reach a terminal, a log line or the graph as they are:
# control characters (a newline would forge a message line, ESC a terminal command), line and
# paragraph separators, and bidirectional overrides (which make ``txt.exe`` look like ``exe.txt``).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable_name(name: str) -> str:
    """``name`` with what cannot be shown safely written as backslash escapes.

    Bytes of a file name that are not UTF-8 (a GBK name unpacked from a Windows zip) arrive as
    lone surrogates (``surrogateescape``) and become ``\\xb9``; control characters become
    ``\\x0a``, separators and bidirectional controls ``\\u202e``. Names without such characters
    are returned unchanged."""
    out = []
    for ch in name:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # an undecodable byte of the name
            out.append(f"\\x{o - 0xDC00:02x}")
        elif o < 0x20 or 0x7F <= o < 0xA0:
            out.append(f"\\x{o:02x}")
        elif 0xD800 <= o <= 0xDFFF or ch in _BIDI or ch in "\u2028\u2029":
            out.append(f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)


def _display(base: str | Path, *parts: str) -> str:
    return printable_name(PurePosixPath(PurePath(base).as_posix(), *parts).as_posix())


def _stat_problem(path: str, display: str) -> tuple[os.stat_result | None, Problem | None]:
    """``os.stat`` (following symlinks) or the Problem that explains why it failed."""
    try:
        return os.stat(path), None
    except OSError as err:
        reason = _os_reason(err)
        if isinstance(err, FileNotFoundError) and os.path.islink(path):
            reason = "broken symlink (its target does not exist)"
        return None, Problem(display, reason)


def _walk(
    top: str, display: str, top_info: os.stat_result
) -> tuple[list[tuple[str, str, tuple[int, int]]], list[Problem]]:
    """Files with a text suffix under ``top``, following symlinks but never looping.

    Hand-rolled instead of ``os.walk`` so that a loop (a directory whose (st_dev, st_ino) is one
    of its own ancestors) and an unreadable subdirectory become Problems with their own names.
    Hidden entries (``.git``, editor lock files ``.#x.txt``) are skipped."""
    files: list[tuple[str, str, tuple[int, int]]] = []
    problems: list[Problem] = []
    stack = [(top, display, frozenset({(top_info.st_dev, top_info.st_ino)}))]
    while stack:
        directory, shown, ancestors = stack.pop()
        try:
            with os.scandir(directory) as it:
                names = sorted(entry.name for entry in it)
        except OSError as err:
            problems.append(Problem(shown, _os_reason(err)))
            continue
        for entry_name in names:
            if entry_name.startswith("."):
                continue
            path = os.path.join(directory, entry_name)
            entry_shown = _display(shown, entry_name)
            info, problem = _stat_problem(path, entry_shown)
            if info is None:
                assert problem is not None
                problems.append(problem)
                continue
            key = (info.st_dev, info.st_ino)
            if stat.S_ISDIR(info.st_mode):
                if key in ancestors:
                    problems.append(Problem(entry_shown, "symlink loop"))
                else:
                    stack.append((path, entry_shown, ancestors | {key}))
            elif os.path.splitext(entry_name)[1].lower() in TEXT_SUFFIXES:
                if stat.S_ISREG(info.st_mode):
                    files.append((path, entry_shown, key))
                else:
                    problems.append(
                        Problem(entry_shown, "not a regular file (device, pipe or socket)")
                    )
    return files, problems


def expand_paths(paths: Sequence[str | Path]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Turn the user's arguments into ``(path, display name)`` pairs to read, and Problems.

    An argument is a file (read whatever its suffix: the user named it), a directory (walked
    recursively for :data:`TEXT_SUFFIXES`), or a glob pattern (``*?[``, ``**`` recursive).
    Display names are POSIX paths as the user wrote them (``seeds/000.txt``). Pairs are sorted by
    display name; a file reached twice (two arguments, a symlink, a hard link) is listed once,
    under the first name in that order.
    """
    if isinstance(paths, (str, PurePath)):  # a lone path, not a sequence of characters
        paths = [paths]
    found: list[tuple[str, str, tuple[int, int]]] = []
    problems: list[Problem] = []

    def add(path: str, shown: str) -> None:
        info, problem = _stat_problem(path, shown)
        if info is None:
            assert problem is not None
            problems.append(problem)
        elif stat.S_ISDIR(info.st_mode):
            files, inner = _walk(path, shown, info)
            problems.extend(inner)
            if not files and not inner:
                problems.append(Problem(shown, _NO_FILES_REASON))
            found.extend(files)
        elif stat.S_ISREG(info.st_mode):
            found.append((path, shown, (info.st_dev, info.st_ino)))
        else:
            problems.append(Problem(shown, "not a regular file (device, pipe or socket)"))

    for arg in paths:
        raw = os.fspath(arg)
        if isinstance(arg, str) and any(c in raw for c in "*?[") and not os.path.lexists(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                problems.append(Problem(_display(raw), "no files match this pattern"))
            for match in matches:
                add(match, _display(match))
        else:
            add(raw, _display(raw))

    found.sort(key=lambda item: item[1])
    seen_files: set[tuple[int, int]] = set()
    seen_names: set[str] = set()
    pairs: list[tuple[Path, str]] = []
    for path, shown, key in found:
        if key in seen_files or shown in seen_names:
            continue
        seen_files.add(key)
        seen_names.add(shown)
        pairs.append((Path(path), shown))
    return pairs, sorted(set(problems), key=Problem.sort_key)


def read_paths(
    paths: Sequence[str | Path],
    on_progress: Callable[[int, int], None] | None = None,
    strict: bool = False,
) -> tuple[list[Document], list[Problem]]:
    """Read every file the arguments name; bad files become Problems and the rest goes on.

    Files with identical bytes would be the same article twice (same sha256, same IRIs): the
    first by display name is kept, the others are reported as warnings. ``on_progress(done,
    total)`` is called after each file. Output order is fixed (``sort_key``), whatever order the
    arguments came in.

    ``strict``: raise :class:`ReadError` for the first path or file that would be skipped
    (error or warning), in the same fixed order: problems with the arguments themselves (a
    missing path, an unreadable directory) first, then files by display name.
    """
    pairs, problems = expand_paths(paths)
    return read_pairs(pairs, problems, on_progress, strict)


def read_pairs(
    pairs: Sequence[tuple[Path, str]],
    problems: list[Problem],
    on_progress: Callable[[int, int], None] | None = None,
    strict: bool = False,
) -> tuple[list[Document], list[Problem]]:
    """:func:`read_paths` after :func:`expand_paths` (whose ``problems`` come first)."""
    problems = list(problems)
    if strict and problems:
        raise ReadError(problems[0])
    documents: list[Document] = []
    first_by_hash: dict[str, str] = {}
    for done, (path, shown) in enumerate(pairs, start=1):
        try:
            doc = read_file(path, shown)
        except ReadError as err:
            if strict:
                raise
            problems.append(err.problem)
        else:
            original = first_by_hash.setdefault(doc.sha256, shown)
            if original == shown:
                documents.append(doc)
            else:
                duplicate = Problem(shown, f"same content as {original} (skipped)", "warning")
                if strict:
                    raise ReadError(duplicate)
                problems.append(duplicate)
        if on_progress is not None:
            on_progress(done, len(pairs))
    documents.sort(key=Document.sort_key)
    problems.sort(key=Problem.sort_key)
    return documents, problems


def read_raw_pairs(
    pairs: Sequence[tuple[Path, str]], problems: list[Problem]
) -> tuple[list[RawFile], list[tuple[str, str, str]], list[Problem]]:
    """The bytes of every file of :func:`expand_paths`, undecoded, for a build that decodes
    in its workers: ``(files, duplicates, problems)``. A file whose bytes equal an earlier one's
    (by display name) is a duplicate ``(name, original name, sha256)``, settled once the
    original is decoded: the same problem if it is not text, else "same content as" (what
    :func:`read_paths` says)."""
    problems = list(problems)
    files: list[RawFile] = []
    duplicates: list[tuple[str, str, str]] = []
    first_by_hash: dict[str, str] = {}
    for path, shown in pairs:
        try:
            raw = read_raw(path, shown)
        except ReadError as err:
            problems.append(err.problem)
            continue
        original = first_by_hash.setdefault(raw.sha256, shown)
        if original == shown:
            files.append(raw)
        else:
            duplicates.append((shown, original, raw.sha256))
    return files, duplicates, problems
