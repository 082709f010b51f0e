"""``make demo``'s own setup commands work on a fresh machine with no SAR_* variables set.

The demo recipe once ran ``sar demo`` without ``SAR_ENV=demo``, so on a fresh machine (no
``SAR_AUDIT_KEY``) it stopped with "SAR_AUDIT_KEY is not set" before serving anything. This test
asks make for the recipe (``make -n``) and runs its database and demo-data lines exactly as printed,
in an environment scrubbed of every ``SAR_*`` variable, against a throw-away SQLite file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sar.core.settings import REPO_ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _recipe_lines(db_url: str) -> list[str]:
    out = subprocess.run(
        ["make", "-n", "--no-print-directory", "demo", f"DEMO_DB={db_url}", "STAMP=/dev/null"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=True,
    ).stdout
    return [line for line in out.splitlines() if "sar db upgrade" in line or line.rstrip().endswith("sar demo")]


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("SAR_") and k != "DATABASE_URL"}


def test_the_demo_recipe_migrates_and_loads_without_any_sar_settings(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    lines = _recipe_lines(f"sqlite:///{db}")
    assert len(lines) == 2, f"expected the migrate and load lines in the demo recipe, got {lines}"
    for line in lines:
        done = subprocess.run(["bash", "-c", line], cwd=REPO_ROOT, env=_clean_env(),
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{line!r} failed:\n{done.stdout}\n{done.stderr}"
    assert db.exists()


def test_without_demo_mode_the_same_load_refuses_to_run_unsigned(tmp_path: Path) -> None:
    """The negative row: the audit key check is real, so the recipe needs its SAR_ENV=demo."""
    db = tmp_path / "prod.db"
    sar = REPO_ROOT / ".venv" / "bin" / "sar"
    if not sar.exists():
        pytest.skip("the project's .venv is not installed (run make install)")
    env = _clean_env() | {"SAR_DATABASE_URL": f"sqlite:///{db}"}
    subprocess.run([str(sar), "db", "upgrade"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)
    done = subprocess.run([str(sar), "demo"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "SAR_AUDIT_KEY" in done.stderr
