"""Numbers that number or time things instead of counting them: page furniture inside kept lines. A
clock time or timecode ("16:42:31", "09:00–10:30", "[00:02:18]", "10.00 a.m.", "9.00-16.00", a
running time "27'40\""), a station's frequency ("91.5 FM"), a part's number ("1/12", "page
2/4"), a label's number ("Room 301", "Question No. 19284", "Table 2", "pp. 231-248", "Session
5"), a site's counter ("2,311 views", "12 likes", "4 min read", "(24 photos)"), a telephone
number ("+31 70 344 0640", "Tel: 010-6559 2800", "+33 1 44 96 51 51", "Fax: 2565 1622"), a
street number ("83 Shuangqing Road", "350 East 35th Street", "3 Sanlitun Dongsanjie,") or a
postcode beside its city ("..., Beijing 100037", "100085 Beijing, China") or a temperature
("sunny, 18 degrees") is never a figure, wherever it stands. The words are ``boilerplate.yaml``
``numbering``; :func:`numbering_at` is asked by the number grammar
(:func:`analysis.numbers._parse`) for every number it reads."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from analysis.config import load_lexicon
from analysis.sentencedates import calendar_eras


class _Numbering(NamedTuple):
    label: re.Pattern[str]  # matched backwards: a label right before the number, or its
    # number and "of", "and", "to" ("Slide 3 of 12", "channels 1 and 2")
    counter: re.Pattern[str]  # right after the number: a site's counter
    short_counter: re.Pattern[str]  # right after a count cut short ("388k Members")
    street: re.Pattern[str]  # right after the number: a street's name
    phone: re.Pattern[str]  # a telephone's label shortly before the number
    line: re.Pattern[str]  # a label that numbers its whole line ("Y axis: 0  10  20")
    counted: re.Pattern[str]  # a counter's label before the number ("Subscribers: 3,412")
    bar: re.Pattern[str]  # a counter's label and a bar's dot before the number ("Like · 24")
    field: re.Pattern[str]  # a counter's label opening its field ("Visitors: 3,475,112")
    field_line: re.Pattern[str]  # such a field anywhere in a line, its number after it
    degrees: re.Pattern[str]  # right after the number: degrees, perhaps their scale
    weather: re.Pattern[str]  # a word of the weather before a number of degrees
    weather_clause: re.Pattern[str]  # "it is" right before a number of degrees
    journal: re.Pattern[str]  # a journal's name before its volume (and issue)
    marks: frozenset[str]  # the marks of a post's counters ("♡", "⟲", "💬")
    mark_line: re.Pattern[str]  # a line of only such marks, each with its count
    # every word of a label, a telephone's label or a counter: the word before a number
    # (past "No.", "#", "3 of") must be one of them for ``label``, ``phone`` or ``counted``
    # to match (a fast test before those searches; plain twin in tests/test_numbering.py)
    words: frozenset[str]


@functools.cache
def numbering() -> _Numbering:
    """The ``numbering`` section of boilerplate.yaml, compiled once."""
    cfg = load_lexicon("boilerplate")["numbering"]

    def words(items: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)

    # a label and what may stand between it and the number: "Question No. 19284", "Room
    # #301", "pp. 231-248", "booths 1-48" (a label's plural numbers a range of them), a
    # record's field "Parl No.: 38"
    label = re.compile(
        rf"(?<![\w-])(?:{words(cfg['labels'])})s?\.?\s*[:：]?\s*(?:(?:no|nr|num)\.?\s*[:：]?\s*|#\s*)?"
        r"(?:\d{1,4}\s*(?:of|and|or|to|-|–|&|/)\s*)?$",
        re.I,
    )
    # (a share of a site's votes too: "94% Upvoted")
    counter = re.compile(rf"(?:\s*%)?\s*(?:{words(cfg['counters'])})\b", re.I)
    short = [*cfg["counters"], *cfg.get("short_counters", [])]
    short_counter = re.compile(rf"\s*(?:{words(short)})\b", re.I)
    # (a Chinese street's name in pinyin may run to five syllables, "3 Dong Zhi Men Nan Da
    # Jie", or end in its street word, "3 Sanlitun Dongsanjie, Chaoyang District": then a
    # comma or the line's end follows)
    street = re.compile(
        rf"\s+(?:(?:[A-Z][\w'’-]*\s+|\d{{1,3}}(?:st|nd|rd|th)\s+){{1,3}}(?:{words(cfg['streets'])})\b\.?"
        rf"|(?:[A-Z][a-z]*\s+){{4,5}}(?:{words(cfg['streets'])})\b"
        r"|(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:jie|lu|dajie|hutong)(?=[ \t]*(?:,|$)))",
        re.UNICODE | re.M,
    )
    phone = re.compile(rf"(?<![\w-])(?:{words(cfg['phones'])})\.?\s*[:：]?\s*$", re.I)
    line = re.compile(rf"(?<![\w-])(?:{words(cfg['line_labels'])})\s*[:：]", re.I)
    counted = re.compile(rf"(?<![\w-])(?:{words(cfg['counters'])})\s*[:：]\s*$", re.I)
    bar = re.compile(rf"(?<![\w-])(?:{words(cfg['counters'])})\s*[·•]\s*$", re.I)
    field_words = words(cfg.get("field_counters") or []) or r"(?!)"
    field = re.compile(rf"(?:^|\s{{2,}}|[|·•]\s*)(?:{field_words})\s*[:：]\s*$", re.I | re.M)
    # (read forwards: a blog's bar "Blog of ...  |  Posts: 214  |  Visits: 86,402" is no headline)
    field_line = re.compile(rf"(?:^|\s{{2,}}|[|·•]\s*)(?:{field_words})\s*[:：]\s*\d", re.I | re.M)
    scales = words(cfg.get("temperature_scales") or []) or r"(?!)"
    # (a scale's letter alone too, with the weather before it: "Wx ...: clear, high 15 C.")
    degrees = re.compile(
        rf"\s?°\s?(?P<sign>{scales})\b|\s+degrees?\b(?:\s+(?P<scale>{scales})\b)?"
        r"|\s(?-i:[CF])(?![\w'’&-])",
        re.I,
    )
    weather = re.compile(rf"\b(?:{words(cfg.get('weather') or []) or '(?!)'})\b", re.I)
    clauses = words(cfg.get("weather_clauses") or []) or "(?!)"
    weather_clause = re.compile(rf"\b(?:{clauses})\s+(?:[a-z]+\s+){{0,2}}$", re.I)
    journal = re.compile(
        rf"\b(?:{words(cfg.get('journal_words') or []) or '(?!)'})\s(?:\d{{1,4}}:)?$", re.I
    )
    marks = cfg.get("counter_marks") or []
    mark = "|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True)) or r"(?!)"
    mark_line = re.compile(rf"(?:[ \t]*(?:{mark})\ufe0f?[ \t]*\d[\d,.]*[KkM]?)+[ \t]*$", re.M)
    vocabulary = [*cfg["labels"], *cfg["phones"], *cfg["counters"]]
    words_before = frozenset(w.strip(".").lower() for item in vocabulary for w in item.split())
    return _Numbering(
        label,
        counter,
        short_counter,
        street,
        phone,
        line,
        counted,
        bar,
        field,
        field_line,
        degrees,
        weather,
        weather_clause,
        journal,
        frozenset(marks),
        mark_line,
        words_before,
    )


# what may stand between a label and its number: blanks, marks, "No.", a first number and "of"
_BETWEEN = frozenset(" \t\n.#:：&–-/0123456789")
_BETWEEN_WORDS = frozenset({"no", "nr", "num", "of", "and", "or", "to"})


_WORD_PARTS = re.compile(r"[^\w.'’]+")


def _words_before(before: str) -> list[str]:
    """The last words of ``before``, back to the first that is no mark, number, "No." or
    "of" (lower case, points and opening brackets stripped): a label ends with one of them."""
    out = []
    end = len(before)
    while end:
        while end and before[end - 1] in _BETWEEN:
            end -= 1
        start = end
        while start and not before[start - 1].isspace() and before[start - 1] not in "#:：":
            start -= 1
        word = before[start:end].strip(".").lstrip("([{\"'“‘").lower()
        out.append(word)
        # (and the word's last part after a mark inside it, where a label may start as the
        # label patterns read a word's edge: "CPR/80/P" ends on "p")
        tail = _WORD_PARTS.split(word)[-1]
        if tail and tail != word:
            out.append(tail)
        if word not in _BETWEEN_WORDS:
            break
        end = start
    return out


# a clock's hour or minute beside the number: "16:42", "00:00:05", "10.00 a.m.", "9 pm",
# "7 o'clock"
# (Hansard's "3.7 p.m." writes its minutes with one digit; "07.00 GMT" names its zone)
# (an American wire's "ET" and "PT" too, and a programme schedule's "gmt": "at 0930 gmt")
_ZONES = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|CST|CDT|PST|PDT|PT|BJT|JST|KST|HKT|gmt|utc)"
_CLOCK_AFTER = re.compile(
    r"(?::[0-5]\d(?!\d)|\.[0-5]?\d\s*[ap]\.?\s?m\b|\s*[ap]\.?\s?m\.?(?!\w)"
    rf"|\.[0-5]\d\s*{_ZONES}\b"
    r"|\s+o['’]\s?clock\b)"  # ("after the news at 9 o'clock")
)
_CLOCK_BEFORE = re.compile(r"(?<!\d)\d{1,2}:$")
_ZONE_OFFSET_BEFORE = re.compile(r"\b(?:UTC|GMT)\s?[+\-−]$")
_ZONE_AFTER = re.compile(rf"\s?{_ZONES}\b")  # (after a clock in four digits: "1104 GMT")
# two clock times with points, a span of hours ("9.00-16.00", "08.30 – 12.00"): on the
# quarter hour, and no share, sum or multiple after them ("1.30-2.45 percent" is none)
_DOT_CLOCK = r"(?:[01]?\d|2[0-4])\.(?:00|15|30|45)"
_DOT_CLOCKS = re.compile(
    rf"{_DOT_CLOCK}\s*[-–]\s*{_DOT_CLOCK}(?![.,]?\d)"
    r"(?!\s*(?:%|per\s*cent|percent|million|billion|times|fold)\b)",
    re.I,
)
_DOT_CLOCK_BEFORE = re.compile(rf"{_DOT_CLOCK}\s*[-–]\s*$")


def _dot_clock_from(before: str, start: int) -> int:
    """Where the first clock of a span ends right before ``start`` begins (``start`` when
    ``before`` does not end with one)."""
    m = _DOT_CLOCK_BEFORE.search(before)
    return start - (len(before) - m.start()) if m else start


# minutes and seconds of a running time: "27'40\"", "6′42″"
_RUNNING_TIME_AFTER = re.compile(r"['′][0-5]\d[\"″]")
_RUNNING_TIME_BEFORE = re.compile(r"(?<![\w.,])\d{1,3}['′]$")
# a radio station's frequency: "91.5 FM", "101 FM", "1170 kHz"
_FREQUENCY_AFTER = re.compile(r"(?:\.\d{1,2})?\s?(?:FM|MHz|kHz)\b")
# a part of a whole counted by its place: "1/12", "page 2/4" (not a date: "12/03/2015")
_OF_PARTS_AFTER = re.compile(r"/\d{1,3}(?![\d/])")
_OF_PARTS_BEFORE = re.compile(r"(?<![\d/])\d{1,3}/$")
# a date written with slashes, its first field: "11/17/98", "3/4/2001"
_SLASH_DATE_AFTER = re.compile(r"/\d{1,2}/(?:\d{4}|\d{2})(?!\d)")
# a page cited after its author and year: "(Deng 1984: 102)", "Lampton et al. 1986: 23-4)"
# (or after a comma inside the citation's brackets: "(Liu and Sato 2006, 77)")
_CITE_BEFORE = re.compile(
    r"\b[A-Z][\w.'’-]*(?:\s+et\s+al\.?)?,?\s+(?:1[5-9]|20)\d\d[a-z]?\s*:\s*$"
    r"|\([^()\n]{0,60}?\b[A-Z][\w.'’-]*(?:\s+et\s+al\.?)?\s+(?:1[5-9]|20)\d\d[a-z]?,\s*$"
)
_CITE_AFTER = re.compile(r"(?:\s*[-–]\s*\d{1,4})?\s*[);]")
# a journal's volume and page before the issue's date: "Nature 543, 601 (30 March 2017)",
# "Science 312, 1234-1236 (2006)"
_ISSUE_DATE = r"(?:[-–]\d{1,5})?\s\((?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:1[89]|20)\d\d\)"
_VOLUME_BEFORE = re.compile(r"\b[A-Z][A-Za-z.&]*\s$")
_VOLUME_AFTER = re.compile(r",\s\d{1,5}" + _ISSUE_DATE)
_JOURNAL_PAGE_BEFORE = re.compile(r"\b[A-Z][A-Za-z.&]*\s\d{1,4},\s$")
_JOURNAL_PAGE_AFTER = re.compile(_ISSUE_DATE)
# a journal's volume (and issue) before its year in brackets: "China Quarterly 215 (2013)",
# "Journal of Northeast Asian Studies 4:4 (1982)"
_VOLUME_YEAR_AFTER = re.compile(r"(?::\d{1,3})?\s\((?:1[89]|20)\d\d\)")
# a journal's volume, its year in brackets and its pages after a colon or comma, closing the
# note: "Int. J. Mod. Phys. D 20 (2011), 989-1024.", "Journal of Glaciology 38 (1992): 45-61."
_VOLUME_YEAR_PAGES = re.compile(
    r"\s\((?:1[89]|20)\d\d\)\s?[,:]\s\d{1,5}(?:[-–]\d{1,5})?\s*(?:[.;]|$)", re.M
)
_PAGES_AFTER_VOLUME = re.compile(r"\d{1,4}\s\((?:1[89]|20)\d\d\)\s?[,:]\s$")
_PAGES_END = re.compile(r"(?:[-–]\d{1,5})?\s*(?:[.;]|$)", re.M)
# a chapter's pages after its book's place and year in brackets: "Post-Mao China (Cambridge,
# MA, 1989), 45-76."
_IMPRINT_PAGES_BEFORE = re.compile(r"\([A-Z][^()\n]{0,60},\s(?:1[89]|20)\d\d\),\s$")
_IMPRINT_PAGES_AFTER = re.compile(r"[-–]\d{1,4}\s*(?:[.;]|$)", re.M)
# a page's hit counter: "This page has been accessed 4,312 times"
_HITS_BEFORE = re.compile(r"\b(?:accessed|viewed|downloaded)\s$")
_HITS_AFTER = re.compile(r"\s+times\b")
# a site's counter bar: "1,284 · 87 comments" (the first of a bar's counters is the
# reactions'), "Like · 24"
_BAR_NEXT = re.compile(r"[ \t]*[·•][ \t]*\d[\d,.]*[KkM]?")
# a section's number opening a line: "1.1 The two sides agreed ..."
_SECTION_AT_LINE_START = re.compile(r"\.\d{1,2}\s+[A-Z]")
# a heading's line after a bare number: words, no sentence's stop ("1 History", "3 The scale
# of UK-China research collaboration", "2 Agreements and joint institutions")
_HEADING_AFTER = re.compile(
    r"[ \t]+(?P<first>[A-Z][\w'’-]*)(?:[ \t]+[\w'’&,:()–-]+){0,10}[ \t]*$", re.M
)
_ARTICLES = frozenset({"The", "A", "An"})


def _bare_section_number(text: str, start: int, end: int) -> bool:
    """True when a number of one or two digits opening its line numbers the heading after it:
    the line is a heading's (words without a sentence's stop), and an article opens it ("3 The
    scale of ...": no count stands before "The") or a line of the page opens with the number
    before or after it in the same form ("1 History" over "2 Framework programmes", in a
    table of contents or as the sections themselves)."""
    head = _HEADING_AFTER.match(text, end)
    if head is None:
        return False
    if head.group("first") in _ARTICLES:
        return True
    k = int(text[start:end])
    return any(
        re.search(rf"(?m)^[ \t]*{j}[ \t]+[A-Z][^.!?\n]*$", text) for j in (k - 1, k + 1) if j > 0
    )


# a volume and its issue: "11(3)"; a duration in brackets: "[2 min]"
_ISSUE_AFTER = re.compile(r"\(\d{1,3}\)")
_MINUTES_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}\s?min\.?\s$")
_SECONDS_AFTER = re.compile(r"\s?(?:s|sec|secs)\b(?!['’])")
_BRACKET_DURATION = re.compile(r"\s*(?:min|mins|minutes|sec|secs|seconds)\.?\s*\]", re.I)
# telephone numbers: "+31 70 344 0640", "(010) 6559 2800": digit groups apart by single
# blanks, hyphens or brackets; a North American one has its area code in brackets: "(202)
# 334-2718"
_PHONE_RUN = re.compile(r"\+?\(?\d{1,4}\)?(?:[ -]\(?\d{2,4}\)?){2,}")
_PHONE_PREFIX = re.compile(r"\+|\(?0\d|\(\d{3}\)\s?\d{3}-\d{4}(?!\d)")
# ... after a country's code, groups of one digit and the trunk's "(0)" too: "+33 1 44 96 51
# 51", "+31 (0)15 278 4259"; a trunk prefix before a number of seven or eight digits
# ("010-88828512"); after a telephone's label, any run of digit groups ("Fax: 2565 1622",
# "tel (861) 532 1921")
_PHONE_INTL = re.compile(r"\+\d{1,4}(?:[ -](?:\(0\))?\(?\d{1,4}\)?){2,}")
_PHONE_TRUNK = re.compile(r"\(?0\d{1,3}\)?[ -]\d{7,8}(?!\d)")
_PHONE_LABELLED = re.compile(r"\(?\d{1,4}\)?(?:[ -]\(?\d{1,4}\)?)+")
_LOOK_BACK = 24
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# a report's or a document's number after its series' letters: "EA 86-10031", "ER 79-10123"
_DOC_NUMBER_BEFORE = re.compile(r"(?<![\w-])[A-Z]{1,5}\s$")
_DOC_NUMBER_AFTER = re.compile(r"-\d{4,6}(?![\d,.])")
# a document's number after its series' code in capitals, the two a field of their own (at
# the line's start or end, or set apart by wide blanks): "NSF 92-331", "JPRS 76112", "CSO: 4008",
# "CSO: 4005/0917", "EA 86-10031" (not a currency's code: "USD 2000")
_SERIES_BEFORE = re.compile(r"(?:^|[ \t]{2,})(?P<code>[A-Z]{2,5}):? $", re.M)
_SERIES_AFTER = re.compile(r"[\d/-]*(?:[ \t]{2,}|[ \t]*$)", re.M)
# a postcode after its city or state in an address's fields: "..., Beijing 100037", "New York,
# NY 10016" (a figure of that size has its thousands apart)
# (or the city opening its line under the street's: "Beijing 100600. Tel. ..."), the field's
# end after it: a comma, the line's stop, wide blanks or a bar before the next field, or a
# telephone's label ("Beijing 100600   Tel: (010) 8531-9800")
_POSTCODE_BEFORE = re.compile(r"(?:,|^)[ \t]*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s$", re.M)
_POSTCODE_AFTER = re.compile(
    r"[ \t]*(?:$|[,;)\n|·]|\.[ \t]*(?:$|\n))|[ \t]{2,}|\.?[ \t]+(?:Tel|Fax|Phone|E-?mail)\b"
)
# a US state written with points before its ZIP code: "Washington, D.C. 20418"
_POSTCODE_STATE = re.compile(r",\s*(?:[A-Z]\.){2}\s$")
# a postcode before its city, the address's last field: "..., 100085 Beijing", "3003 Bern"
# (its country may close the line after it: "..., 100085 Beijing, China")
_POSTCODE_CITY = re.compile(
    r"[ \t]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?(?:,[ \t]*[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)?"
    r"[ \t]*(?:$|\n)",
    re.M,
)
_FIELD_BEFORE = re.compile(r",[ \t]*$")
# a Dutch postcode's letters and its city after its four digits: "2628 CD Delft"
_POSTCODE_LETTERS = re.compile(r"[ \t][A-Z]{2}[ \t]+[A-Z][a-z]+")
# a house number after its street's name ("Shuangqing Road 83, Haidian", "Dongwujie 3,"): a
# street word, or a Chinese street's name ending in one ("-jie", "-lu"), then a comma
_STREET_BEFORE = re.compile(
    r"(?:\b(?:Road|Rd\.?|Street|St\.?|Avenue|Ave\.?|Strasse|Straße|Gasse|Weg|Lane|Lu|Jie|Dajie)"
    r"|[A-Z][a-z]+(?:jie|lu|dajie|strasse|straße|gasse|weg|platz|allee|straat|laan|gracht|plein)"
    # a street's name opened by its word, as French, Italian or Spanish addresses write it:
    # "Rue de la Loi 200", "Via Nazionale 91"
    r"|\b(?:Rue|Via|Viale|Calle|Avenida|Avenue|Boulevard|Piazza|Plaza|Place|Corso)"
    r"(?:\s(?:de|du|des|la|le|les|del|della|di|l'|d')){0,2}(?:\s[A-Z][\w'’-]+){1,2})\s$"
)
# what may follow a house number: a comma, the sentence's stop, a field's bar ("Mekelweg 5 |
# 2628 CD Delft")
_STREET_NUMBER_END = re.compile(r",|\.(?!\d)|[ \t]+\|")
# a person's age set after the name between commas ("Deng, 74, flies", "Shi Yigong, 47,")
# or after "aged" ("In 1978, aged 57, he")
_ADDRESS_LINE = 60  # characters: an address's line is short
# an age or an anniversary a body reaches: "Chinese-German College turns 20 as ...", "the
# centre turned twenty this year" (not "turned 500 applicants away": a noun follows)
_TURNS_BEFORE = re.compile(r"\b(?:turns|turned|turning)\s$", re.I)
_TURNS_AFTER = re.compile(
    r"(?:\s+years?(?:\s+old)?)?(?:[ \t]*(?:[,.;:!?)\n]|$)|\s+(?:this|on|in|as|with|and|today)\b)"
)
_AGE_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+,|\baged)\s$")
_AGE_AFTER = re.compile(r",(?!\d)")
# ... or after a person's post, before a comma or the sentence's stop ("says the ministry's
# deputy secretary-general, 52.", "a professor, 45, who", "The author, 54, is", "a Filipino
# farmer, 52, who")
_AGE_POST_BEFORE = re.compile(
    r"\b(?:director|minister|secretary|secretary-general|president|chairman|chairwoman|"
    r"professor|dean|spokesman|spokeswoman|ambassador|founder|adviser|advisor|economist|"
    r"physicist|chemist|biologist|engineer|scientist|researcher|author|writer|farmer|teacher|"
    r"doctor|official|diplomat|expert|manager|executive|editor|lecturer|historian|analyst|"
    r"consultant|entrepreneur|agronomist|geologist|mathematician|technician|student|"
    r"graduate|veteran|woman|man),\s$",
    re.I,
)
_AGE_POST_AFTER = re.compile(r",(?!\d)|\.(?=\s|$)")
# an age bound after the people it bounds: "for researchers under 40", "scientists aged over 35"
_AGE_BOUND_BEFORE = re.compile(
    r"\b(?:researchers|scientists|scholars|students|people|applicants|candidates|fellows|"
    r"engineers|those|women|men)\s+(?:aged\s+)?(?:under|over|below|above)(?:\s+the\s+age\s+of)?\s$"
)
_AGE_BOUND_AFTER = re.compile(r"(?!\s*(?:%|per\s*cent|percent))")
# an age limit a rule sets: "Applicants must be under 40", "(under 50 for professors)" after
# "under 45 years of age" (a bracket's bound where the sentence speaks of age)
_AGE_LIMIT_BEFORE = re.compile(
    r"(?:\b(?:be|are|is)\s+|(?P<bracket>\(\s*))(?:under|over|below|above)\s$"
)
# a person's age after its words: "at the age of 78", "from the age of seven", "at age 40"
_AGE_OF_BEFORE = re.compile(
    r"\b(?:(?:at|from|by|until|till|to|of|under|over|before|after)\s+(?:the\s+)?age\s+of"
    r"|\b(?:at|from)\s+age)\s$",
    re.I,
)
_OF_AGE = re.compile(r"\bage\b|\baged\b|years\s+old")
# a ranking's head, not a count: "the three largest sources", "the top 10 universities"
_SUPERLATIVE_AFTER = re.compile(r"\s(?:largest|biggest|smallest|highest|lowest)\b")
_TOP_BEFORE = re.compile(r"\b(?:the|The)\s+top\s$")
# (not "has engaged 40 of them"; the second of two ages too: "aged 71 and 68")
_AGED_BEFORE = re.compile(r"\baged\s(?:\d\d\s(?:and|or|to)\s)?$")
_OR_YOUNGER = re.compile(r"\s+(?:or|and)\s+(?:under|younger|below|less)\b")
# a language test's name, perhaps with "score (of)", before its score
_TEST_SCORE_BEFORE = re.compile(
    r"\b(?:IELTS|TOEFL|TOEIC|GRE|GMAT|HSK|WSK)(?:\s+(?:\w+\s+)?(?:score|band)(?:\s+of)?)?\s$"
)
# a record's place among the records found, as a database writes it: "Record 3 of 17",
# "Document 13 of 27"
_RECORD_BEFORE = re.compile(r"\b(?:Record|Document|Result|Entry|Hit)\s(?:\d{1,5}\sof\s)?$")
_RECORD_AFTER = re.compile(r"\sof\s\d")
# a serial's issue and its year: "Issue 4, 2019, pp. 22-25", "Number 38, 1998-99"
_ISSUE_BEFORE = re.compile(r"\b(?:Issue|Number)\s$")
_ISSUE_YEAR_AFTER = re.compile(r",\s?(?:19|20)\d\d(?!\d)")
# a writer's own circle, in a post or a forum's answer: "my 5 roommates", "I'm 29", "I was
# 38", a sentence or a line opening on it ("Of my 5 roommates at Tsinghua, 2 are back in
# China", "Our group at CAS: 5 people, 3 came back from Germany"): a count of a few people
# one knows, never a figure
_OWN_BEFORE = re.compile(r"(?:\b(?:[Mm]y|[Oo]ur)|\bI'm|\bI\s+(?:am|was))\s$")
_OWN_OPENING = re.compile(r"\s*(?:Of\s+my|Our\s+(?:group|lab|team|class|family))\b")
_OWN_MAX = 3  # digits: a few people
# a number of more than one point: a code, a version, a legal collection's number
# ("SR 0.420.349.1", "v2.3.1"): no figure
_DOTTED = re.compile(r"(?:\.\d+){2,}(?![\d,])")
# a size of a file after its number with decimals: "(PDF, 1.4 MB)"
_FILE_SIZE = re.compile(r"(?:\.\d+)?\s*(?:[KMG]B|[kKMG]byte|bytes)\b")


_WEATHER_BACK = 60  # characters before a number of degrees where its weather is looked for


def _temperature(
    text: str, start: int, end: int, s_start: int, s_end: int, cfg: _Numbering
) -> bool:
    """True when the number is a temperature: degrees after it with their scale ("34 degrees
    Centigrade", "5 °C"), or a word of the weather shortly before it in its sentence ("sunny,
    18 degrees", "low of minus 4 degrees")."""
    m = cfg.degrees.match(text, end, s_end)
    if m is None:
        return False
    if m.group("sign") or m.group("scale"):
        return True
    lo = max(s_start, start - _WEATHER_BACK)
    return cfg.weather.search(text, lo, start) is not None or (
        # (a temperature's two digits at most: "it is now 300 degrees a year" counts)
        "degree" in m.group()
        and end - start <= 2
        and cfg.weather_clause.search(text, lo, start) is not None
    )


_ERA_BACK = 12  # characters: an era's name and its blank before its number


@functools.cache
def _era_before() -> re.Pattern[str] | None:
    """An era of another calendar right before a number (the eras
    :func:`analysis.sentencedates.calendar_eras` dates by), or None."""
    eras = calendar_eras()
    if eras is None:
        return None
    names = "|".join(re.escape(n) for n in sorted(eras.first_years, key=len, reverse=True))
    return re.compile(rf"\b(?:{names})\s$")


@functools.cache
def _currencies() -> frozenset[str]:
    from analysis import units

    return units.currencies() | {"RMB"}


# Fast tests: each is a necessary condition of the search after it (the twins in
# tests/test_numbering.py run without them and must give the same answers)
def _may_label(before: str, cfg: _Numbering) -> bool:
    """Whether the word before the number can end a label, a telephone's or a counter's."""
    return any(w in cfg.words or w[:-1] in cfg.words for w in _words_before(before))


def _may_line(text: str, line_start: int, start: int) -> bool:
    """Whether a line label (which has a colon) can stand before the number on its line."""
    return text.find(":", line_start, start) >= 0


# a document's year in brackets before its serial number: "Guo Fa [2005] No. 44", "Jiaowaisi
# Liu [2011] 046", "CSC Notice No. [2007] 12", "国发〔2006〕6"
_DOC_YEAR_BEFORE = re.compile(r"[\[〔]\s*(?:19|20)\d\d\s*[\]〕]\s*(?:No\.\s*)?$")
_DOC_NUMBER_END = re.compile(r"[ \t]*(?:$|\n|[,;)]|[ \t]{2,})")  # the number ends its field
# the rest of a counter's number cut short by thousands or millions: ".3K", "k", ".5M"
_SHORT_COUNT = re.compile(r"(?:\.\d{1,2})?[kKmM]\+?(?![\w.])")


def _may_phone(text: str, start: int, end: int) -> bool:
    """Whether the number can be a group of a telephone number: another group beside it, or
    a "+" or "(" before it."""
    return (
        text[end : end + 1] in (" ", "-", ")") and any(c.isdigit() for c in text[end + 1 : end + 4])
    ) or (start > 0 and text[start - 1] in " -(+")


def _may_phone_digits(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]``, where a telephone number's run would stand, holds the eight
    digits it needs (the run's search, tried at every character, was most of the cost of
    this module on pages with no telephone numbers)."""
    return sum(map(str.isdigit, text[lo:hi])) >= 8


def numbering_at(text: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    """True when the number at ``text[start:end]`` (its digits, without unit or scale)
    numbers or times something: see the module's docstring. ``s_start``, ``s_end``: its
    sentence, beyond which nothing is looked at."""
    after = text[end : min(s_end, end + 3)]
    if after[:1] == ":" and _CLOCK_AFTER.match(text, end, s_end):
        return True
    before = text[max(s_start, start - _LOOK_BACK) : start]
    if before.endswith(":") and end - start == 2 and _CLOCK_BEFORE.search(before):
        return True
    if after[:1] in ". apAP" and _CLOCK_AFTER.match(text, end, s_end):
        return True
    if (
        end - start == 4
        and after[:1] in " GUECPBJKHgu"
        and text[start : start + 2] <= "23"
        and text[start + 2 : start + 4] <= "59"
        and _ZONE_AFTER.match(text, end, s_end)
    ):
        return True  # a clock time in four digits with its zone: "(1104 GMT)", "at 0412 EST"
    if after[:1] == "." and (
        _DOT_CLOCKS.match(text, start, s_end)
        or (before[-1:] in "-– " and _DOT_CLOCKS.match(text, _dot_clock_from(before, start), s_end))
    ):
        return True  # office hours with points: "Mon-Fri 9.00-16.00"
    if before[-1:] in "+-−" and _ZONE_OFFSET_BEFORE.search(before):
        return True  # a time zone's offset: "17:00 (UTC+8)", "GMT-5"
    if after[:1] in "'′" and _RUNNING_TIME_AFTER.match(text, end, s_end):
        return True  # a running time in minutes and seconds: "Running time: 27'40\""
    if before[-1:] in "'′" and _RUNNING_TIME_BEFORE.search(before):
        if text[end : end + 1] in '"″':
            return True
    if after[:1] in " .FMk" and _FREQUENCY_AFTER.match(text, end, s_end):
        return True  # a station's frequency: "91.5 FM", "on 101 FM"
    if after[:1] == "/" and _OF_PARTS_AFTER.match(text, end, s_end):
        return True
    if before.endswith("/") and _OF_PARTS_BEFORE.search(before):
        return True
    if after[:1] == "/" and _SLASH_DATE_AFTER.match(text, end, s_end):
        return True
    if before.endswith((": ", ":", ", ", ",")) and _CITE_BEFORE.search(before):
        if _CITE_AFTER.match(text, end, s_end):
            return True
    if after[:1] == "," and _VOLUME_AFTER.match(text, end, s_end) and _VOLUME_BEFORE.search(before):
        return True
    if before.endswith(", ") and _JOURNAL_PAGE_BEFORE.search(before):
        if _JOURNAL_PAGE_AFTER.match(text, end, s_end):
            return True
    if after[:1] == " " and _VOLUME_YEAR_PAGES.match(text, end, s_end):
        return True  # "Int. J. Mod. Phys. D 20 (2011), 989-1024.": the volume
    if before[-2:] in (": ", ", ") and _PAGES_AFTER_VOLUME.search(before):
        if _PAGES_END.match(text, end, s_end):
            return True  # "Journal of Glaciology 38 (1992): 45-61.": the pages
    if after[:1] in " :" and _VOLUME_YEAR_AFTER.match(text, end, s_end):
        if numbering().journal.search(before):
            return True
    if before.endswith("), ") and _IMPRINT_PAGES_BEFORE.search(
        text, max(s_start, start - 80), start
    ):
        if _IMPRINT_PAGES_AFTER.match(text, end, s_end):
            return True
    if after[:1] == "(" and _ISSUE_AFTER.match(text, end, s_end):
        return True
    if before.endswith("[") and _BRACKET_DURATION.match(text, end, s_end):
        return True
    if before.endswith("(:") and end - start == 2 and after[:1] == ")":
        return True  # a broadcast cut's running time: "CUT 7 (:19)", "tag out (:04)"
    if before.endswith(("min ", "min. ")) and _MINUTES_BEFORE.search(before):
        if _SECONDS_AFTER.match(text, end, s_end):
            return True  # the seconds of a running time: "7 min 20 s"
    if before.endswith("^") and end - start <= 2:
        return True  # a footnote's mark raised by a caret: "... a year.^2 (See also"
    if before.endswith("<age>"):
        return True  # a record's age field: "<employer>...</employer><age>63</age>"
    if before.endswith((" of ", "ge ")) and _AGE_OF_BEFORE.search(before):
        return True  # a person's age: "died at the age of 78", "at age 40"
    if end - start <= 2 and before.endswith(" ") and (era := _era_before()) is not None:
        if era.search(before, max(0, len(before) - _ERA_BACK)):
            return True  # a year of another calendar's era: "Showa 55 (1980)", "Heisei 4"
    line_start = max(s_start, text.rfind("\n", s_start, start) + 1)
    if after[:1] == "." and not text[line_start:start].strip():
        if _SECTION_AT_LINE_START.match(text, end, s_end):
            return True
    if after[:1] in " \t" and end - start <= 2 and not text[line_start:start].strip():
        if _bare_section_number(text, start, end):
            return True
    cfg = numbering()
    if _may_label(before, cfg) and (
        cfg.label.search(before) or cfg.phone.search(before) or cfg.counted.search(before)
    ):
        return True
    if _may_line(text, line_start, start) and cfg.line.search(text, line_start, start):
        return True
    if cfg.counter.match(text, end, s_end):
        return True
    if after[:1] in ".kKmM":  # a counter cut short: "2.3K upvotes", "(1.2k shares)", "14k views"
        short = _SHORT_COUNT.match(text, end, s_end)
        if short and cfg.short_counter.match(text, short.end(), s_end):
            return True
    if (
        before.endswith("d ")
        and _HITS_BEFORE.search(before)
        and _HITS_AFTER.match(text, end, s_end)
    ):
        return True
    if "·" in after or "•" in after:
        bar = _BAR_NEXT.match(text, end, s_end)
        if bar and cfg.counter.match(text, bar.end(), s_end):
            return True
    if before.rstrip(" \t\ufe0f")[-1:] in cfg.marks and cfg.mark_line.match(text, line_start):
        return True  # a post's reactions: "♡ 214  ⟲ 87  💬 9"
    if before.rstrip().endswith(("·", "•")) and cfg.bar.search(before):
        return True
    if before.rstrip().endswith((":", "：")) and cfg.field.search(text, line_start, start):
        return True  # "...  Visitors: 3,475,112", "Results Found: 27": a site's counter
    if cfg.street.match(text, end, s_end):
        return True
    if after[:1] in " °" and _temperature(text, start, end, s_start, s_end, cfg):
        return True
    if before.endswith(("] ", "]", "〕", "〕 ", ". ")) and _DOC_YEAR_BEFORE.search(before):
        if _DOC_NUMBER_END.match(text, end, s_end):
            return True  # a Chinese document's number: "Jiaowaisi [2011] 046", "No. [2007] 12"
    if (
        after[:1] == "-"
        and _DOC_NUMBER_BEFORE.search(before)
        and _DOC_NUMBER_AFTER.match(text, end)
    ):
        return True
    if before.endswith(" ") and before[-2:-1].isupper() or before.endswith(": "):
        series = _SERIES_BEFORE.search(text, line_start, start)
        if series and series.group("code") not in _currencies():
            if _SERIES_AFTER.match(text, end, s_end):
                return True
    if 5 <= end - start <= 6 and (
        _POSTCODE_BEFORE.search(before) or _POSTCODE_STATE.search(before)
    ):
        if _POSTCODE_AFTER.match(text, end, s_end) and text[start:end].isdigit():
            return True
    if (
        end - start == 4
        and text[start:end].isdigit()
        and _POSTCODE_LETTERS.match(text, end, s_end)
        and (_FIELD_BEFORE.search(before) or before.endswith("| "))
    ):
        return True  # a Dutch postcode: "Mekelweg 5 | 2628 CD Delft"
    if (
        5 <= end - start <= 6
        and text[start:end].isdigit()
        and _POSTCODE_CITY.match(text, end, s_end)
    ):
        if _FIELD_BEFORE.search(before) or not text[line_start:start].strip():
            return True
    # (before a comma, or at the end of an address's short line: "Sanlitun Dongwujie 3")
    at_line_end = (after[:1] == "\n" or end == s_end) and end - line_start <= _ADDRESS_LINE
    if (at_line_end or _STREET_NUMBER_END.match(text, end, s_end)) and _STREET_BEFORE.search(
        before
    ):
        return True
    if after[:1] == " " and _SUPERLATIVE_AFTER.match(text, end, s_end):
        return True  # the size of a ranking's head: "the three largest sources", "five biggest"
    if before.endswith("top ") and _TOP_BEFORE.search(before):
        return True  # "the top five provinces", "ranked among the top 10 universities"
    if end - start == 2 and (
        ("aged " in before[-12:] and _AGED_BEFORE.search(before))
        or _OR_YOUNGER.match(text, end, s_end)
        and _OF_AGE.search(text, s_start, start)
    ):
        # an age after "aged" whatever follows ("aged 45 or under", "aged 40 (35 for ...)"),
        # or a bound "N or under" where the sentence speaks of age ("(counsellor posts: 50
        # or under)")
        if _AGE_BOUND_AFTER.match(text, end, s_end):
            return True
    if before.endswith(("S ", "L ", "C ", "E ", "T ", "K ", "f ", "e ", "d ")) and (
        _TEST_SCORE_BEFORE.search(before)
    ):
        return True  # a language test's score: "IELTS 6.5 or above", "a TOEFL score of 90"
    if end - start == 2 and _AGE_BOUND_BEFORE.search(before):
        if _AGE_BOUND_AFTER.match(text, end, s_end):
            return True
    if end - start == 2 and before.endswith(("r ", "w ", "e ")):
        limit = _AGE_LIMIT_BEFORE.search(before)
        if limit and _AGE_BOUND_AFTER.match(text, end, s_end):
            if not limit.group("bracket") or _OF_AGE.search(text, s_start, start):
                return True
    if before.endswith(("d ", "t ", "y ", "f ")) and _RECORD_BEFORE.search(before):
        if before.endswith("f ") or _RECORD_AFTER.match(text, end, s_end):
            return True
    if after[:1] == "," and before.endswith(("e ", "r ")) and _ISSUE_BEFORE.search(before):
        if _ISSUE_YEAR_AFTER.match(text, end, s_end):
            return True
    if before.endswith(("s ", "d ", "g ")) and _TURNS_BEFORE.search(before):
        if _TURNS_AFTER.match(text, end, s_end):
            return True
    if (
        end - start == 2
        and before.endswith(", ")
        and _AGE_POST_BEFORE.search(before)
        and _AGE_POST_AFTER.match(text, end, s_end)
    ):
        return True
    if end - start == 2 and _AGE_BEFORE.search(before) and _AGE_AFTER.match(text, end, s_end):
        month = before.rstrip(", ").rsplit(None, 1)[-1]
        if month.lower() not in _MONTHS:
            return True
    if end - start <= _OWN_MAX and text[start:end].isdigit():
        if (before.endswith(("y ", "r ", "m ", "s ")) and _OWN_BEFORE.search(before)) or any(
            text[at : at + 1] in "Oo \t\n" and _OWN_OPENING.match(text, at, start)
            for at in {s_start, line_start}  # (a post's line under its header's)
        ):
            return True
    if after[:1] == "." and _DOTTED.match(text, end, s_end):
        return True
    if after[:1] in ". " and _FILE_SIZE.match(text, end, s_end):
        return True
    # a telephone number: its digit groups, whichever of them this is (it has a group beside
    # it, or opens with "+" or "(")
    if not _may_phone(text, start, end):
        return False
    lo, hi = max(line_start, start - 20), min(s_end, end + 20)
    if not _may_phone_digits(text, lo, hi):
        return False
    for m in _PHONE_RUN.finditer(text, lo, hi):
        if m.start() <= start and end <= m.end():
            digits = sum(c.isdigit() for c in m.group(0))
            # (an international or a trunk prefix: "+31 70 ...", "(010) 6559 ...", "010-6559";
            # "(2007-2013) 383" is a period and a figure)
            if digits >= 8 and _PHONE_PREFIX.match(m.group(0)):
                return True
    for run in (_PHONE_INTL, _PHONE_TRUNK):
        for m in run.finditer(text, lo, hi):
            if m.start() <= start and end <= m.end() and sum(map(str.isdigit, m.group(0))) >= 8:
                return True
    for m in _PHONE_LABELLED.finditer(text, lo, hi):
        if m.start() <= start and end <= m.end() and sum(map(str.isdigit, m.group(0))) >= 8:
            label = text[max(line_start, m.start() - _LOOK_BACK) : m.start()]
            if numbering().phone.search(label):
                return True
    return False
