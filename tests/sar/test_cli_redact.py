"""``sar redact``: files and schedules written, bad input reported by name, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from sar.core.settings import REPO_ROOT

SAR = str(REPO_ROOT / ".venv" / "bin" / "sar")
SAMPLE = (REPO_ROOT / ".." / "shared" / "fixtures" / "redaction-sample").resolve()
SCORER = (REPO_ROOT / ".." / "shared" / "tools" / "score_redaction.py").resolve()


def run(*args, timeout=300):
    env = dict(os.environ, TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS="")
    return subprocess.run(
        [SAR, "redact", *map(str, args)], capture_output=True, text=True, env=env, timeout=timeout
    )


def staff_file(tmp_path, staff):
    path = tmp_path / "staff.json"
    path.write_text(json.dumps(staff))
    return path


@pytest.fixture(scope="module")
def two_pdfs(tmp_path_factory):
    """Two fixture PDFs: from the shared sample when present, else from the held-out factory."""
    d = tmp_path_factory.mktemp("in")
    if SAMPLE.is_dir():
        for name in ("case00_visit_1.pdf", "case00_strategy_1.pdf"):
            shutil.copy(SAMPLE / name, d / name)
        ctx = json.loads((SAMPLE / "case00.context.json").read_text())
    else:
        from tests.redaction.heldout_factory import build_corpus

        build_corpus(d, [0])
        ctx = json.loads((d / "heldout00.context.json").read_text())
        for p in d.glob("*.pdf"):
            if not any(k in p.name for k in ("casenote", "minutes")):
                p.unlink()
    return d, ctx


@pytest.mark.slow
def test_redacts_a_bundle_and_writes_schedules(two_pdfs, tmp_path):
    src, ctx = two_pdfs
    out = tmp_path / "out"
    pdfs = sorted(src.glob("*.pdf"))
    bad = tmp_path / "notes.pdf"
    bad.write_text("this is not a PDF")
    res = run(
        "--subject-name",
        ctx["subject"]["name"],
        "--subject-dob",
        ctx["subject"]["dob"],
        "--staff-file",
        staff_file(tmp_path, ctx["staff"]),
        "--label-codes",
        "--out",
        out,
        *pdfs,
        bad,
    )
    assert res.returncode == 1, res.stderr
    assert "notes.pdf" in res.stderr
    for pdf in pdfs:
        assert (out / pdf.name).read_bytes().startswith(b"%PDF")
        written = json.loads((out / f"{pdf.name}.redactions.json").read_text())
        schedule = written["redactions"]
        assert schedule, pdf.name
        assert written["cast"] and {p["status"] for p in written["cast"]} >= {"subject"}, pdf.name
        for entry in schedule:
            assert set(entry) == {
                "page",
                "code",
                "reason",
                "text",
                "entity_type",
                "score",
                "recognizer",
                "boxes",
            }
            assert entry["page"] >= 1 and entry["boxes"]
    assert not (out / "notes.pdf").exists()


@pytest.mark.slow
def test_all_good_files_exit_zero(two_pdfs, tmp_path):
    src, ctx = two_pdfs
    pdf = sorted(src.glob("*.pdf"))[0]
    res = run("--subject-name", ctx["subject"]["name"], "--workers", "2", "--out", tmp_path / "o", pdf)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "o" / f"{pdf.name}.redactions.json").exists()


def test_encrypted_and_missing_files_are_named(tmp_path):
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((50, 50), "secret")
    enc = tmp_path / "locked.pdf"
    doc.save(enc, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="o", user_pw="u")
    res = run("--subject-name", "A B", "--out", tmp_path / "o", enc, tmp_path / "missing.pdf")
    assert res.returncode == 1
    assert "locked.pdf" in res.stderr and "missing.pdf" in res.stderr


def test_every_page_burn_in_changed_or_could_not_verify_is_warned(tmp_path):
    # Issue 8: `sar redact` warned in 1 of 17 held-out cases. Burn-in's own notes (layers
    # removed, accessibility text stripped, pages rasterised or not verifiable) are warnings too.
    from tests.redaction import channel_factory as C

    layered, drawn = tmp_path / "layered.pdf", tmp_path / "drawn.pdf"
    layered.write_bytes(C.print_only_layer("Dana Whitcombe"))
    drawn.write_bytes(C.vector_outlines("Dana Whitcombe"))
    res = run("--subject-name", "A B", "--out", tmp_path / "o", layered)
    assert res.returncode == 0, res.stderr
    assert "warning: layered.pdf" in res.stderr and "optional-content section(s)" in res.stderr
    # Without Tesseract on the PATH, a page that can show text its text layer lacks is named.
    env = dict(os.environ, TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS="", PATH=str(REPO_ROOT / ".venv" / "bin"))
    res = subprocess.run(
        [SAR, "redact", "--subject-name", "A B", "--out", str(tmp_path / "o2"), str(drawn)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert res.returncode == 0, res.stderr
    assert "drawn.pdf: page 1: could not be verified by OCR" in res.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--subject-name", "A B", "x.pdf"],  # no --out
        ["--subject-name", "A B", "--out", "o"],  # no files
        ["--out", "o", "x.pdf"],  # no subject
        ["--subject-name", "A B", "--subject-dob", "1999-01-01", "--out", "o", "x.pdf"],
    ],
)
def test_usage_errors_exit_2(args, tmp_path):
    res = subprocess.run([SAR, "redact", *args], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert res.returncode == 2, res.stderr
    assert res.stderr.startswith("sar: error")


@pytest.mark.parametrize("content", ['{"name": "x"}', '[{"name": "A"}]', "not json"])
def test_malformed_staff_file_is_a_usage_error(content, tmp_path):
    staff = tmp_path / "staff.json"
    staff.write_text(content)
    res = subprocess.run(
        [
            SAR,
            "redact",
            "--subject-name",
            "A B",
            "--staff-file",
            str(staff),
            "--out",
            str(tmp_path / "o"),
            "x.pdf",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 2, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


@pytest.mark.slow
@pytest.mark.skipif(
    not SAMPLE.is_dir() or not SCORER.is_file(), reason="shared sample not found at ../shared"
)
def test_sample_quality_meets_target(tmp_path):
    """The before-stop procedure: every sample case through the CLI, then the shared scorer."""
    out = tmp_path / "out"
    for ctx_path in sorted(SAMPLE.glob("case*.context.json")):
        case = ctx_path.name.split(".")[0]
        ctx = json.loads(ctx_path.read_text())
        res = run(
            "--subject-name",
            ctx["subject"]["name"],
            "--subject-dob",
            ctx["subject"]["dob"],
            "--staff-file",
            staff_file(tmp_path, ctx["staff"]),
            "--out",
            out,
            *sorted(SAMPLE.glob(f"{case}_*.pdf")),
        )
        assert res.returncode == 0, res.stderr
    score = subprocess.run(
        [sys.executable, str(SCORER), str(SAMPLE), str(out)], capture_output=True, text=True, timeout=300
    )
    result = json.loads(score.stdout)
    assert result["leak_rate"] <= 0.01, result
    assert result["keep_rate"] >= 0.95, result
    assert result["metadata_leaks"] == 0 and result["documents_missing"] == 0


@pytest.mark.slow
def test_confirmed_cast_file_wins_and_the_cast_is_written(two_pdfs, tmp_path):
    """A name the engine would redact is kept when the confirmed cast says it is a professional, and a
    bad cast file is a clear error (issue 10)."""
    src, ctx = two_pdfs
    pdf = sorted(src.glob("*.pdf"))[0]
    base = run("--subject-name", ctx["subject"]["name"], "--out", tmp_path / "a", pdf)
    assert base.returncode == 0, base.stderr
    before = json.loads((tmp_path / "a" / f"{pdf.name}.redactions.json").read_text())
    third = [p for p in before["cast"] if p["status"] in ("third_party", "unresolved")]
    assert third and all(p["mentions"] and "evidence" in p for p in third)
    name = third[0]["name"]
    assert any(name in r["text"] for r in before["redactions"])
    cast = tmp_path / "cast.json"
    cast.write_text(json.dumps({"people": [{"name": name, "role": "professional", "relationship": "GP"}]}))
    after_run = run("--subject-name", ctx["subject"]["name"], "--cast", cast, "--out", tmp_path / "b", pdf)
    assert after_run.returncode == 0, after_run.stderr
    after = json.loads((tmp_path / "b" / f"{pdf.name}.redactions.json").read_text())
    assert not any(" ".join(r["text"].split()) == name for r in after["redactions"])
    assert any(p["name"] == name and p["status"] == "professional" for p in after["cast"])
    cast.write_text(json.dumps({"people": [{"name": name, "role": "cousin"}]}))
    bad = run("--subject-name", ctx["subject"]["name"], "--cast", cast, "--out", tmp_path / "c", pdf)
    assert bad.returncode == 2 and "people[0].role" in bad.stderr


@pytest.mark.slow
def test_quote_replace_writes_a_copy_without_withheld_text(two_pdfs, tmp_path):
    """``--quote replace``: the schedule and the cast quote withheld text only as ``[redacted: CODE]``
    (issue 10, redaction.anonymise); the default copy keeps it for the reviewer."""
    src, ctx = two_pdfs
    pdf = sorted(src.glob("*.pdf"))[0]
    res = run("--subject-name", ctx["subject"]["name"], "--quote", "replace", "--out", tmp_path / "r", pdf)
    assert res.returncode == 0, res.stderr
    keep = run("--subject-name", ctx["subject"]["name"], "--out", tmp_path / "k", pdf)
    assert keep.returncode == 0, keep.stderr
    kept = json.loads((tmp_path / "k" / f"{pdf.name}.redactions.json").read_text())
    raw = (tmp_path / "r" / f"{pdf.name}.redactions.json").read_text()
    written = json.loads(raw)
    assert [e["code"] for e in written["redactions"]] == [e["code"] for e in kept["redactions"]]
    assert all(e["text"] == f"[redacted: {e['code']}]" for e in written["redactions"])
    withheld = {" ".join(e["text"].split()) for e in kept["redactions"] if e["entity_type"] == "PERSON"}
    assert withheld and not [t for t in withheld if t in " ".join(raw.split())]
    third = [p for p in written["cast"] if p["status"] in ("third_party", "unresolved")]
    assert third and all(p["name"].startswith("[redacted: ") for p in third)
    assert any(p["status"] == "subject" and p["name"] == ctx["subject"]["name"] for p in written["cast"])
