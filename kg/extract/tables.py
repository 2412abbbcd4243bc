"""Tables copied as lines (a PDF's or a web page's copy of a table): a heading line of cells,
then rows of as many cells, parted by ideographic spaces or wide gaps as the original text has
them (normalizing drops such spaces, so the rows are read from the original text and mapped back
to the normalized sentence for their evidence). Figures read the rows of a table whose columns
give units (kg.extract.figures); people read those of a list of names, units and posts
(kg.extract.people)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kg.extract.context import Context
from kg.segment import Sentence

CELL_GAP = re.compile(r"\u3000+|[ \t]{2,}|\t")
"""What parts the cells of a table's row as the original text has it: an ideographic space, a
tab, or two spaces or more (a single space may be OCR's, inside a name or a number)."""
NUMBER_CELL = re.compile(r"\d[\d,]*(?:\.\d+)?")
PROSE_LINE = re.compile("[。：:；]")
"""A line of prose (a stop, a colon): no table's heading, and the end of a table's rows."""
_CONTINUATION_MOST = 8


def cells(line: str) -> list[str]:
    """A line's cells."""
    return [c.strip() for c in CELL_GAP.split(line.strip()) if c.strip()]


@dataclass(frozen=True, slots=True)
class Row:
    """A row of a table: its cells under the heading's, and where it stands in the original."""

    heading: tuple[str, ...]
    cells: list[str]
    start: int
    end: int


def rows(text: str, is_heading: Callable[[tuple[str, ...]], bool]) -> Iterator[Row]:
    """The rows of every table in ``text`` (the original) whose heading line ``is_heading``
    accepts (three cells or more, no prose): lines of as many cells as the heading. A cell
    broken over two lines is joined (12　县工业园区工会联 / 合会　6　2.4; 党支部书记、村委 / 会主任,
    a short line of one cell after a row whose last cell is words); other lines (a page's running
    header or footer) are passed over until a line of prose ends the table."""
    lines: list[tuple[int, str]] = []
    at = 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    i = 0
    while i < len(lines):
        heading = tuple(cells(lines[i][1]))
        i += 1
        if len(heading) < 3 or PROSE_LINE.search(lines[i - 1][1]) or not is_heading(heading):
            continue
        while i < len(lines):
            start, line = lines[i]
            row = cells(line)
            end = start + len(line)
            nxt = cells(lines[i + 1][1]) if i + 1 < len(lines) else []
            if (
                0 < len(row) < len(heading)
                and nxt
                and len(row) + len(nxt) - 1 == len(heading)
                and not NUMBER_CELL.fullmatch(nxt[0])
            ):
                row = [*row[:-1], row[-1] + nxt[0], *nxt[1:]]
                end = lines[i + 1][0] + len(lines[i + 1][1])
                i += 1
            elif (
                len(row) == len(heading)
                and len(nxt) == 1
                and len(nxt[0]) <= _CONTINUATION_MOST
                and not NUMBER_CELL.search(nxt[0])
                and not NUMBER_CELL.fullmatch(row[-1])
                and not PROSE_LINE.search(nxt[0])
            ):
                row = [*row[:-1], row[-1] + nxt[0]]
                end = lines[i + 1][0] + len(lines[i + 1][1])
                i += 1
            i += 1
            if len(row) == len(heading):
                yield Row(heading, row, start, end)
            elif PROSE_LINE.search(line):
                break  # 报：韶关市总工会，…: the table has ended


def row_sentence(ctx: Context, row: Row) -> tuple[Sentence, int, int] | None:
    """The normalized sentence a row starts in, and the row's span in it."""
    origin = ctx.seg.norm.origin
    n_start, n_end = bisect_left(origin, row.start), bisect_left(origin, row.end)
    sent = next((s for s in ctx.seg.sentences if s.start <= n_start < s.end), None)
    if sent is None:
        return None
    return sent, max(sent.start, n_start), min(sent.end, n_end)
