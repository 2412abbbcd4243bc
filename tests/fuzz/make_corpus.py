"""Write the small files of the fuzz corpus (``python tests/fuzz/make_corpus.py``).

The corpus holds one file per kind of input users' folders contain (see ``expected.tsv`` for
what ``kg build`` must do with each). The files are checked in so that every CI run reads the
same bytes; this script documents how they were made and remakes them. Inputs that cannot live
in git (a 50 MB article, a 5 MB line, a symlink loop, an unreadable folder, odd file names) are
made at test time by ``tests/test_bad_input.py``.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

from opencc import OpenCC

HERE = Path(__file__).resolve().parent

# A short interview in the genre (series line, interviewee line, headline, byline, Q&A, caption):
# every character is in GBK and in Big5, so the same article can be saved in every encoding.
ARTICLE = """学习贯彻落实工会代表大会精神·工会主席访谈21

韶关市总工会党组书记、常务副主席李明华：

让职工生活更有品质

全媒体记者王小红 通讯员陈晓

谈体会 把会议精神落到实处

记者：请谈谈您的学习体会，以及韶关工会如何贯彻落实会议精神？

李明华：近年来，韶关工会深入开展“劳模工匠助企行”专项行动，共帮助80家企业解决技术难题120个。韶关市委副书记张建国对此给予肯定。

■韶关市总工会党组书记、常务副主席李明华（右）在企业走访。单位供图
"""

# The same article in traditional characters, as a Hong Kong or Taiwan site has it (OpenCC s2t,
# the library the reader converts back with).
TRADITIONAL = OpenCC("s2t").convert(ARTICLE)

# Markup, quotes, ampersands, #, emoji and control characters where an article's own text ends
# up in the graph: the headline, program names in quotes, sentences that become evidence.
HOSTILE = """工会主席访谈22

韶关市总工会党组书记、常务副主席李明华：

<script>alert(1)</script>职工 & "家" <b>#1</b>

全媒体记者王小红 通讯员陈晓

记者：请谈谈“<b>职工 #1 之家</b> 😀”项目的进展？

李明华：近年来，韶关工会深入开展“<script>alert(3)</script>”专项行动和“A&B "职工" <家> #2 😀”品牌活动，共帮助80家企业。

■<img src=x onerror=alert(4)>韶关市总工会主席李明华在“职工\x01之家\x7f”调研。单位供图

韶关市总工会主席李明华表示，要做好“\\u0022 \\ ' ` {x} |y| ^z^ %41”建设。
"""


def _png() -> bytes:
    return bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d4944415478da63f8cfc0f01f0005000201e2213bc50000000049454e44ae426082"
    )


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", (2024, 1, 1, 0, 0, 0)), "<Types/>")
        z.writestr(zipfile.ZipInfo("word/document.xml", (2024, 1, 1, 0, 0, 0)), ARTICLE)
    return buf.getvalue()


def files() -> dict[str, bytes]:
    rng = random.Random(20240601)
    nul = "\n"
    return {
        # read correctly: the same facts as utf8.txt
        "utf8.txt": ARTICLE.encode("utf-8"),
        "utf8_bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        "gbk.txt": ARTICLE.encode("gbk"),
        # 䶮 is outside GBK: GB18030 writes it in four bytes
        "gb18030.txt": (ARTICLE + "\n䶮\n").encode("gb18030"),
        "utf16le_bom.txt": b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
        "utf16be_bom.txt": b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
        "utf16le.txt": ARTICLE.encode("utf-16-le"),
        "crlf.txt": ARTICLE.replace(nul, "\r\n").encode("utf-8"),
        "cr.txt": ARTICLE.replace(nul, "\r").encode("utf-8"),
        "traditional_utf8.txt": TRADITIONAL.encode("utf-8"),
        "traditional_big5.txt": TRADITIONAL.encode("big5"),
        # a download cut off in the middle of the last character
        "truncated.txt": (ARTICLE + "完").encode("utf-8")[:-1],
        # read, and harmless in the outputs
        "hostile.txt": HOSTILE.encode("utf-8"),
        # skipped with a warning
        "empty.txt": b"",
        "whitespace.txt": " \t\r\n\u3000\n".encode(),
        # skipped with an error: not text
        "random.txt": bytes(rng.randrange(256) for _ in range(2048)),
        "image.txt": _png(),
        "photo.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"
        + bytes(rng.randrange(256) for _ in range(64)),
        "paper.txt": b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
        "letter.txt": _docx(),
        "old_word.txt": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        # skipped with an error: no Chinese encoding decodes it
        "koi8r.txt": "Профсоюз защищает права трудящихся. Председатель выступил.\n".encode("koi8-r")
        * 3,
        "shift_jis.txt": "労働組合の委員長は会議で発言した。労働者の権利を守る。\n".encode(
            "shift_jis"
        )
        * 3,
        "latin1.txt": "Le syndicat défend les travailleurs. Le président a parlé à la réunion.\n".encode(
            "latin-1"
        )
        * 3,
    }


def main() -> None:
    for name, data in files().items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
