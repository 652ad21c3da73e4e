"""Compare the evaluation of two checkouts of stbrief on one gold corpus, document by
document: ``python tools/abtest.py TREE_A TREE_B [CORPUS]`` (CORPUS defaults to
tests/corpus, taken relative to each tree when it is relative).

Each tree is scored by its own ``.venv`` Python (or this interpreter when it has none) in a
subprocess, so the two never share imported code. Prints each document whose counts differ,
then per-set totals (the set is the document id's letters before its digits). A developer's
tool for weighing a rule before it lands; ``AB_TOTALS_ONLY=1`` prints the totals alone.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

KEYS = (
    "strict",
    "found",
    "indicator",
    "scope",
    "measure",
    "year",
    "title",
    "date",
    "pub",
    "part",
    "furn",
)

# run inside a tree: score every gold document alone and print one JSON object
_PER_DOC = r"""
import json, sys
from analysis.corpus import load_corpus
from analysis.events import timeline_table
from analysis.evaluate import load_gold, score
from analysis.facts import facts_table
from pathlib import Path
folder = Path(sys.argv[1])
gold = load_gold(folder)
corpus = load_corpus(folder / "docs")
facts, timeline = facts_table(corpus), timeline_table(corpus)
out = {}
fby = dict(tuple(facts.groupby("doc_id")))
tby = dict(tuple(timeline.groupby("doc_id")))
for doc_id, g in gold.items():
    rows, events = fby.get(doc_id, facts.iloc[:0]), tby.get(doc_id, timeline.iloc[:0])
    r = score({doc_id: g}, corpus, rows, events)
    m = r.metrics
    c = lambda name: m[name].counts()[0]
    out[doc_id] = {"strict": c("strict_recall"), "found": c("fact_recall"),
        "indicator": c("indicator"), "scope": c("scope"), "measure": c("measure"),
        "year": c("year"), "title": c("titles"), "date": c("published"),
        "pub": c("publishers"), "part": r.wrong("part_as_whole"), "furn": r.wrong("furniture"),
        "facts": m["fact_recall"].counts()[1]}
print(json.dumps(out))
"""


def scores(tree: Path, corpus: str) -> dict[str, dict[str, int]]:
    python = tree / ".venv" / "bin" / "python"
    exe = str(python) if python.exists() else sys.executable
    folder = Path(corpus) if Path(corpus).is_absolute() else tree / corpus
    done = subprocess.run(
        [exe, "-c", _PER_DOC, str(folder)], cwd=tree, capture_output=True, text=True, check=False
    )
    if done.returncode:
        sys.exit(f"{tree}: scoring failed\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    a_tree, b_tree = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    corpus = argv[2] if len(argv) > 2 else "tests/corpus"
    a, b = scores(a_tree, corpus), scores(b_tree, corpus)
    totals_only = os.environ.get("AB_TOTALS_ONLY")
    sets: dict[str, list] = defaultdict(lambda: [defaultdict(int), defaultdict(int), 0])
    for doc in sorted(set(a) | set(b)):
        x, y = a.get(doc, {}), b.get(doc, {})
        name = re.match(r"[a-z]*", doc).group() or doc
        for k in KEYS:
            sets[name][0][k] += x.get(k, 0)
            sets[name][1][k] += y.get(k, 0)
        sets[name][2] += y.get("facts", x.get("facts", 0))
        diff = [f"{k} {x.get(k, 0)}→{y.get(k, 0)}" for k in KEYS if x.get(k, 0) != y.get(k, 0)]
        if diff and not totals_only:
            print(f"{doc:8} {', '.join(diff)}")
    print(f"\n{'set':6} {'facts':>5} " + " ".join(f"{k:>11}" for k in KEYS))
    grand = [defaultdict(int), defaultdict(int), 0]
    for name in sorted(sets):
        sa, sb, n = sets[name]
        for k in KEYS:
            grand[0][k] += sa[k]
            grand[1][k] += sb[k]
        grand[2] += n
        cells = [f"{sa[k]}→{sb[k]}" if sa[k] != sb[k] else str(sa[k]) for k in KEYS]
        print(f"{name:6} {n:>5} " + " ".join(f"{c:>11}" for c in cells))
    cells = [f"{grand[0][k]}→{grand[1][k]}" for k in KEYS]
    print(f"{'ALL':6} {grand[2]:>5} " + " ".join(f"{c:>11}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
