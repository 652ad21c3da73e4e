"""Tables set out as aligned plain text (yearbook tables, statistics bulletins, slide tables).

A table is a run of at least two row lines, each a label (or a year) and cells set apart by
wide blanks (or "|"), under header lines whose words stand over the cells' columns, under a
caption ("Table 2. ...", "10-3  ...") and a unit line ("Unit: item; US$ million"). Columns
are found by character positions in the document's original text (the cleaned text keeps
offsets back to it), so a line cleaning cut still lines up. Each cell's row is read again
(:func:`read_tables`): its indicator from its row label turned by its column header
(indicators.yaml ``columns``), its year from the row label, the column header or the caption,
its measure from the header's words, its unit and scale from the header, the row's unit cell
or the unit line. A page with no line of cells costs one regex search.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

# a line that labels one figure: "Joint laboratories: 23", "Partner countries — 47",
# "Joint funding: RMB 300 million", "Chinese students (2012): c. 1,500" (a box of such lines
# is one sentence a line, analysis/corpus.py; no line's year passes to the next's figure,
# analysis/extraction.py)
LABELLED_FIGURE = re.compile(
    r"[^\W\d][^:\n]{1,60}(?::|\s[—–-])\s*(?:c\.\s*|about\s+|some\s+)?"
    r"(?:US\$|\$|€|£|¥|RMB|CNY|EUR|USD)?\s?[+\-−]?\d[\d,.]*"
    r"(?:\s*(?:million|billion|bln|mln|percent|per\s+cent|%))?(?:\s*\([^)\n]{1,20}\))?"
)
_BOX_LINE_CHARS = 100
INNER_END = re.compile(r"[a-z][.!?]\s+[A-Z]")  # a sentence's end inside a line ("regions. Some")


def labelled_line(line: str) -> bool:
    """A line of a box of labelled figures: a label and its figure (:data:`LABELLED_FIGURE`),
    perhaps run on a little ("Partner universities and institutes: 251, in 46 countries and
    regions"), one phrase long (no sentence ends inside it)."""
    if len(line) > _BOX_LINE_CHARS or INNER_END.search(line):
        return False
    return LABELLED_FIGURE.match(line) is not None


# a line that may be a table row: words or a figure, wide blanks (or "|"), a figure
_HINT = re.compile(r"\S(?:[^\S\n]{2,}|\t|[^\S\n]*\|[^\S\n]*)[+\-−]?\d[\d,. ]*[^\S\n]*(?:[a-z*]\b)?")
# ... or a row set out with a dot leader ("1991 ......... 3.46", "Countries with S&T ties
# ..... 135"), looked for only where a text holds "..." (a second pattern, not an
# alternative of the first: that would try it at every character of every page)
_LEADER_HINT = re.compile(r"\S[^\S\n]*\.{3,}[^\S\n]*[+\-−]?\d")


def _hinted(text: str) -> bool:
    """Whether ``text`` may hold a table's row (:data:`_HINT`, :data:`_LEADER_HINT`)."""
    return _HINT.search(text) is not None or (
        "..." in text and _LEADER_HINT.search(text) is not None
    )


_SPLIT = re.compile(r"[^\S\n]{2,}|\t|[^\S\n]*\|[^\S\n]*")
_NUM = r"[+\-−]?(?:\d{1,3}(?:[ ,]\d{3})+|\d+)(?:\.\d+)?"
# a cell: a figure with a footnote's mark ("1,049.6 a", "73,300 *", "35.3%"), or a dash
_CELL = re.compile(r"(" + _NUM + r")(%?)(?:[ ]?(?:[a-z]\)?|[*†‡¹²³]))?|[-–—…]{1,3}|n\.?a\.?")
_RULE = re.compile(r"[\s\-_=─━~*]*")
_YEAR = re.compile(r"((?:19|20)\d\d)(?:/((?:19|20)?\d\d))?(?:[ ]?[a-z*]\)?)?$")
_CAPTION = re.compile(
    # (a numbered one, "10-3  ...", never a caption's second line opening with its years)
    r"^\s*(?:Table\b[^\n]{0,20}?(?:[.:]|\s{2,}|\s+(?=[A-Z]))|(?!(?:19|20)\d\d[-–](?:19|20)?\d\d\b)\d+(?:[-.]\d+)+\.?\s+"
    # a chart's data set out as text under its caption ("Figure 1. Chinese students going
    # abroad, thousands", "Chart 3: ...")
    r"|(?:Figure|Fig\.|Chart|Graph|Exhibit)\s*\d+[a-z]?\s*[.:]\s*)(?=\S)",
    re.I,
)
# a row set out with a dot leader: a chart's "1991 ......... 3.46", a fact box's "Countries
# with S&T ties ....... 135" (the leader as blanks: the label is the row's; a table of
# contents' page numbers are told apart by the numbering rules)
_LEADER_ROW = re.compile(r"^([^.\n]*?\S)([^\S\n]*\.{3,}[^\S\n]*)(?=[+\-−]?\d)")
# such rows labelled in words, line by line in a whole text (a year's row, "1993 .........
# 6.11", is a table's and keeps its dots): corpus.clean blanks their leaders
LABELLED_LEADER_ROW = re.compile(
    r"^([^.\n]*?[A-Za-z][^.\n]*?\S)([^\S\n]*(?:\.{3,}|(?<=[^\S\n])\.\.?(?=[^\S\n]))[^\S\n]*)"
    r"(?=[+\-−]?\d)",
    re.M,
)


def blank_leaders(text: str) -> str:
    """``text`` with the leader dots of rows labelled in words as blanks of the same length
    ("Outbound students ........ 1,870 in 2018": the label is the figure's words, no stop in
    it, and every offset stays)."""
    # (a leader as short as two dots between blanks, "Intergovernmental projects .. 72", or one,
    # "Joint research centres and labs . 24", where the label fills the box's width)
    if ".." not in text and " . " not in text:
        return text
    return LABELLED_LEADER_ROW.sub(_leader_blanks, text)


# a spreadsheet's export pasted into a page: a line of fields set apart by commas with no blank
# beside them ("Technology import contracts,contracts,142,156,171"), a quoted field's commas
# its own ("\"1,200\"")
_CSV_COMMA = re.compile(r'"[^"\n]*"|(?<! ),(?! )')
_CSV_FIGURE = re.compile(r'(?:^|,)"?[+\-−]?\d[\d.,]*"?(?:,|$)')


def _csv_commas(line: str) -> list[int]:
    """The offsets of the commas that set a CSV line's fields apart ([] for a line with a
    comma beside a blank, prose, or with wide blanks, an aligned table's row)."""
    inner = line.strip()
    if ", " in line or " ," in line or "  " in inner or "\t" in inner:
        return []  # (an aligned table's thousands: "Returned students    34,987   42,000")
    return [m.start() for m in _CSV_COMMA.finditer(line) if m.group() == ","]


def bar_csv(text: str) -> str:
    """``text`` with the field commas of a CSV block as "|", and the underscores of its field
    names and the quotes of its quoted fields as blanks, every offset kept: three lines or
    more in a row with the same number (two or more) of field commas, two of them holding a
    figure, are a table whose cells are read as a table's set apart by "|" (why not the csv
    module: it gives the fields, not where their commas stand, and the offsets must hold)."""
    if text.count(",") < 6:
        return text
    lines = text.split("\n")
    commas = [_csv_commas(ln) for ln in lines]
    out = list(text)
    i, pos = 0, 0
    starts = []
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    while i < len(lines):
        n = len(commas[i])
        j = i
        while j < len(lines) and n >= 2 and len(commas[j]) == n:
            j += 1
        figures = sum(1 for k in range(i, j) if _CSV_FIGURE.search(lines[k]))
        if j - i >= 3 and figures >= 2:
            for k in range(i, j):
                for c in commas[k]:
                    out[starts[k] + c] = "|"
                for m in re.finditer(r"(?<=[A-Za-z])_(?=[A-Za-z])", lines[k]):
                    out[starts[k] + m.start()] = " "  # a field's machine name: "new_joint_projects"
                for m in _CSV_COMMA.finditer(lines[k]):
                    if m.group() != ",":  # a quoted field's quotes: '"1,200"' reads as 1,200
                        out[starts[k] + m.start()] = out[starts[k] + m.end() - 1] = " "
        i = max(j, i + 1)
    return "".join(out)


# the scale a caption gives counts after its last comma ("..., thousands", "(in thousands)")
_COUNT_SCALE = (
    (re.compile(r"^\(?(?:in\s+)?(?:thousands?|'000s?|000s)\)?$", re.I), 1e3),
    (re.compile(r"^\(?(?:in\s+)?(?:millions?|mn)\)?$", re.I), 1e6),
)
# a row label's bracket giving its people in a scale, as Chinese yearbooks do ("Students sent
# abroad (10,000 persons)", "(thousand persons)", "(10 000 people)")
_PEOPLE_SCALE = re.compile(
    r"^(?:(?P<tenk>10[ ,]?000|ten\s+thousand)|(?P<k>thousands?|1,000|'000))\s+"
    r"(?:persons|people|person-times)$",
    re.I,
)
_UNIT_LINE = re.compile(r"\bUnits?\s*:\s*(.+)", re.I)
_CURRENCY = (
    # (a bare "$" is the US dollar: "($ billion)"; never "HK$", "A$")
    (re.compile(r"US\$|(?<![A-Za-z])\$|USD|\bdollars?\b", re.I), "USD"),
    (re.compile(r"\b(?:RMB|CNY|yuan)\b|¥", re.I), "CNY"),
    (re.compile(r"€|\bEUR\b|\beuros?\b", re.I), "EUR"),
    (re.compile(r"£|\bGBP\b", re.I), "GBP"),
)


@functools.cache
def _lexicon_currencies() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every other currency ``numbers.yaml`` names, before or after a number ("HK$", "NT$",
    "DM", "Swiss francs"): a pattern of them, longest first, and the code of each (lower
    case). One letter ("R") names none in a header, nor one lower-case word ("won"): they are
    too often words."""
    from analysis.config import load_lexicon
    from analysis.units import is_money

    lex = load_lexicon("numbers")
    codes = {**lex["currencies_before"], **lex["units_after"]}
    # (money only: "times" of "(person-times)" is a multiple's word; and no lower-case word
    # alone, "won", "rand", "pounds": a header's words may be those)
    codes = {
        k.lower(): v
        for k, v in codes.items()
        if len(k) >= 2 and is_money(v) and (k != k.lower() or " " in k or not k.isalpha())
    }
    alt = "|".join(re.escape(k) for k in sorted(codes, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alt})(?![A-Za-z])", re.I), codes


_SCALES = (
    (re.compile(r"\b100\s*million\b", re.I), 1e8),
    (re.compile(r"\b10[ ,]?000\b|\bten\s+thousand\b", re.I), 1e4),
    (re.compile(r"\b(?:billion|bn|bln)\b", re.I), 1e9),
    (re.compile(r"\b(?:million|mn|mln)\b", re.I), 1e6),
    (re.compile(r"\b(?:thousand|000s?)\b", re.I), 1e3),
    # ("HK$ m", "US$ m": "m" alone beside a currency)
    (re.compile(r"(?<![\w.])m(?![\w.])"), 1e6),
)
_PERCENT = re.compile(r"%|\bper\s*cent\b|\bpercent\b", re.I)
_LABEL_UNIT = re.compile(r"\(([^()]{1,30})\)\s*$")
_TOTAL = re.compile(r"(?:total|sum|all|cumulative)\b", re.I)
_BY = re.compile(r"\s+by\s+.*$|\s*[,(]\s*(?:19|20)\d\d(?:\s*[-–/]\s*\d{2,4})?\)?\s*$", re.I)
# a label naming only a value, of what the row above or the row it is set in under counts
# ("Contract value (US$ 100 million)", "Contract value of imports (US$ bln)", "Total value of
# contracts"; group 1 the side a trade's value names)
_VALUE_ONLY = re.compile(
    r"\s*(?:(?:contract|total)\s+)?(?:value|worth|amount)(?:\s+of\s+(?:the\s+)?"
    r"(?:(im|ex)ports|contracts|them|these))?(?:\s*\([^()]{1,30}\))?\s*",
    re.I,
)
_VALUE_OF = re.compile(r"\s*(?:value|worth|amount)\s+of\s+(.+)$", re.I)
_LEAD = re.compile(r"^(?:number|value|amount|total|volume)\s+of\s+", re.I)
_HEADER_LINES = 5
_CAPTION_LINES = 10


@dataclass
class _Line:
    start: int  # offset of the line in the original text
    text: str
    cells: list = field(default_factory=list)  # (start, end, value text, percent) in the line
    label: str = ""
    unit: str = ""  # a text cell between the label and the figures ("10 000 USD")
    year: int | None = None  # the row's year when its label is one
    indent: int | None = None  # how far its label's first line is set in, when wrapped
    line_label: int | None = None  # the length of a wrapped label's words on the row's line


def _parse_row(start: int, line: str) -> _Line | None:
    """A row line: its label (or year), its text cells and its trailing figures; None when
    the line ends in no figure set apart by wide blanks."""
    segs = [(m.start(), m.end()) for m in _seg_iter(line)]
    if len(segs) < 2:
        return None
    cells = []
    k = len(segs)
    while k > 0:
        a, b = segs[k - 1]
        m = _CELL.fullmatch(line, a, b)
        if m is None:
            break
        cells.append((a, m.end(2) if m.group(1) else b, m.group(1), bool(m.group(2))))
        k -= 1
    cells.reverse()
    if not cells or not any(c[2] for c in cells) or _years_only(cells):
        return None
    row = _Line(start, line)
    if k == 0:
        y = _YEAR.match(line, segs[0][0], segs[0][1])
        if y is None or len(cells) < 2 or not cells[0][2]:
            return None
        row.year = _year_of(y)
        cells = cells[1:]
        row.label = line[segs[0][0] : segs[0][1]]
    else:
        row.label = line[segs[0][0] : segs[0][1]].rstrip(":")
        row.unit = " ".join(line[a:b] for a, b in segs[1:k])
        y = _YEAR.fullmatch(row.label.strip())
        if y is not None:
            row.year = _year_of(y)
    row.cells = cells
    return row


def figure_rows(lines: list[str]) -> int:
    """How many of ``lines`` are a table's rows: a label or a year and figures set apart by
    wide blanks or "|" (a leading or trailing block of such lines is a table, no links); a
    lone row under a line of years counts as two, a table of its own."""
    rows = [_parse_row(0, ln) if _hinted(ln) else None for ln in lines]
    # (a fact box's rows set out with dot leaders count too: "Joint laboratories ..... 12")
    leaders = sum(
        1
        for ln, row in zip(lines, rows, strict=True)
        if row is None and _LEADER_ROW.match(ln.strip())
    )
    return leaders + sum(
        (2 if i and _years_over(lines, i, row) else 1)
        for i, row in enumerate(rows)
        if row is not None
    )


def _years_only(cells) -> bool:
    """Whether a line's figures are years running up ("2008   2009   2010"): a header."""
    if len(cells) < 2 or any(not re.fullmatch(r"(?:19|20)\d\d", c[2] or "") for c in cells):
        return False
    years = [int(c[2]) for c in cells]
    return all(a < b for a, b in zip(years, years[1:], strict=False))


def _seg_iter(line: str):
    """The segments of a line set apart by wide blanks, tabs or "|" (as match-like spans)."""
    pos = 0
    n = len(line)
    while pos < n and line[pos] in " \t|":
        pos += 1
    for m in _SPLIT.finditer(line, pos):
        if m.start() > pos:
            yield _Span(pos, m.start())
        pos = m.end()
    end = len(line.rstrip())
    if end > pos:
        yield _Span(pos, end)


@dataclass
class _Span:
    a: int
    b: int

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b


def _year_of(m: re.Match[str]) -> int:
    """The year a row or header names: an academic year ("1989/90") is the year it ends."""
    year = int(m.group(1))
    if m.group(2):
        end = m.group(2)
        end_year = int(end) if len(end) == 4 else (year // 100) * 100 + int(end)
        return end_year if end_year > year else end_year + 100
    return year


@dataclass
class Cell:
    """One figure of a table with what its row, column, caption and unit line say of it."""

    start: int  # offsets into the original text
    end: int
    number: str
    percent: bool
    label: str
    header: str
    caption: str
    unit: str  # the row's unit cell, else the column's, else the unit line
    year: int | None
    year_rows: bool  # the table's rows are years
    partner_rows: bool  # the rows name partners (the label column's head: "Source")
    last_year: int | None
    indent: int  # how far the row's label is set in past the table's least
    row_key: int  # the row's line start
    table_key: int = 0  # the table's first row's line start
    parent: str = ""  # the label of the row above set in less than this row's, if any
    previous: str = ""  # the label of the row right above, if any


def find_cells(original: str, hint_text: str | None = None) -> list[Cell]:
    """The cells of the tables of ``original``; [] at once when ``hint_text`` (the cleaned
    text, else ``original``) holds no line that may be a row."""
    original = bar_csv(original)  # (a CSV block's commas as bars, as the cleaned text has them)
    if not _hinted(hint_text if hint_text is not None else original) and not (
        "..." in original and _LEADER_HINT.search(original) is not None
    ):
        return []  # (the cleaned text has a fact box's leader dots as blanks: the file's own)
    lines, starts = [], []
    pos = 0
    for ln in original.split("\n"):
        lines.append(ln)
        starts.append(pos)
        pos += len(ln) + 1
    rows = [
        _parse_row(starts[i], _LEADER_ROW.sub(_leader_blanks, ln)) if _hinted(ln) else None
        for i, ln in enumerate(lines)
    ]
    wrapped = _join_wrapped_labels(lines, rows)
    cells: list[Cell] = []
    i = 0
    prev_end = 0
    while i < len(lines):
        if rows[i] is None and i not in wrapped:
            i += 1
            continue
        j, block = i, []
        while j < len(lines) and (
            rows[j] is not None or j in wrapped or (_is_rule(lines[j]) and lines[j].strip())
        ):
            if rows[j] is not None:
                block.append(rows[j])
            j += 1
        if len(block) >= 2 or (len(block) == 1 and _years_over(lines, i, block[0])):
            cells.extend(_block_cells(lines, i, block, prev_end))
            prev_end = j
        i = j
    return cells


# the first line of a row label wrapped over two: words alone, opening with a capital, no
# digit, stop or cell gap ("Countries with intergovernmental S&T")
_LABEL_LINE = re.compile(r"[^\S\n]*[A-Z][^\d:;.!?|\t]*")


def _join_wrapped_labels(lines: list[str], rows: list[_Line | None]) -> set[int]:
    """Join each row label wrapped over two lines, its second set in under the first and
    opening in lower case ("Countries with intergovernmental S&T" / "  cooperation
    agreements   47   68"), into the row's label; the first lines' indexes (part of the
    table's block)."""
    wrapped = set()
    for i in range(1, len(lines)):
        row, above = rows[i], lines[i - 1]
        if (
            row is not None
            and row.year is None
            and rows[i - 1] is None
            and row.label[:1].islower()
            and _indent(row.text) > _indent(above)
            and "  " not in above.strip()
            and _LABEL_LINE.fullmatch(above)
        ):
            row.line_label = len(row.label)
            row.label = f"{above.strip()} {row.label.strip()}"
            row.indent = _indent(above)
            wrapped.add(i - 1)
    return wrapped


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _row_indent(row: _Line) -> int:
    """How far a row's label is set in (a wrapped label's: its first line's)."""
    return _indent(row.text) if row.indent is None else row.indent


def _years_over(lines: list[str], i: int, row: _Line) -> bool:
    """True when the line above a lone row names only years, one over each of its cells
    ("        1985      1988      1991" / "PRC students enrolled   10,100   25,200   39,600"):
    a table of one row."""
    if i == 0 or len(row.cells) < 2:
        return False
    segs = [lines[i - 1][m.start() : m.end()] for m in _seg_iter(lines[i - 1])]
    return len(segs) == len(row.cells) and all(_YEAR.fullmatch(x.strip()) for x in segs)


def _leader_blanks(m: re.Match[str]) -> str:
    """A dot leader after a row's year as blanks of the same width (offsets kept)."""
    return m.group(1) + " " * len(m.group(2))


def _is_rule(line: str) -> bool:
    return _RULE.fullmatch(line) is not None


def _block_cells(lines: list[str], first: int, block: list[_Line], prev_end: int) -> list[Cell]:
    header_lines, k = _header(lines, first, prev_end)
    caption, unit_line = _caption(lines, k, prev_end)
    width = max(len(r.cells) for r in block)
    spans = _column_spans(block, width)
    label_end = max(
        ((r.line_label or len(r.label)) + _indent(r.text) for r in block),
        default=0,
    )
    heads: list[list[str]] = [[] for _ in range(width + 1)]  # [0]: the label column
    fields = {len(list(_seg_iter(r.text))) for r in block}
    for hl in header_lines:
        segs = list(_seg_iter(hl))
        if "|" in hl and fields == {len(segs)}:
            # a header of fields set apart by "|" over rows of as many fields, unaligned (a
            # spreadsheet's export, bar_csv): each field heads the column of its place
            for n, seg in enumerate(segs):
                col = n - (len(segs) - width - 1)
                heads[col if col > 0 else 0].append(hl[seg.a : seg.b])
            continue
        for seg in segs:
            col = _column_of(seg.a, seg.b, spans, label_end)
            heads[col].append(hl[seg.a : seg.b])
    head = [" ".join(h) for h in heads]
    year_rows = sum(r.year is not None for r in block) >= 2
    if not caption and year_rows and header_lines and not _SPLIT.search(header_lines[-1].strip()):
        # a chart's unnumbered caption right over its rows of years ("China's technology
        # import contracts, value in US$ billion")
        caption = header_lines[-1].strip()
    years = [r.year for r in block if r.year is not None]
    partner = bool(_PARTNER_HEAD.search(head[0])) or bool(_PARTNER_CAPTION.search(caption))
    least = min(_row_indent(r) for r in block)
    out = []
    above: list[tuple[int, str]] = []  # (indent, label) of the rows above, each less set in
    previous = ""
    for r in block:
        indent = _row_indent(r)
        while above and above[-1][0] >= indent:
            above.pop()
        parent = above[-1][1] if above else ""
        above.append((indent, r.label.strip()))
        row_previous, previous = previous, r.label.strip()
        shift = width - len(r.cells)  # a short row's cells are its last columns
        for n, (a, b, number, pct) in enumerate(r.cells):
            if not number:
                continue
            col = n + shift + 1
            out.append(
                Cell(
                    start=r.start + a,
                    end=r.start + b,
                    number=number,
                    percent=pct,
                    label=r.label.strip(),
                    header=head[col] if col < len(head) else "",
                    caption=caption,
                    unit=r.unit or unit_line,
                    year=r.year,
                    year_rows=year_rows,
                    partner_rows=partner,
                    last_year=max(years) if years else None,
                    indent=indent - least,
                    row_key=r.start,
                    table_key=block[0].start,
                    parent=parent,
                    previous=row_previous,
                )
            )
    return out


def _column_spans(block: list[_Line], width: int) -> list[tuple[int, int]]:
    spans = [[10**9, -1] for _ in range(width)]
    for r in block:
        shift = width - len(r.cells)
        for n, (a, b, _v, _p) in enumerate(r.cells):
            s = spans[n + shift]
            s[0], s[1] = min(s[0], a), max(s[1], b)
    return [(a, b) for a, b in spans]


def _column_of(a: int, b: int, spans, label_end: int) -> int:
    """The column (1-based; 0 the label's) a header segment at (a, b) stands over: the one it
    overlaps most, else the nearest."""
    best, key = 0, None
    cols = [(0, label_end)] if label_end >= 0 else []
    cols += list(spans)
    off = 0 if label_end >= 0 else 1
    for n, (s, e) in enumerate(cols):
        overlap = min(b, e) - max(a, s)
        gap = 0 if overlap > 0 else max(s - b, a - e)
        k = (-overlap, gap) if overlap > 0 else (1, gap)
        if key is None or k < key:
            best, key = n + off, k
    return best


# a fact box's row with its leader blanked: words, a wide blank, one figure (no year) and no
# cell after it ("Partner universities      186 (in 43 countries)"; a header's "Item  2002  2003"
# is years)
_BOX_ROW = re.compile(
    r"[^\S\n]*[A-Za-z][^\n]*?\S[^\S\n]{3,}(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\d,.])(?![^\S\n]{2,}\S)"
)


def _header(lines: list[str], first: int, floor: int) -> tuple[list[str], int]:
    """The header lines over a table's first row (top first) and the index above them."""
    k = first - 1
    while k >= floor and _is_rule(lines[k]) and lines[k].strip():
        k -= 1
    got: list[str] = []
    while k >= floor and len(got) < _HEADER_LINES:
        ln = lines[k]
        if not ln.strip() or _is_rule(ln) or _UNIT_LINE.search(ln) or _CAPTION.match(ln):
            break
        if LABELLED_LEADER_ROW.match(ln) or _BOX_ROW.match(ln):
            break  # a fact box's row above ("Partner universities .... 186 (in 43 ...)")
        indented = _indent(ln) >= 4
        if not (indented or re.search(r"\S(?:[^\S\n]{2,}|\s*\|\s*)\S", ln)):
            break
        got.append(ln)
        k -= 1
    got.reverse()
    return got, k


def _caption(lines: list[str], k: int, floor: int) -> tuple[str, str]:
    """(caption, unit line) above a table's header: the nearest numbered caption ("Table
    2. ...", "10-3  ...", "Table: ...") and "Unit: ..." line within a few lines."""
    caption = unit = ""
    for i in range(k, max(floor, k - _CAPTION_LINES) - 1, -1):
        ln = lines[i]
        m = _UNIT_LINE.search(ln)
        if m and not unit:
            unit = m.group(1).strip()
            continue
        c = _CAPTION.match(ln)
        if c:
            caption = ln[c.end() :].strip()
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if (
                nxt
                and not _UNIT_LINE.search(nxt)
                and not _is_rule(nxt)
                and i + 1 <= k
                and not _SPLIT.search(nxt)
            ):
                caption += " " + nxt  # a caption wrapped over two lines
            break
    return caption, unit


# a table's first column header naming partners, or a caption of a figure by partner
_PARTNER_HEAD = re.compile(
    r"^\s*(?:Host\s+countr(?:y|ies)|Sources?|Partners?|Suppliers?|Destinations?|Origin|"
    r"Countr(?:y|ies)(?:\s+of\s+origin)?|Economy|Region)\b",
    re.I,
)
_PARTNER_CAPTION = re.compile(
    r"\bby\s+(?:(?:main|major|supplying|partner)\s+)*(?:source|partner|supplier|destination|"
    r"host\s+countr|countr)|\bhost\s+countries\b",
    re.I,
)


def _offsets_back(doc):
    """(original offsets, cleaned offsets, lengths) of the document's segments, by original."""
    segs = sorted(doc.segments, key=lambda s: s[1])
    return [s[1] for s in segs], [s[0] for s in segs], [s[2] for s in segs]


def _to_clean(index, a: int) -> int | None:
    origs, cleans, lens = index
    i = bisect.bisect_right(origs, a) - 1
    if i < 0 or a >= origs[i] + lens[i]:
        return None
    return cleans[i] + (a - origs[i])


def table_cells(doc) -> list[tuple[int, int, Cell]]:
    """The cells of a document's tables as (start, end) in its cleaned text with the cell;
    cells cleaning removed are left out."""
    text = doc.text
    if not _hinted(text):
        return []
    original = doc.original
    cells = find_cells(original, text)
    if not cells:
        return []
    if original is text:
        return [(c.start, c.end, c) for c in cells]
    index = _offsets_back(doc)
    out = []
    for c in cells:
        a = _to_clean(index, c.start)
        b = _to_clean(index, c.end - 1)
        if a is None or b is None or b + 1 - a != c.end - c.start:
            continue
        out.append((a, b + 1, c))
    return out


def scale_of(words: str) -> tuple[str, float] | None:
    """(currency, factor) a header or unit cell gives money cells in ("US$ 100 million",
    "10 000 USD", "USD million"); None when it names no currency."""
    code = next((code for pattern, code in _CURRENCY if pattern.search(words)), None)
    other = _lexicon_currencies()[0].search(words)
    if other is not None:
        # (a currency the four above leave out or read too short, "HK$ m", "NT$ million",
        # "Hong Kong dollars": the lexicon's longer name; a bare "$" stays the US dollar)
        got = _lexicon_currencies()[1][other.group(0).lower()]
        if code is None or (got != code and len(other.group(0)) > 3):
            code = got
    if code is None:
        return None
    for sp, factor in _SCALES:
        if sp.search(words):
            return code, factor
    return code, 1.0


def caption_subject(caption: str) -> str:
    """The words of a caption that name what its table counts: without its years and its
    breakdown ("Technology Import Contracts by Major Supplying Country, 2017")."""
    subject = _BY.sub("", _BY.sub("", caption)).strip(" ,.:")
    head, _sep, tail = subject.rpartition(",")
    if head and caption_scale(tail) is not None:
        subject = head.strip(" ,.:")  # "Chinese students going abroad, thousands"
    return subject


def caption_scale(words: str) -> tuple[str, float] | None:
    """(unit, factor) a caption's last part gives its figures: a currency and its scale
    ("value in US$ billion"), or a scale of counts ("thousands", "(in millions)")."""
    words = words.strip(" .:")
    got = scale_of(words)
    if got is not None:
        return got
    for pattern, factor in _COUNT_SCALE:
        if pattern.match(words):
            return "count", factor
    return None


def caption_year(caption: str) -> tuple[int | None, int | None]:
    """(single year, end year of a range) a caption names at its end ("..., 2017",
    "(1998)", "2006-2011", "2001-06")."""
    m = re.search(r"((?:19|20)\d\d)(?:\s*[-–/]\s*(\d{2,4}))?\)?\s*$", caption)
    if m is None:
        return None, None
    if m.group(2):
        start, end = int(m.group(1)), m.group(2)
        end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
        return None, end_year
    return int(m.group(1)), None


def lead_word(label: str) -> str:
    """A row label without its column word ("Value of technology import contracts")."""
    return _LEAD.sub("", label)


# --------------------------------------------------------------------------- reading


def _phrase_indicator(phrase: str, unit: str) -> str:
    """The indicator a phrase names as the noun a figure counts ("1 <phrase>"), or as what a
    sum is worth ("USD 1 <phrase>", "<phrase> USD 1")."""
    from analysis.classify import UNCLASSIFIED, _classify

    phrase = " ".join(phrase.split())
    if not phrase:
        return UNCLASSIFIED
    text = "1 " + phrase
    got = _classify(text, unit, (0, 0), (1, len(text)), (0, len(text)))[0]
    if got == UNCLASSIFIED and unit != "count":
        text = phrase + " 1"
        got = _classify(text, unit, (0, len(phrase)), (len(text), len(text)), (0, len(text)))[0]
    return got


def _worth(words: str, side: str | None = None) -> str:
    """What the things a label counts are worth ("Technology import contracts (number)":
    tech_import_value), or unclassified; ``side`` ("im", "ex"), when the value's label names
    a trade's side, must be the things' side ("imports" under an import row)."""
    from analysis.classify import UNCLASSIFIED, indicator_lexicon

    got = _phrase_indicator(_LABEL_UNIT.sub("", words).strip(), "count")
    got = indicator_lexicon().worth.get(got, UNCLASSIFIED) if got != UNCLASSIFIED else got
    return got if side is None or side.lower() in got else UNCLASSIFIED


def cell_indicator(cell: Cell, unit: str) -> str:
    """A cell's indicator: its row label's (its caption's when the rows are years, totals or
    partners), turned by its column header (indicators.yaml ``columns``, ``worth``)."""
    from analysis.classify import UNCLASSIFIED, indicator_lexicon

    lex = indicator_lexicon()
    cols = lex.table_columns
    header = cell.header
    if cols.get("part") is not None and cols["part"].search(header):
        return UNCLASSIFIED  # "Of which: equipment": a part of the row's whole
    own = not (cell.year_rows or cell.partner_rows or _TOTAL.match(cell.label))
    value_only = _VALUE_ONLY.fullmatch(cell.label) if own else None
    if own and cell.indent > 0 and not cell.year_rows:
        if cell.parent and value_only is not None:
            # a row of the value of the row it is set in under ("Technology import contracts
            # (number)" / "  Contract value (US$ 100 million)"): what those things are worth
            return _worth(cell.parent, value_only.group(1))
        if (worth := _VALUE_OF.match(cell.label)) is not None and unit not in ("count", "percent"):
            # ... or that names what it is the value of ("Technology export contracts signed
            # (number)" / "  Value of technology export contracts", in US$ 10,000)
            return _worth(worth.group(1))
        return UNCLASSIFIED  # a row set in under its whole ("  Licensing of technology")
    if value_only is not None and cell.previous and unit not in ("count", "percent"):
        # ... and so is one right under the row of those things ("Technology import contracts
        # (number)" / "Contract value of imports (US$ bln)")
        got = _worth(cell.previous, value_only.group(1))
        if got != UNCLASSIFIED:
            return got
    subject = lead_word(cell.label) if own else caption_subject(cell.caption)
    money = unit not in ("count", "percent") or bool(
        lex.column_money is not None and lex.column_money.search(header + " " + cell.label)
    )
    count = lex.column_count is not None and lex.column_count.search(header)
    got = UNCLASSIFIED
    phrases = [subject, header + " " + subject] if subject else [header]
    if own and cell.caption:
        # (a row's words that say nothing the caption does not: "PRC students enrolled" under
        # "Chinese students in the United States, selected years")
        phrases.append(caption_subject(cell.caption))
    at = subject.lower().find(header.strip().lower()) if subject and header.strip() else -1
    if not own and at > 0:
        # a caption naming its columns ("Students and scholars sent abroad and returned",
        # columns "Sent abroad", "Returned"): a column is the caption's words up to its head,
        # unless its head names what it counts by itself ("Hybrid rice demonstration
        # projects and trainees ..., by partner", columns "Projects", "Trainees")
        phrases.insert(0, subject[:at] + header.strip())
        phrases.insert(0, header)
    elif not own and header.strip():
        # a header that names what its column counts by itself outranks the caption's words
        # for the whole table: "Import contracts (number)" under "Technology import and
        # export contracts, 2001-2004"
        phrases.insert(0, header)
    # a row of counted things in counts ("Projects funded   431") is never read as money
    counted = unit == "count" and lex.column_count is not None and lex.column_count.match(subject)
    for phrase in phrases:
        got = _phrase_indicator(phrase, "count")
        if got == UNCLASSIFIED and not counted:
            got = _phrase_indicator(phrase, "USD")
        if got != UNCLASSIFIED:
            break
    bracket = _LABEL_UNIT.search(subject) if own and got == UNCLASSIFIED else None
    if bracket is not None:
        # the unit a label's bracket names may itself tell what is counted: "Foreign visitors
        # received (person-times)" counts visits as "2,000 person-times of foreign visitors"
        rest = subject[: bracket.start()].strip()
        got = _phrase_indicator(f"{bracket.group(1).strip()} of {rest}", "count")
    if got == UNCLASSIFIED:
        return got
    if money and not (count and unit in ("count", "percent") and "value" not in header.lower()):
        if got in lex.worth:
            return lex.worth[got]
        # money on a row of counted things that have no worth of their own ("Joint
        # laboratories   320" in RMB 10,000): what the words say of money, never the count's
        return next(
            (m for m in (_phrase_indicator(p, "USD") for p in phrases) if m != UNCLASSIFIED),
            UNCLASSIFIED,
        )
    if count:
        return lex.counted_by.get(got, got)
    return got


# a row label telling a flow within its period: "signed in 2007", "new", "during the year"
_FLOW_LABEL = re.compile(
    r"\b(?:new|newly|signed|set\s+up|established|opened|added|during|in\s+(?:19|20)\d\d|"
    r"this\s+year|per\s+year|a\s+year)\b",
    re.I,
)


def cell_measure(cell: Cell, unit: str, indicator: str, old: str) -> str:
    """A cell's measure: a change or share as its header says ("Growth (%)", "Share of value
    (%)"), a running total on a "Total" row under rows of years, else the indicator's own."""
    from analysis.classify import UNCLASSIFIED, indicator_lexicon

    lex = indicator_lexicon()
    cols = lex.table_columns
    words = cell.header + " " + cell.label
    if unit == "percent":
        for m in ("change", "share"):
            if cols.get(m) is not None and cols[m].search(words):
                return m
        return old
    if cell.year_rows and _TOTAL.match(cell.label):
        return "cumulative"
    if old in ("annual", "cumulative") and _spans_years(cell.label + " " + cell.header):
        # a flow on a row or column of a span of years ("Eighth (1991-1995)", "2006-2010"):
        # the span's total, at its end
        return "cumulative"
    if _span_total_year(cell) is not None and "annual" in (old, lex.measures.get(indicator)):
        # ... or a flow in a table of partners whose caption names a span and whose rows and
        # columns name no year ("Projects and trainees received in China, by partner,
        # 1979-2013" / "Partner   Projects   Trainees")
        return "cumulative"
    if cols.get("total") is not None and cols["total"].search(cell.header):
        return "cumulative"
    if cols.get("level") is not None and cols["level"].search(cell.caption + " " + words):
        return "level"
    if (
        old == "annual"
        and indicator != UNCLASSIFIED
        and lex.measures.get(indicator) == "level"
        and not _FLOW_LABEL.search(cell.label)
    ):
        # a standing thing a row counts ("Intergovernmental S&T agreements ...... 91" in a box
        # of a year's figures): a level at that year, unless its label tells a year's flow
        return "level"
    if (
        old == "level"
        and indicator != UNCLASSIFIED
        and lex.measures.get(indicator) == "annual"
        and cell_year(cell) is not None
    ):
        # a flow in a table of a year ("Technology import contracts by main source, 2003"):
        # that year's, though the words around the table name none
        return "annual"
    if old in ("annual", "level"):
        return old  # what the row's own reading made of a count of a year
    if indicator == UNCLASSIFIED:
        return "annual"
    return lex.measures.get(indicator, "level")


# a year anywhere in a label or a header
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# a span of years in a label ("1991-1995", "2006–10"; not an academic year, "2003-04")
_YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d|\d\d)(?!\d)")


def _spans_years(words: str) -> bool:
    """True when ``words`` name a span of more than two years."""
    for m in _YEAR_SPAN.finditer(words):
        first, last = m.group(1), m.group(2)
        end = int(last) if len(last) == 4 else int(first[:2] + last)
        if end - int(first) >= 2:
            return True
    return False


def _span_total_year(cell: Cell) -> int | None:
    """The end of the span of years a table of partners totals: its caption ends in a span
    of more than two years ("..., by partner, 1979-2013") and its row and column name no
    year; else None."""
    if not cell.partner_rows or cell.year is not None or not cell.header.strip():
        return None
    if _A_YEAR.search(cell.label + " " + cell.header) or not _spans_years(cell.caption):
        return None
    return caption_year(cell.caption)[1]


def cell_year(cell: Cell) -> int | None:
    """A cell's year: its row's, its column header's, or its caption's."""
    if cell.year is not None:
        return cell.year
    ys = list(re.finditer(r"(?<!\d)((?:19|20)\d\d)(?:/((?:19|20)?\d\d))?(?!\d)", cell.header))
    if len(ys) == 1:
        return _year_of(ys[0])
    if (end := _span_total_year(cell)) is not None:
        return end
    one, end = caption_year(cell.caption)
    if cell.year_rows and _TOTAL.match(cell.label):
        return cell.last_year or end
    return one


_CAPTION_PERCENT = re.compile(r"\((?:[^()]*[,;]\s*)?(?:%|per\s?cent)\)\s*$", re.I)
_SHARE_HEAD = re.compile(r"(?:share|proportion)(?:\s+of\s+(?:the\s+)?total)?", re.I)


def cell_value(cell: Cell) -> tuple[float, str]:
    """(value, unit) of a cell: a percent column's or cell's figure, money scaled by the
    currency and factor of its header, its row's unit cell or the unit line."""
    number = cell.number.replace(",", "").replace(" ", "").replace("−", "-")
    value = float(number)
    # a row label's last bracket is the row's unit ("Technology import contracts ($ billion)",
    # "Funds allocated (RMB 10,000)", "Share of imports (%)")
    bracket = _LABEL_UNIT.search(cell.label)
    label_unit = bracket.group(1) if bracket else ""
    if cell.percent or _PERCENT.search(cell.header) or label_unit.strip() == "%":
        return value, "percent"
    if _CAPTION_PERCENT.search(cell.caption) or _SHARE_HEAD.fullmatch(cell.header.strip()):
        # a caption's last bracket naming percent ("Technology imports by source, 2010 (share
        # of contract value, %)"), or a column headed by share alone
        return value, "percent"
    got = scale_of(cell.header) or (scale_of(label_unit) if label_unit else None)
    if got is None and cell.unit:
        parts = [p for p in re.split(r"[;,]\s*(?!\d{3})", cell.unit) if p.strip()]
        money = [scale_of(p) for p in parts if scale_of(p)]
        from analysis.classify import indicator_lexicon

        lex = indicator_lexicon()
        money_head = lex.column_money is not None and lex.column_money.search(cell.header)
        if len(money) == 1 and (money_head or len(parts) == 1):
            got = money[0]
    if got is None and cell.caption:
        got = _caption_kind_scale(cell.caption, cell.label)
    if got is None and label_unit and (people := _PEOPLE_SCALE.match(label_unit.strip())):
        from analysis.numbers import _scaled

        return _scaled(value, 1e4 if people["tenk"] else 1e3), "count"
    if got is None and (bracket := _LABEL_UNIT.search(cell.caption)) is not None:
        # a caption's last bracket naming money ("Technology export value by destination,
        # 2012 (US$ million)"): every cell's, where the row and column name none
        got = scale_of(bracket.group(1))
    if got is None and cell.year_rows and "," in cell.caption:
        # a chart's caption: "Value of technology import contracts, US$ billion"
        got = caption_scale(cell.caption.rpartition(",")[2])
    if got is None:
        return value, "count"
    code, factor = got
    from analysis.numbers import _scaled

    return _scaled(value, factor), code  # (256.4 US$ 100 million is 25640000000 exactly)


# a caption's last bracket giving each kind of row its unit: "(value: US$ 10,000; personnel:
# persons)"
_KIND_UNITS = re.compile(r"\(([^()]*:[^()]*)\)\s*$")


def _caption_kind_scale(caption: str, label: str) -> tuple[str, float] | None:
    """(currency, factor) a caption's bracket gives the rows of one kind, when the row's
    label holds that kind's word and its unit is money ("Value of technology export
    contracts" under "(value: US$ 10,000; personnel: persons)"); None else."""
    m = _KIND_UNITS.search(caption)
    if m is None:
        return None
    words = set(re.findall(r"[a-z]+", label.lower()))
    for part in m.group(1).split(";"):
        kind, _, unit = part.partition(":")
        kind = kind.strip().lower()
        if kind and unit and kind in words and (got := scale_of(unit)) is not None:
            return got
    return None


def _in_label_unit(text: str, rows, starts, by_start, a: int, cell: Cell) -> list[int]:
    """Rows made of the unit in a cell's row label, on the cell's line before it ("RMB 10,000"
    of "Funds allocated (RMB 10,000)   1,120"): a scale, never a figure."""
    bracket = _LABEL_UNIT.search(cell.label)
    if bracket is None or not any(ch.isdigit() for ch in bracket.group(1)):
        return []
    line_start = text.rfind("\n", 0, a) + 1
    lo = bisect.bisect_left(by_start, line_start)
    return [
        starts[j]
        for j in range(lo, len(starts))
        if by_start[j] < a and text[by_start[j] : rows[starts[j]]["end"]] in bracket.group(1)
    ]


def _label_partner(label: str) -> str:
    """The one partner a row label names ("Republic of Korea"), or ""."""
    from analysis.partners import find_partners

    found = find_partners(label)
    return found[0][2] if len(found) == 1 else ""


# the owners of a page whose table by partner is their own, not the nation's
_OWN_PAGES = ("local", "agency", "programme")


def read_tables(doc, rows: list[dict], make_row, voice=None) -> list[dict]:
    """``rows`` with each table cell's row read by its table (:class:`Cell`): the rows a cell
    overlaps give way to one row of the whole cell ("3 207"), with its table's indicator,
    measure, year, unit and value; a cell no row was made for (a signed "-20.5") gets one.
    ``voice``: (scope, actor) of whoever owns the page's figures (classify.page_voice)."""
    cells = table_cells(doc)
    if not cells:
        return rows
    starts = sorted(range(len(rows)), key=lambda i: rows[i]["start"])
    by_start = [rows[i]["start"] for i in starts]
    drop: set[int] = set()
    added: list[dict] = []
    sibling: dict[int, dict] = {}
    for a, b, cell in cells:
        lo = bisect.bisect_left(by_start, a - 40)
        hit = [
            starts[j]
            for j in range(lo, len(starts))
            if by_start[j] < b and rows[starts[j]]["end"] > a and rows[starts[j]]["start"] >= a - 40
        ]
        hit = [i for i in hit if rows[i]["start"] >= a or rows[i]["end"] > a]
        old = rows[hit[0]] if hit else sibling.get(cell.row_key, sibling.get(cell.table_key))
        if old is None:
            continue
        value, unit = cell_value(cell)
        if unit == "percent" and value == 100 and _TOTAL.match(cell.label):
            drop.update(hit)  # a total row of shares ("Total  100.0"): the whole, no figure
            continue
        indicator = cell_indicator(cell, unit)
        year = cell_year(cell)
        measure = cell_measure(cell, unit, indicator, old["measure"])
        scope, actor = old["scope"], old["actor"]
        if cell.partner_rows and voice is not None and voice[0] in _OWN_PAGES:
            # a university's, a province's, an academy's table by partner: its own figures,
            # its total too
            scope, actor = voice
        elif cell.partner_rows and scope in ("national", "foreign"):
            # a table by partner ("Source  Share"): each row's partner is its label's, and a
            # row naming none ("Others", "Total") is the nation's
            scope, actor = "national", _label_partner(cell.label)
        elif scope == "national" and not actor and cell.caption:
            # a table of the nation's dealings with one partner its caption names ("Chinese
            # students in the United States, selected years"): that partner's line
            actor = _label_partner(caption_subject(cell.caption))
        new = make_row(
            doc,
            old["sentence"],
            a,
            b,
            value=value,
            unit=unit,
            indicator=indicator,
            measure=measure,
            scope=scope,
            actor=actor,
            year=year if year is not None else old["year"],
            year_basis="explicit" if year is not None else old["year_basis"],
            counted=cell.label if not cell.year_rows else cell.header,
        )
        drop.update(hit)
        drop.update(_in_label_unit(doc.text, rows, starts, by_start, a, cell))
        sibling[cell.row_key] = sibling[cell.table_key] = new
        added.append(new)
    if not added:
        return rows
    kept = [r for i, r in enumerate(rows) if i not in drop]
    return sorted(kept + added, key=lambda r: r["start"])
