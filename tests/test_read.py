"""Stage 1, read: every encoding users save articles in decodes to the same text; every file that
cannot be read becomes one Problem naming it, and the rest goes on."""

from __future__ import annotations

import errno
import hashlib
import os
import pickle
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.read
from kg.read import ReadError, decode, expand_paths, read_bytes, read_file, read_paths
from kg.records import Document, Problem

# From seeds/000_cba2e6ab6a53fdd1.txt (all of it encodable in GBK, so GBK can be tested too).
PARAGRAPH = (
    "河源市总工会党组书记、常务副主席黄远程:\n"
    "记者:请谈谈您对广东省工会第十五次代表大会报告(以下简称“报告”)的学习体会,"
    "以及河源工会如何贯彻落实会议精神?\n"
    "黄远程:制造业是河源高质量发展的当家产业。近年来,河源工会积极发挥劳模工匠示范引领作用,"
    "深入开展“劳模工匠助企行”专项行动,持续深入企业倾听职工声音,了解企业技术需求难题,"
    "建立企业技术难题“需求清单”,将劳模工匠自身的“资源清单”与企业的“需求清单”精准对接,"
    "由各级工会统筹组织12支“劳模工匠技术服务队”深入企业一线开展技术指导。\n"
)

# The same paragraph in traditional characters, as a Hong Kong or Taiwan site would have it.
TRADITIONAL = (
    "河源市總工會黨組書記、常務副主席黃遠程:\n"
    "記者:請談談您對廣東省工會第十五次代表大會報告(以下簡稱“報告”)的學習體會,"
    "以及河源工會如何貫徹落實會議精神?\n"
    "黃遠程:製造業是河源高質量發展的當家產業。近年來,河源工會積極發揮勞模工匠示範引領作用,"
    "深入開展“勞模工匠助企行”專項行動,持續深入企業傾聽職工聲音,瞭解企業技術需求難題,"
    "建立企業技術難題“需求清單”,將勞模工匠自身的“資源清單”與企業的“需求清單”精準對接,"
    "由各級工會統籌組織12支“勞模工匠技術服務隊”深入企業一線開展技術指導。\n"
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ZIP = b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + bytes(range(256))

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _error(data: bytes, name: str = "x.txt") -> Problem:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, name)
    return caught.value.problem


# --------------------------------------------------------------------------------------------
# encodings


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PARAGRAPH.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + PARAGRAPH.encode("utf-8"), "utf-8-sig"),
        (PARAGRAPH.encode("gb18030"), "gb18030"),
        (PARAGRAPH.encode("gbk"), "gb18030"),
        (PARAGRAPH.encode("gb2312"), "gb18030"),
        (b"\xff\xfe" + PARAGRAPH.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + PARAGRAPH.encode("utf-16-be"), "utf-16-be"),
        (PARAGRAPH.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by the zero bytes
        (PARAGRAPH.encode("utf-16-be"), "utf-16-be"),
        (PARAGRAPH.encode("utf-32"), "utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "gb2312", "utf16le-bom", "utf16be-bom",
         "utf16le", "utf16be", "utf32-bom"],
)  # fmt: skip
def test_every_encoding_decodes_to_the_same_text(data: bytes, encoding: str) -> None:
    doc = read_bytes(data, "a.txt")
    assert doc.text == PARAGRAPH
    assert doc.encoding == encoding
    assert doc.sha256 == hashlib.sha256(data).hexdigest()  # of the raw bytes, not the text
    assert doc.name == "a.txt"


@pytest.mark.parametrize("codec", ["utf-8", "gbk", "utf-16"])
@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_become_newlines(codec: str, newline: str) -> None:
    data = PARAGRAPH.replace("\n", newline).encode(codec)
    text, _ = decode(data, "a.txt")
    assert text == PARAGRAPH
    assert "\r" not in text


def test_bom_is_dropped_and_only_at_the_start() -> None:
    text, _ = decode(b"\xef\xbb\xbf" + "工会\ufeff职工".encode(), "a.txt")
    assert text == "工会\ufeff职工"


def test_gb18030_text_outside_gbk_decodes() -> None:
    # GB18030 four-byte sequences cover all of Unicode; a rare hanzi in a name must survive.
    text = PARAGRAPH + "职工㐀先生\n"  # U+3400 is not in GBK
    assert decode(text.encode("gb18030"), "a.txt") == (text, "gb18030")


@pytest.mark.parametrize(
    "data", [b"", b" ", b"\n\r\n\t  ", "\u3000\r\n".encode(), b"\xef\xbb\xbf", b"\xff\xfe"]
)
def test_empty_and_whitespace_only_are_warnings(data: bytes) -> None:
    problem = _error(data, "empty.txt")
    assert problem == Problem("empty.txt", "empty file (nothing to read)", "warning")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (PNG, "a PNG image"),
        (PDF, "a PDF file"),
        (ZIP, "a ZIP archive or .docx/.xlsx file"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "a Word .doc (OLE2) file"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, what: str) -> None:
    problem = _error(data, "scan.txt")
    assert problem == Problem("scan.txt", f"not text (looks like {what})", "error")


def test_random_bytes_are_not_text() -> None:
    problem = _error(os.urandom(4096))
    assert problem.severity == "error"
    assert problem.reason.startswith("not text")


def test_random_bytes_without_nul_are_not_text() -> None:
    rng = random.Random(20240501)
    for _ in range(100):
        data = bytes(rng.randrange(1, 256) for _ in range(512))
        problem = _error(data)
        assert problem.severity == "error"
        assert problem.reason.startswith("not text")


def test_random_gbk_shaped_bytes_are_not_text() -> None:
    # Every (lead 0x81-0xFE, trail 0x40-0xFE) pair decodes in GB18030, so a strict decode
    # succeeds; only the plausibility check (private-use, rare characters) can reject these.
    rng = random.Random(7)
    trails = [t for t in range(0x40, 0xFF) if t != 0x7F]
    for _ in range(100):
        data = b"".join(bytes((rng.randrange(0x81, 0xFF), rng.choice(trails))) for _ in range(200))
        assert data.decode("gb18030")  # the premise: GB18030 alone would accept it
        assert (
            _error(data).reason == "not text in any encoding tried (utf-8, gb18030, big5, utf-16)"
        )


def test_big5_bytes_are_not_mistaken_for_gb18030() -> None:
    # Big5 bytes decode as GB18030 without error; only the plausibility check tells them apart.
    doc = read_bytes(TRADITIONAL.encode("big5"), "tw.txt")
    assert doc.encoding == "big5+t2s"
    assert doc.text == PARAGRAPH


@pytest.mark.parametrize(("codec", "label"), [("utf-8", "utf-8"), ("gb18030", "gb18030")])
def test_traditional_text_becomes_simplified_with_same_length(codec: str, label: str) -> None:
    doc = read_bytes(TRADITIONAL.encode(codec), "tw.txt")
    assert doc.encoding == f"{label}+t2s"
    assert doc.text == PARAGRAPH
    assert len(doc.text) == len(TRADITIONAL)  # offsets into the text stay valid


def test_simplified_text_quoting_a_traditional_name_is_left_alone() -> None:
    text = PARAGRAPH + "香港工聯會會長吳秋北出席。\n"
    assert decode(text.encode(), "a.txt") == (text, "utf-8")


def test_invalid_bytes_after_a_bom_are_reported() -> None:
    problem = _error(b"\xef\xbb\xbf\xff\xfe\xfd")
    assert problem.reason == "not valid utf-8 text (after a utf-8 byte-order mark)"


def test_undecodable_reason() -> None:
    problem = _error(b"\xfd\xfc abc \xff")
    assert problem.reason == "not text in any encoding tried (utf-8, gb18030, big5, utf-16)"


def test_read_error_message_and_pickling() -> None:
    err = ReadError(Problem("a/b.txt", "not text (looks like a PDF file)"))
    assert str(err) == "a/b.txt: not text (looks like a PDF file)"
    again = pickle.loads(pickle.dumps(err))  # worker processes send errors back
    assert isinstance(again, ReadError)
    assert again.problem == err.problem


@settings(max_examples=300, deadline=None)
@given(st.binary())
def test_any_bytes_give_a_document_or_a_read_error(data: bytes) -> None:
    try:
        doc = read_bytes(data, "x.txt")
    except ReadError as err:
        assert err.problem.path == "x.txt"
        assert err.problem.severity in ("warning", "error")
    else:
        assert isinstance(doc, Document)
        assert "\r" not in doc.text
        assert doc.text.strip()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))))
def test_utf8_text_round_trips_up_to_newlines(text: str) -> None:
    """Text round-trips. NUL is left out: bytes with NULs are binary data or BOM-less UTF-16
    (b"000\x00" is both valid UTF-8 and the UTF-16-LE of 〰0), and the reader may take them
    either way."""
    data = text.encode("utf-8")
    try:
        doc = read_bytes(data, "x.txt")
    except ReadError:
        return
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert len(doc.text) == len(expected)  # t2s never changes the length
    if doc.encoding in ("utf-8", "utf-8-sig"):
        assert doc.text == expected


# --------------------------------------------------------------------------------------------
# files and folders


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_read_file_names_the_file(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", PARAGRAPH.encode("gbk"))
    doc = read_file(tmp_path / "a.txt", "in/a.txt")
    assert (doc.name, doc.text, doc.encoding) == ("in/a.txt", PARAGRAPH, "gb18030")
    assert read_file(tmp_path / "a.txt").name == (tmp_path / "a.txt").as_posix()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: None, "no such file or directory"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: os.symlink(p, p), "symlink loop"),
        (lambda p: os.symlink(p.parent / "gone.txt", p), "broken symlink (its target does not exist)"),
    ],
    ids=["missing", "directory", "self-symlink", "dangling-symlink"],
)  # fmt: skip
def test_read_file_os_errors(tmp_path: Path, make, reason: str) -> None:
    path = tmp_path / "f.txt"
    make(path)
    with pytest.raises(ReadError) as caught:
        read_file(path, "f.txt")
    assert caught.value.problem == Problem("f.txt", reason, "error")


def test_read_file_refuses_a_fifo(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(ReadError, match="not a regular file"):  # and does not block
        read_file(tmp_path / "pipe.txt")


@pytest.mark.skipif(IS_ROOT, reason="chmod 000 does not stop root")
def test_permission_denied_on_file_and_directory(tmp_path: Path) -> None:
    _write(tmp_path / "ok.txt", PARAGRAPH.encode())
    locked_file = _write(tmp_path / "locked.txt", b"secret")
    locked_dir = tmp_path / "locked"
    _write(locked_dir / "inner.txt", PARAGRAPH.encode("gbk"))
    locked_file.chmod(0)
    locked_dir.chmod(0)
    try:
        docs, problems = read_paths([tmp_path])
    finally:
        locked_file.chmod(0o644)
        locked_dir.chmod(0o755)
    base = tmp_path.as_posix()
    assert [d.name for d in docs] == [f"{base}/ok.txt"]
    assert problems == [
        Problem(f"{base}/locked", "permission denied"),
        Problem(f"{base}/locked.txt", "permission denied"),
    ]


def test_permission_denied_reason_mapping(tmp_path: Path, monkeypatch) -> None:
    """Runs as root too: the OS error is simulated rather than produced by chmod."""
    _write(tmp_path / "ok.txt", PARAGRAPH.encode())
    _write(tmp_path / "locked.txt", b"secret")
    _write(tmp_path / "locked" / "inner.txt", PARAGRAPH.encode("gbk"))
    real_open, real_scandir = open, os.scandir

    def fake_open(path, *args, **kwargs):
        if Path(path).name == "locked.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def fake_scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(kg.read, "open", fake_open, raising=False)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    docs, problems = read_paths([tmp_path])
    base = tmp_path.as_posix()
    assert [d.name for d in docs] == [f"{base}/ok.txt"]
    assert problems == [
        Problem(f"{base}/locked", "permission denied"),
        Problem(f"{base}/locked.txt", "permission denied"),
    ]


def _mixed_folder(root: Path) -> tuple[set[str], dict[str, str]]:
    """Good and bad files; returns the good names and, per bad name, the start of its reason."""
    good = {
        "utf8.txt": PARAGRAPH.encode(),
        "bom.txt": b"\xef\xbb\xbf" + (PARAGRAPH + "一").encode(),
        "gbk.text": (PARAGRAPH + "二").encode("gbk"),
        "sub/utf16.md": (PARAGRAPH + "三").encode("utf-16"),
        "sub/deeper/page.html": f"<p>{PARAGRAPH}</p>".encode("gb18030"),
        "tw/big5.htm": TRADITIONAL.encode("big5"),
        "crlf.TXT": (PARAGRAPH + "四").replace("\n", "\r\n").encode(),
    }
    bad = {
        "empty.txt": (b"", "empty file"),
        "blank.txt": (b" \r\n\t", "empty file"),
        "image.txt": (PNG, "not text (looks like a PNG image)"),
        "sub/paper.txt": (PDF, "not text (looks like a PDF file)"),
        "report.md": (ZIP, "not text (looks like a ZIP"),
        "noise.txt": (os.urandom(4096), "not text"),
    }
    ignored = {"photo.png": PNG, "notes.pdf": PDF, ".hidden.txt": PARAGRAPH.encode()}
    for name, data in {**good, **{k: v[0] for k, v in bad.items()}, **ignored}.items():
        _write(root / name, data)
    return set(good), {name: reason for name, (_, reason) in bad.items()}


def test_read_paths_keeps_good_files_and_names_each_bad_one(tmp_path: Path) -> None:
    good, bad = _mixed_folder(tmp_path / "in")
    calls: list[tuple[int, int]] = []
    docs, problems = read_paths([tmp_path / "in"], on_progress=lambda i, n: calls.append((i, n)))
    prefix = (tmp_path / "in").as_posix() + "/"
    assert {d.name.removeprefix(prefix) for d in docs} == good
    assert len(docs) == len(good)
    assert all(PARAGRAPH in d.text for d in docs)
    assert sorted(p.path.removeprefix(prefix) for p in problems) == sorted(bad)
    for problem in problems:
        assert problem.reason.startswith(bad[problem.path.removeprefix(prefix)])
    assert calls == [(i, len(good) + len(bad)) for i in range(1, len(good) + len(bad) + 1)]
    assert docs == sorted(docs, key=Document.sort_key)
    assert problems == sorted(problems, key=Problem.sort_key)


def test_read_paths_is_deterministic(tmp_path: Path, monkeypatch) -> None:
    _mixed_folder(tmp_path / "in")
    _write(tmp_path / "in" / "noise.txt", b"\x00\x01\x02 fixed bytes")
    monkeypatch.chdir(tmp_path)
    first = read_paths(["in"])
    assert read_paths(["in"]) == first
    files = sorted(
        str(p.relative_to(tmp_path)) for p in (tmp_path / "in").rglob("*") if p.is_file()
    )
    assert read_paths(files) != first  # explicit files include .png/.pdf and the hidden one
    assert read_paths(files[::-1]) == read_paths(files)
    assert read_paths(["in/sub", "in"]) == read_paths(["in", "in/sub"]) == first


def test_display_names_follow_how_the_user_wrote_the_path(tmp_path: Path, monkeypatch) -> None:
    _write(tmp_path / "seeds" / "a.txt", PARAGRAPH.encode())
    _write(tmp_path / "seeds" / "more" / "b.txt", (PARAGRAPH + "一").encode())
    monkeypatch.chdir(tmp_path)
    for arg in ["seeds", "seeds/", "./seeds"]:
        pairs, problems = expand_paths([arg])
        assert [name for _, name in pairs] == ["seeds/a.txt", "seeds/more/b.txt"]
        assert problems == []
    pairs, _ = expand_paths([tmp_path / "seeds" / "more"])
    assert pairs == [
        (tmp_path / "seeds" / "more" / "b.txt", f"{tmp_path.as_posix()}/seeds/more/b.txt")
    ]


def test_glob_patterns(tmp_path: Path, monkeypatch) -> None:
    _write(tmp_path / "seeds" / "a.txt", PARAGRAPH.encode())
    _write(tmp_path / "seeds" / "b.md", (PARAGRAPH + "一").encode())
    _write(tmp_path / "seeds" / "more" / "c.txt", (PARAGRAPH + "二").encode())
    monkeypatch.chdir(tmp_path)
    assert [n for _, n in expand_paths(["seeds/*.txt"])[0]] == ["seeds/a.txt"]
    assert [n for _, n in expand_paths(["seeds/**/*.txt"])[0]] == [
        "seeds/a.txt",
        "seeds/more/c.txt",
    ]
    pairs, problems = expand_paths(["nothing/*.txt"])
    assert pairs == []
    assert problems == [Problem("nothing/*.txt", "no files match this pattern")]


def test_read_paths_accepts_a_single_path(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", PARAGRAPH.encode())
    docs, _ = read_paths(str(tmp_path))  # type: ignore[arg-type]  # a str, not its characters
    assert [d.text for d in docs] == [PARAGRAPH]


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    _write(tmp_path / "only_images" / "x.png", PNG)
    docs, problems = read_paths(
        [tmp_path / "missing.txt", tmp_path / "empty", tmp_path / "only_images"]
    )
    base = tmp_path.as_posix()
    no_files = "no readable files (.txt, .text, .md, .htm, .html) in this directory"
    assert docs == []
    assert problems == [
        Problem(f"{base}/empty", no_files),
        Problem(f"{base}/missing.txt", "no such file or directory"),
        Problem(f"{base}/only_images", no_files),
    ]


def test_symlink_loops_are_reported_not_followed_forever(tmp_path: Path) -> None:
    root = tmp_path / "in"
    _write(root / "a.txt", PARAGRAPH.encode())
    _write(root / "sub" / "b.txt", (PARAGRAPH + "一").encode())
    os.symlink(root, root / "sub" / "up")  # a directory linked into itself
    os.symlink(root / "me.txt", root / "me.txt")  # a link that points to itself
    os.symlink(root / "gone.txt", root / "dangling.txt")
    os.symlink(root / "sub", root / "alias")  # not a loop: followed, files deduplicated
    docs, problems = read_paths([root])
    base = root.as_posix()
    assert sorted(d.name for d in docs) == [f"{base}/a.txt", f"{base}/alias/b.txt"]
    assert problems == [
        Problem(f"{base}/alias/up", "symlink loop"),
        Problem(f"{base}/dangling.txt", "broken symlink (its target does not exist)"),
        Problem(f"{base}/me.txt", "symlink loop"),
        Problem(f"{base}/sub/up", "symlink loop"),
    ]


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", PARAGRAPH.encode())
    os.link(path, tmp_path / "hard.txt")
    pairs, problems = expand_paths([path, tmp_path, str(path)])
    assert [name for _, name in pairs] == [path.as_posix()]
    assert problems == []


def test_duplicate_content_keeps_the_first_name(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", PARAGRAPH.encode())
    _write(tmp_path / "a.txt", PARAGRAPH.encode())
    _write(tmp_path / "c.txt", PARAGRAPH.encode("gbk"))  # same text, other bytes: kept
    docs, problems = read_paths([tmp_path])
    base = tmp_path.as_posix()
    assert sorted(d.name for d in docs) == [f"{base}/a.txt", f"{base}/c.txt"]
    assert problems == [
        Problem(f"{base}/b.txt", f"same content as {base}/a.txt (skipped)", "warning")
    ]


def test_large_file_and_long_line(tmp_path: Path) -> None:
    unit = PARAGRAPH.encode()
    big = _write(tmp_path / "big.txt", unit * (50 * 1024 * 1024 // len(unit) + 1))
    line = _write(tmp_path / "line.txt", "职工".encode("gbk") * (5 * 1024 * 1024 // 4))
    doc = read_file(big)
    assert doc.encoding == "utf-8"
    assert len(doc.text) == len(PARAGRAPH) * (50 * 1024 * 1024 // len(unit) + 1)
    doc = read_file(line)
    assert doc.encoding == "gb18030"
    assert doc.text == "职工" * (5 * 1024 * 1024 // 4)
    assert "\n" not in doc.text
