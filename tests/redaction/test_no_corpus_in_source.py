"""No name, street or phrase from a test or bench corpus appears in redaction/ source (issue 10).

House rule: product code and its comments are written from general knowledge, never from the
documents it is measured on. The corpus words are the capitalised words of every labelled string
(names, addresses) of the shared fixtures, of the bench corpora and of the test corpora, less
ordinary English words (the model's vocabulary) and the shared word lists; each must not occur as a
whole word in any file under redaction/.
"""

import ast
import json
import re
from pathlib import Path

import pytest

from redaction.engine import _english_words, _is_english
from tests.redaction.engine_support import shared_engine

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / ".." / "shared" / "fixtures").resolve()
WORD = re.compile(r"\b[A-Z][a-zà-ÿ'\u2019]{3,}(?:-[A-Z][a-z]+)?\b")
MARKUP = re.compile(r"\{[rk]:\w+:([^{}]+)\}")
NAME_PAIR = re.compile(r"\b([A-Z][a-z]{2,})\s+(?:[A-Z]\.?\s+)?([A-Z][a-z'\-]{3,})\b")


def corpus_strings() -> set[str]:
    out: set[str] = set()
    for truth in SHARED.glob("*/truth.json"):
        for case in json.loads(truth.read_text())["cases"]:
            for doc in case["documents"]:
                out.update(doc["must_redact"])
                out.update(doc["must_keep"])
    for ctx in SHARED.glob("*/*.context.json"):
        data = json.loads(ctx.read_text())
        out.add(data["subject"]["name"])
        out.update(s["name"] for s in data.get("staff", ()))
    # Bench and test corpora are Python: every string literal that holds a "Given Surname" pair.
    files = [*REPO.glob("bench/*.py"), *REPO.glob("tests/**/*.py")]
    for path in files:
        if path.name == Path(__file__).name:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.update(" ".join(m.groups()) for m in NAME_PAIR.finditer(node.value))
                # The bench corpora's labelled strings ("{r:tp_address:...}"), single words included.
                out.update(m.group(1) for m in MARKUP.finditer(node.value))
    return out


@pytest.mark.slow
def test_redaction_source_quotes_no_corpus_word():
    english = _english_words(shared_engine().analyzer)
    # Country names are public vocabulary (lexicon/countries.txt, with its provenance), not corpus words.
    countries = {ln.split("\t")[0].strip().lower() for ln in (REPO / "redaction" / "lexicon" / "countries.txt")
                 .read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")}
    words = {w for s in corpus_strings() for w in WORD.findall(s)
             if not _is_english(w, english) and w.lower() not in countries}
    assert len(words) > 200  # the corpora were found
    found = []
    for path in sorted((REPO / "redaction").rglob("*")):
        if path.suffix not in (".py", ".txt") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        for w in sorted(words):
            for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text):
                line = text.count("\n", 0, m.start()) + 1
                found.append(f"{path.relative_to(REPO)}:{line}: {w}")
    assert not found, "corpus words in redaction/ source:\n" + "\n".join(found)
